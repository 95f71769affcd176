import { formatExact } from '../format';
import { classify, confidenceOf, confidencePercent, confidenceWords, THRESHOLD } from './confidence';

interface PredictionResultProps {
  output: number;
  /** What 1 and 0 are called: Female and Male, or an imported file's label values. */
  classes: { readonly F: string; readonly M: string };
}

/** Output ypred, Female/Male by the 0.5 threshold, and how sure: the distance from 0.5, drawn on 0..1. */
export function PredictionResult({ output, classes }: PredictionResultProps) {
  const confidence = confidenceOf(output);
  const percent = confidencePercent(confidence);
  const from = Math.min(output, THRESHOLD) * 100;
  return (
    <div className="predict-result">
      <p className="predict-line">
        <span className="predict-label">Output</span>{' '}
        <span className="predict-output" title={formatExact(output)}>
          {output.toFixed(3)}
        </span>
      </p>
      <p className="predict-line">
        <span className="predict-label">Prediction</span>{' '}
        <strong className="predict-class">{classify(output, classes)}</strong>
      </p>
      <p className="predict-line predict-confidence">
        <span className="predict-label">Confidence</span>{' '}
        <span>
          {percent}% sure — {confidenceWords(confidence)}
        </span>
      </p>
      <div className="predict-scale" aria-hidden="true">
        <div className="predict-track">
          <span className="predict-fill" style={{ left: `${from}%`, width: `${confidence * 50}%` }} />
          <span className="predict-threshold" />
          <span className="predict-marker" style={{ left: `${output * 100}%` }} />
        </div>
        <div className="predict-ends">
          <span>0 {classes.M}</span>
          <span>0.5</span>
          <span>{classes.F} 1</span>
        </div>
      </div>
      <p className="predict-explain">
        Confidence is how far the output is from 0.5, doubled: 0% at 0.5, 100% at 0 ({classes.M}) or 1 (
        {classes.F}).
      </p>
    </div>
  );
}

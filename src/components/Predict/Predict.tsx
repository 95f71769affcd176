import { useRef, useState } from 'react';
import { ARTICLE_QUERIES, parseMeasurement } from '../../core/dataset';
import { classNames, columnTitle, toModel, withUnit } from '../../core/units';
import { predictRaw } from '../../core/engine';
import { useMeasure, useShownNetwork } from '../../store/derived';
import { useShownParams } from '../../store/displayClock';
import { useLab } from '../../store/labStore';
import { useOnScreen } from '../common/useOnScreen';
import { MeasurementInput } from './MeasurementInput';
import { NumberPrediction } from './NumberPrediction';
import { PredictionResult } from './PredictionResult';
import { queryTexts, remeasuredTexts, startingTexts, type PredictTexts } from './predictTexts';
import './Predict.css';

function missingFields(weightOk: boolean, heightOk: boolean, names: [string, string]): string {
  if (!weightOk && !heightOk) return `${names[0]} and ${names[1]}`;
  return weightOk ? names[1] : names[0];
}

/**
 * A new person's prediction under the current parameters: it follows training live, because it reads
 * the run's parameters and input scaling (the same transform the worker applies). The inputs are in
 * the table's units (lb/in or kg/cm, converted to lb and in for the network) or an imported file's
 * columns, and follow a switch.
 */
export function Predict() {
  const measure = useMeasure();
  const labels = useLab((state) => state.settings.dataLabels);
  const [texts, setTexts] = useState<PredictTexts>(() => startingTexts(measure, useLab.getState().people));
  const [textsMeasure, setTextsMeasure] = useState(measure);
  if (textsMeasure !== measure) {
    // The units or the columns changed: the inputs follow, in this render (React's derived state).
    setTextsMeasure(measure);
    setTexts(remeasuredTexts(texts, textsMeasure, measure, useLab.getState().people));
  }
  const sectionRef = useRef<HTMLElement>(null);
  // Out of sight while training it holds still and catches up when scrolled back (the display clock).
  const net = useShownNetwork(useShownParams('readout', useOnScreen(sectionRef)));
  const weight = parseMeasurement(texts.weight, 'weight', measure);
  const height = parseMeasurement(texts.height, 'height', measure);
  const output =
    weight.ok && height.ok
      ? predictRaw(net, toModel(measure, 'weight', weight.value), toModel(measure, 'height', height.value))
      : null;
  const titles: [string, string] = [
    columnTitle(measure, 'weight', labels),
    columnTitle(measure, 'height', labels),
  ];
  const names: [string, string] = labels ? [labels.x1, labels.x2] : ['weight', 'height'];
  return (
    <section ref={sectionRef} className="predict" aria-label="Predict">
      <h2 className="predict-title">Predict</h2>
      {measure === 'plain' ? null : (
        <div className="predict-presets">
          {ARTICLE_QUERIES.map((query) => {
            const preset = queryTexts(query, measure);
            return (
              <button key={query.name} type="button" onClick={() => setTexts(preset)}>
                {query.name} ({withUnit(measure, 'weight', preset.weight)},{' '}
                {withUnit(measure, 'height', preset.height)})
              </button>
            );
          })}
        </div>
      )}
      <div className="predict-inputs">
        <MeasurementInput
          label={titles[0]}
          value={texts.weight}
          error={weight.ok ? null : weight.message}
          onChange={(text) => setTexts((current) => ({ ...current, weight: text }))}
        />
        <MeasurementInput
          label={titles[1]}
          value={texts.height}
          error={height.ok ? null : height.message}
          onChange={(text) => setTexts((current) => ({ ...current, height: text }))}
        />
      </div>
      {output === null ? (
        <p className="predict-missing">
          Fix the {missingFields(weight.ok, height.ok, names)} above to see a prediction.
        </p>
      ) : Number.isFinite(output) && net.architecture.output === 'linear' ? (
        <NumberPrediction output={output} name={labels?.target ?? 'target'} />
      ) : Number.isFinite(output) ? (
        <PredictionResult output={output} classes={classNames(labels)} />
      ) : (
        <p className="predict-missing">
          The network&apos;s parameters are no longer finite numbers (training diverged); reset to predict
          again.
        </p>
      )}
    </section>
  );
}

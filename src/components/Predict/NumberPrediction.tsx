import { formatExact, formatValue } from '../format';

interface NumberPredictionProps {
  output: number;
  /** The target column's name, e.g. `price`. */
  name: string;
}

/** A numeric target's prediction: the linear output itself, with no class and no threshold. */
export function NumberPrediction({ output, name }: NumberPredictionProps) {
  return (
    <div className="predict-result">
      <p className="predict-line">
        <span className="predict-label">Predicted {name}</span>{' '}
        <strong className="predict-number" title={formatExact(output)}>
          {formatValue(output)}
        </strong>
      </p>
      <p className="predict-explain">
        The output neuron is linear (ŷ = z), so its output is the predicted {name} itself, in the units of the
        table&apos;s {name} column: there is no class and no 0.5 threshold.
      </p>
    </div>
  );
}

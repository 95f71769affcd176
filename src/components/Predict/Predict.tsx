import { useState } from 'react';
import { ARTICLE_QUERIES, FIELD_LABELS, parseMeasurement } from '../../core/dataset';
import { predictRaw, useShownScaling } from '../../store/derived';
import { useCalmParams } from '../common/useCalmParams';
import { MeasurementInput } from './MeasurementInput';
import { PredictionResult } from './PredictionResult';
import './Predict.css';

const [EMILY] = ARTICLE_QUERIES;

function missingFields(weightOk: boolean, heightOk: boolean): string {
  if (!weightOk && !heightOk) return 'weight and height';
  return weightOk ? 'height' : 'weight';
}

/**
 * A new person's prediction under the current parameters: it follows training live, because it reads
 * the run's parameters and input scaling (the same transform the worker applies).
 */
export function Predict() {
  const [weightText, setWeightText] = useState(String(EMILY.weight));
  const [heightText, setHeightText] = useState(String(EMILY.height));
  const params = useCalmParams(null, 100);
  const scaling = useShownScaling();
  const weight = parseMeasurement(weightText, 'weight');
  const height = parseMeasurement(heightText, 'height');
  const output = weight.ok && height.ok ? predictRaw(params, scaling, weight.value, height.value) : null;
  return (
    <section className="predict" aria-label="Predict">
      <h2 className="predict-title">Predict</h2>
      <div className="predict-presets">
        {ARTICLE_QUERIES.map((query) => (
          <button
            key={query.name}
            type="button"
            onClick={() => {
              setWeightText(String(query.weight));
              setHeightText(String(query.height));
            }}
          >
            {query.name} ({query.weight} lb, {query.height} in)
          </button>
        ))}
      </div>
      <div className="predict-inputs">
        <MeasurementInput
          label={FIELD_LABELS.weight}
          value={weightText}
          error={weight.ok ? null : weight.message}
          onChange={setWeightText}
        />
        <MeasurementInput
          label={FIELD_LABELS.height}
          value={heightText}
          error={height.ok ? null : height.message}
          onChange={setHeightText}
        />
      </div>
      {output === null ? (
        <p className="predict-missing">
          Fix the {missingFields(weight.ok, height.ok)} above to see a prediction.
        </p>
      ) : Number.isFinite(output) ? (
        <PredictionResult output={output} />
      ) : (
        <p className="predict-missing">
          The network&apos;s parameters are no longer finite numbers (training diverged); reset to predict
          again.
        </p>
      )}
    </section>
  );
}

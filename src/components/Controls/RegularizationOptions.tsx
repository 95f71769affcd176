import { useId } from 'react';
import {
  DEFAULT_REGULARIZATION_RATE,
  MAX_REGULARIZATION_RATE,
  MIN_REGULARIZATION_RATE,
  REGULARIZATION_LABELS,
  type Regularization,
} from '../../core/regularization';
import { setArchitecture } from '../../store/actions';
import { useLab } from '../../store/labStore';
import { SelectField } from './SelectField';

const MIN_LOG = Math.log10(MIN_REGULARIZATION_RATE);
const MAX_LOG = Math.log10(MAX_REGULARIZATION_RATE);

/** The rate a slider position (log10 of the rate, in tenths) stands for: 2 digits, so it reads as it is. */
export function regularizationRateAt(position: number): number {
  return Number((10 ** position).toPrecision(2));
}

/** The rate as the slider shows it: 0.001, 0.0013, 1e-5. */
export function formatRegularizationRate(rate: number): string {
  return rate < 1e-4 ? rate.toExponential().replace('e-', 'e−') : String(rate);
}

/**
 * `Regularization` (None, L1, L2) and, once a penalty is on, its `Regularization rate` on a log scale.
 * Both start the run again, as the other network options do: the penalty is part of what a run is.
 */
export function RegularizationOptions() {
  const id = useId();
  const { regularization, regularizationRate } = useLab((state) => state.settings.architecture);
  const shown = formatRegularizationRate(regularizationRate);
  return (
    <>
      <SelectField<Regularization>
        label="Regularization"
        value={regularization}
        options={REGULARIZATION_LABELS}
        onChange={(value) =>
          setArchitecture({
            regularization: value,
            // the article's runs carry no rate worth keeping: a penalty turned on starts at the default
            ...(regularization === 'none' ? { regularizationRate: DEFAULT_REGULARIZATION_RATE } : {}),
          })
        }
      />
      {regularization === 'none' ? null : (
        <div className="field slider-field">
          <label htmlFor={id}>Regularization rate</label>
          <input
            id={id}
            type="range"
            min={MIN_LOG}
            max={MAX_LOG}
            step={0.1}
            value={Math.log10(regularizationRate)}
            aria-valuetext={shown}
            onChange={(event) =>
              setArchitecture({ regularizationRate: regularizationRateAt(Number(event.currentTarget.value)) })
            }
          />
          <output htmlFor={id}>{shown}</output>
        </div>
      )}
    </>
  );
}

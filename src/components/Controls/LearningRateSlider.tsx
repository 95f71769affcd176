import { useId } from 'react';
import { MAX_LEARNING_RATE, MIN_LEARNING_RATE } from '../../core/learningRate';
import { formatRate, setLearningRate } from '../../store/actions';
import { useLab } from '../../store/labStore';

/** The slider moves in log10 space so 0.001 and 100 are equally easy to reach. */
export const MIN_LOG_RATE = Math.log10(MIN_LEARNING_RATE);
export const MAX_LOG_RATE = Math.log10(MAX_LEARNING_RATE);

/** The rate the slider position stands for, rounded to the 3 digits it shows so the shown value is the real one. */
export function rateFromSlider(position: number): number {
  return Number((10 ** position).toPrecision(3));
}

export function LearningRateSlider() {
  const id = useId();
  const rate = useLab((state) => state.settings.learningRate);
  const shown = formatRate(rate);
  return (
    <div className="field slider-field">
      <label htmlFor={id}>Learning rate</label>
      <input
        id={id}
        type="range"
        min={MIN_LOG_RATE}
        max={MAX_LOG_RATE}
        step={0.01}
        value={Math.log10(rate)}
        aria-valuetext={shown}
        onChange={(event) => setLearningRate(rateFromSlider(Number(event.currentTarget.value)))}
      />
      <output htmlFor={id}>{shown}</output>
    </div>
  );
}

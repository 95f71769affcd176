import { useId } from 'react';
import { setSpeed } from '../../store/actions';
import { useLab } from '../../store/labStore';
import { formatCount } from '../format';

/** Epochs per second at each slider stop; the last stop (null) trains as fast as the machine can. */
export const SPEED_STOPS: readonly (number | null)[] = [
  1,
  2,
  5,
  10,
  20,
  50,
  100,
  200,
  500,
  1000,
  2000,
  5000,
  10000,
  50000,
  null,
];

export function speedLabel(speed: number | null): string {
  return speed === null ? 'As fast as possible' : `${formatCount(speed)} epochs/s`;
}

function stopIndex(speed: number | null): number {
  const index = SPEED_STOPS.indexOf(speed);
  return index >= 0 ? index : SPEED_STOPS.length - 1;
}

export function SpeedSlider() {
  const id = useId();
  const speed = useLab((state) => state.settings.speed);
  const label = speedLabel(speed);
  return (
    <div className="field slider-field">
      <label htmlFor={id}>Speed</label>
      <input
        id={id}
        type="range"
        min={0}
        max={SPEED_STOPS.length - 1}
        step={1}
        value={stopIndex(speed)}
        aria-valuetext={label}
        onChange={(event) => setSpeed(SPEED_STOPS[Number(event.currentTarget.value)] ?? null)}
      />
      <output htmlFor={id}>{label}</output>
    </div>
  );
}

import { GENDER_NAME } from './colors';
import { MARGIN } from './layout';
import { formatOutput, type PlanePoint } from './points';
import type { PlaneScales } from './scales';

/** The hovered or focused point's output, next to it; flips below the point near the top edge. */
export function PointTooltip({ point, scales }: { point: PlanePoint; scales: PlaneScales }) {
  const left = MARGIN.left + scales.x(point.weight);
  const top = MARGIN.top + scales.y(point.height);
  const below = top < 70;
  const side = point.output > 0.5 ? 'Female' : point.output < 0.5 ? 'Male' : 'undecided';
  return (
    <div className={`boundary-tooltip${below ? ' is-below' : ''}`} style={{ left, top }} aria-hidden="true">
      <strong>{point.name}</strong> ({GENDER_NAME[point.gender]}, {point.weight} lb, {point.height} in)
      <br />
      output <span className="boundary-tooltip-value">{formatOutput(point.output)}</span> → {side},{' '}
      {point.correct ? 'right' : 'wrong'}
    </div>
  );
}

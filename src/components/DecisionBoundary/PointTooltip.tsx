import { MARGIN } from '../../viz/planeLayout';
import { formatOutput, type PlanePoint } from './points';
import type { PlaneScales } from './scales';
import type { PlaneWords } from '../../viz/planeWords';

interface PointTooltipProps {
  point: PlanePoint;
  scales: PlaneScales;
  words: PlaneWords;
}

/** The hovered or focused point's output, next to it; flips below the point near the top edge. */
export function PointTooltip({ point, scales, words }: PointTooltipProps) {
  const left = MARGIN.left + scales.x(point.weight);
  const top = MARGIN.top + scales.y(point.height);
  const below = top < 70;
  const side = point.output > 0.5 ? words.classes.F : point.output < 0.5 ? words.classes.M : 'undecided';
  const weight = words.value('weight', point.shownWeight);
  const height = words.value('height', point.shownHeight);
  return (
    <div className={`boundary-tooltip${below ? ' is-below' : ''}`} style={{ left, top }} aria-hidden="true">
      <strong>{point.name}</strong> ({words.classes[point.gender]}, {weight}, {height})
      <br />
      output <span className="boundary-tooltip-value">{formatOutput(point.output)}</span> → {side},{' '}
      {point.correct ? 'right' : 'wrong'}
    </div>
  );
}

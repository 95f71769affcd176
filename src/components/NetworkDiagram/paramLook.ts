import { weightColor, weightWidth } from '../../viz/colorScales';

/**
 * How a weight or bias looks, rounded to what can be seen, so that a redraw during training touches only
 * the edges whose picture changed: d3's colour is already whole RGB steps, and a width is drawn to the
 * nearest WIDTH_STEP of a pixel (finer differences do not show; they would restyle every edge each frame).
 */
export const WIDTH_STEP = 0.25;

/** The stroke of a weight (or a bias's swatch) by its sign and size; muted when it is not a number. */
export function paramStroke(value: number): string {
  return weightColor(value) ?? 'var(--muted)';
}

/**
 * An edge's width in px from |w|, to the nearest WIDTH_STEP unless `exact` (a phase of the SGD step shows
 * one step's change, however small, and redraws only when the phase does); 1 when the value is not a number.
 */
export function paramWidth(value: number, exact = false): number {
  if (!Number.isFinite(value)) return 1;
  const width = weightWidth(Math.abs(value));
  return exact ? width : Math.round(width / WIDTH_STEP) * WIDTH_STEP;
}

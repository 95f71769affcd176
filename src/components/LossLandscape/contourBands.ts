import { contours } from 'd3-contour';
import { interpolateViridis } from '../../viz/colorRamps';
import { polygonsPath } from '../../viz/svgPath';

/** About ten bands: enough to read the valley's shape, few enough to tell the colours apart. */
export const BAND_COUNT = 10;
/** The log scale spans at most this ratio, so a loss of 1e-12 does not spend every band on nothing. */
const MAX_RATIO = 1e6;
/** Below this ratio between the largest and smallest loss, equal steps read better than a log scale. */
const LOG_FROM_RATIO = 4;

/**
 * The lower edge of each band, lowest first; the first is the grid's minimum, so band 0 covers the
 * whole plot. Log-spaced: losses near a minimum are small numbers, and equal steps would give the
 * valley one band and the rim nine. Empty when there is nothing finite to show.
 */
export function bandThresholds(min: number, max: number, count = BAND_COUNT): number[] {
  if (!Number.isFinite(min) || !Number.isFinite(max)) return [];
  if (!(max > min)) return [min];
  const low = Math.max(min, max / MAX_RATIO);
  const thresholds = [min];
  if (low <= 0 || max / low < LOG_FROM_RATIO) {
    for (let k = 1; k < count; k++) thresholds.push(min + ((max - min) * k) / count);
  } else {
    const ratio = max / low;
    for (let k = 1; k < count; k++) thresholds.push(low * ratio ** (k / count));
  }
  return thresholds;
}

/** Viridis from dark (band 0, the lowest loss) to light (the highest): readable without hue, too. */
export function bandColor(band: number, count = BAND_COUNT): string {
  return interpolateViridis(count <= 1 ? 0 : band / (count - 1));
}

/** One filled area per threshold above the first: where the loss is at least that threshold. */
export interface BandShape {
  readonly threshold: number;
  readonly color: string;
  /** SVG path in plot pixels; '' when no cell reaches the threshold. */
  readonly d: string;
}

/**
 * The filled contours of a cols × rows grid scaled to a width × height plot. Painted lowest first, each
 * over the last, they make the bands; band 0 is the background, painted as a rectangle.
 */
export function bandShapes(
  values: Float64Array,
  cols: number,
  rows: number,
  thresholds: readonly number[],
  width: number,
  height: number,
): BandShape[] {
  const generator = contours().size([cols, rows]);
  const scaleX = width / cols;
  const scaleY = height / rows;
  const shapes: BandShape[] = [];
  for (let band = 1; band < thresholds.length; band++) {
    const threshold = thresholds[band]!;
    // d3 only indexes the values, so a typed array serves as well as number[].
    const area = generator.contour(values as unknown as number[], threshold);
    shapes.push({
      threshold,
      color: bandColor(band, thresholds.length),
      d: polygonsPath(area.coordinates, scaleX, scaleY),
    });
  }
  return shapes;
}

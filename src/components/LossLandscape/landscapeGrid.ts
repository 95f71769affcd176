import { metricsInto } from '../../core/engine';
import type { NetworkShape } from '../../core/netForward';
import { METRICS_SIZE, METRIC_LOSS } from '../../core/netLoss';
import type { Params } from '../../core/network';
import type { TrainingSet } from '../../core/trainingSet';

/** Cells per side: 48 × 48 losses of a few samples each is well under a millisecond. */
export const GRID_SIZE = 48;
/** The window reaches at least this far either side of the current value… */
export const MIN_HALF_WIDTH = 3;
/** …and further for a large value, so a weight of 10 is seen next to 0 and 20, not only 7–13. */
export const HALF_WIDTH_PER_VALUE = 1.5;

export type Domain = readonly [number, number];

/** The range of one parameter shown around its value v: v ± max(3, 1.5·|v|). */
export function windowAround(value: number): Domain {
  const half = Math.max(MIN_HALF_WIDTH, HALF_WIDTH_PER_VALUE * Math.abs(value));
  return [value - half, value + half];
}

/** What one grid shows: which two parameters, over which ranges, at what resolution. */
export interface GridSpec {
  /** Parameter indices (architecture.ts layout; 0..8 for the article's network) along x and y. */
  readonly xParam: number;
  readonly yParam: number;
  readonly xDomain: Domain;
  readonly yDomain: Domain;
  readonly cols: number;
  readonly rows: number;
}

/** The x value sampled by column `col` (cells are sampled at their centres). */
export function columnValue(spec: GridSpec, col: number): number {
  const [low, high] = spec.xDomain;
  return low + ((col + 0.5) * (high - low)) / spec.cols;
}

/** The y value sampled by row `row`; row 0 is the top of the plot, so it holds the highest values. */
export function rowValue(spec: GridSpec, row: number): number {
  const [low, high] = spec.yDomain;
  return high - ((row + 0.5) * (high - low)) / spec.rows;
}

const metrics = new Float64Array(METRICS_SIZE);

/**
 * Fills `out` (row-major, cols × rows) with the dataset loss of the network `shape` (MSE or cross-entropy)
 * at every cell: `params` with the two chosen parameters replaced by the cell's values, the others as
 * given. `scratch` (as long as `params`) holds the modified parameters, so the loop allocates nothing
 * and `params` is left untouched.
 */
export function fillLossGrid(
  params: Params,
  spec: GridSpec,
  set: TrainingSet,
  out: Float64Array,
  scratch: Float64Array,
  shape: NetworkShape,
): void {
  const { xParam, yParam, cols, rows } = spec;
  if (out.length < cols * rows) {
    throw new RangeError(`A ${cols}×${rows} grid needs ${cols * rows} values; got room for ${out.length}`);
  }
  scratch.set(params);
  for (let row = 0; row < rows; row++) {
    scratch[yParam] = rowValue(spec, row);
    for (let col = 0; col < cols; col++) {
      scratch[xParam] = columnValue(spec, col);
      metricsInto(shape, scratch, set.inputs, set.targets, set.count, metrics);
      out[row * cols + col] = metrics[METRIC_LOSS]!;
    }
  }
}

/** Smallest and largest finite value among the first `count`; [NaN, NaN] when none is finite. */
export function finiteExtent(values: Float64Array, count: number): [number, number] {
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < count; i++) {
    const value = values[i]!;
    if (value < min) min = value;
    if (value > max) max = value;
  }
  return min <= max && Number.isFinite(min) ? [min, max] : [Number.NaN, Number.NaN];
}

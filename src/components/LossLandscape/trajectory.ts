/** What the trajectory needs from the training history (runHistory satisfies it). */
export interface HistoryReader {
  readonly length: number;
  /** How many parameters each record holds (the run's network's count). */
  readonly paramsPerRecord: number;
  paramAt(index: number, param: number): number;
}

/** The path is drawn from at most this many records, however long the run. */
export const MAX_TRAJECTORY_POINTS = 500;

/** The chosen two parameters at evenly spread records of the history. */
export interface Trajectory {
  readonly xs: Float64Array;
  readonly ys: Float64Array;
  readonly count: number;
}

/**
 * `count` record indices spread evenly over 0..length-1, always the first and the last. With
 * length ≥ count the steps are at least 1, so rounding never repeats an index.
 */
export function evenIndices(length: number, count: number): number[] {
  const n = Math.min(length, count);
  if (n <= 0) return [];
  if (n === 1) return [length - 1];
  const step = (length - 1) / (n - 1);
  const indices: number[] = [];
  for (let k = 0; k < n; k++) indices.push(Math.round(k * step));
  return indices;
}

/** (param x, param y) over the history, sampled at most `maxPoints` times. */
export function sampleTrajectory(
  history: HistoryReader,
  xParam: number,
  yParam: number,
  maxPoints = MAX_TRAJECTORY_POINTS,
): Trajectory {
  // For a frame after a reshape the figure may still show the last network's parameters while the
  // history already holds the new one's, which may have fewer: such an axis has no path to draw.
  const outside = Math.max(xParam, yParam) >= history.paramsPerRecord;
  const indices = outside ? [] : evenIndices(history.length, maxPoints);
  const xs = new Float64Array(indices.length);
  const ys = new Float64Array(indices.length);
  indices.forEach((index, k) => {
    xs[k] = history.paramAt(index, xParam);
    ys[k] = history.paramAt(index, yParam);
  });
  return { xs, ys, count: indices.length };
}

/**
 * Remembers the last sampled trajectory by the history's version and the two parameters, so re-renders
 * that did not change the history (a select opened, a resize) do not read it again.
 */
export class TrajectoryCache {
  private key = '';
  private last: Trajectory = { xs: new Float64Array(0), ys: new Float64Array(0), count: 0 };

  read(history: HistoryReader, version: number, xParam: number, yParam: number): Trajectory {
    const key = `${version}:${xParam}:${yParam}`;
    if (key !== this.key) {
      this.last = sampleTrajectory(history, xParam, yParam);
      this.key = key;
    }
    return this.last;
  }
}

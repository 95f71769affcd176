import type { ScaleLinear } from 'd3-scale';
import { clearColumns, columnOf, foldLossAndAccuracy, type AccuracyReader } from './columns';
import { epochScale } from './lossScales';

/** A history the columns can follow: readable, and telling when it thinned itself. */
export interface ThinningHistory extends AccuracyReader {
  /** Doubles when the history drops every other record; a change means records vanished mid-run. */
  readonly stride: number;
}

/**
 * The loss, accuracy and test-loss columns of a history's first `count` records, for one x domain
 * and one stride, with fingerprints of what was folded (to notice a history that changed under it).
 * IncrementalColumns keeps two: the one drawn, and one a recompute fills over several frames.
 */
export class FoldedPrefix {
  losses = new Float64Array(0);
  accuracies = new Float64Array(0);
  testLosses = new Float64Array(0);
  width = 0;
  domainEnd = 0;
  stride = 0;
  x: ScaleLinear<number, number> = epochScale(1, 1);
  /** Records folded: the history's records [0, count). */
  count = 0;

  private firstEpoch = Number.NaN;
  private firstLoss = Number.NaN;
  private lastEpoch = Number.NaN;
  private lastLoss = Number.NaN;

  /** Empties the columns for a fold over [0, domainEnd] into `width` columns at `stride`. */
  start(width: number, domainEnd: number, stride: number): void {
    if (this.losses.length !== 2 * width) {
      this.losses = new Float64Array(2 * width);
      this.accuracies = new Float64Array(2 * width);
      this.testLosses = new Float64Array(2 * width);
    }
    clearColumns(this.losses);
    clearColumns(this.accuracies);
    clearColumns(this.testLosses);
    this.width = width;
    this.domainEnd = domainEnd;
    this.stride = stride;
    this.x = epochScale(domainEnd, width);
    this.count = 0;
  }

  /** Whether these columns were started for this width, domain and stride. */
  isFor(width: number, domainEnd: number, stride: number): boolean {
    return this.width === width && this.domainEnd === domainEnd && this.stride === stride;
  }

  /** Whether the records folded so far are still the history's first records, unchanged. */
  holds(history: ThinningHistory): boolean {
    const count = this.count;
    if (count === 0) return true;
    if (count > history.length - 1) return false; // it shrank: truncated or cleared
    return (
      Object.is(history.epochAt(0), this.firstEpoch) &&
      Object.is(history.lossAt(0), this.firstLoss) &&
      Object.is(history.epochAt(count - 1), this.lastEpoch) &&
      Object.is(history.lossAt(count - 1), this.lastLoss)
    );
  }

  /** Folds records [count, to); returns the first one's column (`width` if none). */
  foldTo(history: ThinningHistory, to: number): number {
    const from = this.count;
    if (to <= from) return this.width;
    foldLossAndAccuracy(history, from, to, this.x, this.losses, this.accuracies, this.testLosses);
    if (from === 0) {
      this.firstEpoch = history.epochAt(0);
      this.firstLoss = history.lossAt(0);
    }
    this.count = to;
    this.lastEpoch = history.epochAt(to - 1);
    this.lastLoss = history.lossAt(to - 1);
    return columnOf(this.x, history.epochAt(from), this.width);
  }
}

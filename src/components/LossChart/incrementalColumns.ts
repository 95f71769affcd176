import type { ScaleLinear } from 'd3-scale';
import { clearColumns, columnOf, foldLossAndAccuracy, type AccuracyReader } from './columns';
import { epochDomainEnd, epochScale } from './lossScales';

/** A history the columns can follow: readable, and telling when it thinned itself. */
export interface ThinningHistory extends AccuracyReader {
  /** Doubles when the history drops every other record; a change means records vanished mid-run. */
  readonly stride: number;
}

export type SyncResult = 'unchanged' | 'folded' | 'recomputed' | 'empty';

/** Work done, for the tests and the report: how much each update touched. */
export interface SyncStats {
  updates: number;
  fullRecomputes: number;
  /** Records folded by the last update, and in all. */
  lastFolded: number;
  totalFolded: number;
}

/**
 * The loss curve's min/max columns (and the accuracy's, folded in the same pass), kept in step with a
 * growing history at a cost proportional to the records appended, not to the history.
 *
 * Why the latest record is kept apart: the history always keeps its latest epoch, even off the
 * stride, and drops it again when a newer one arrives. Only records before the latest are final
 * (until the stride doubles), so only they are folded into `stable`; the latest is merged in when
 * drawing. Everything is recomputed only when the x domain grows a step, the width changes, the
 * history thins itself (stride change) or the run changes: O(log n) times over a run (plus once
 * when keeping or removing a run moves the domain).
 */
export class IncrementalColumns {
  /** Columns of every record but the latest; reused across updates, reallocated only on resize. */
  stable = new Float64Array(0);
  /** The same for the accuracy (0..1); a column without a known accuracy stays empty. */
  stableAccuracy = new Float64Array(0);
  /** The same for the test loss; empty columns while the run has no test rows. */
  stableTestLoss = new Float64Array(0);
  width = 0;
  domainEnd = 0;
  x: ScaleLinear<number, number> = epochScale(1, 1);
  /** The latest record, drawn on top of `stable`; NaN epoch when the history is empty. */
  tailEpoch = Number.NaN;
  tailLoss = Number.NaN;
  tailAccuracy = Number.NaN;
  tailTestLoss = Number.NaN;
  /**
   * The first pixel column whose drawing the last sync may have changed: 0 after a recompute, the
   * previous latest record's column or the first newly folded one after a fold, `width` when nothing
   * changed. A drawing that redraws from here on stays exact.
   */
  changedFrom = 0;
  readonly stats: SyncStats = { updates: 0, fullRecomputes: 0, lastFolded: 0, totalFolded: 0 };

  private tailColumnIndex = -1;
  private stableCount = 0;
  private stride = 0;
  private runKey: unknown = undefined;
  private version: unknown = undefined;
  private floorEpoch = 0;
  /** Fingerprints of the folded records, to notice a history that was cleared and refilled. */
  private firstEpoch = Number.NaN;
  private firstLoss = Number.NaN;
  private lastStableEpoch = Number.NaN;
  private lastStableLoss = Number.NaN;

  /**
   * Brings the columns up to date. `version` is any value that changes whenever the history does
   * (the store's historyVersion); `runKey` changes when a new run starts. `floorEpoch` is an epoch
   * the x domain must reach even before the history does (the last epoch of the kept runs drawn
   * behind it), so the domain is the nice end over max(latest epoch, floorEpoch).
   */
  sync(
    history: ThinningHistory,
    width: number,
    version: unknown,
    runKey: unknown,
    floorEpoch = 0,
  ): SyncResult {
    const columnCount = Math.max(1, Math.floor(width));
    if (
      version === this.version &&
      runKey === this.runKey &&
      columnCount === this.width &&
      floorEpoch === this.floorEpoch
    ) {
      this.changedFrom = this.width;
      return 'unchanged';
    }
    this.version = version;
    this.floorEpoch = floorEpoch;
    this.stats.updates++;
    this.stats.lastFolded = 0;
    const length = history.length;
    if (length === 0) {
      this.reset(columnCount, runKey);
      this.setDomain(epochDomainEnd(floorEpoch), columnCount);
      this.changedFrom = 0;
      return 'empty';
    }
    const domainEnd = epochDomainEnd(Math.max(history.epochAt(length - 1), floorEpoch));
    const resume =
      runKey === this.runKey &&
      columnCount === this.width &&
      domainEnd === this.domainEnd &&
      history.stride === this.stride &&
      this.stillHolds(history);
    if (!resume) {
      this.reset(columnCount, runKey);
      this.setDomain(domainEnd, columnCount);
      this.stride = history.stride;
      this.stats.fullRecomputes++;
    }
    const previousTail = resume ? this.tailColumnIndex : 0;
    const firstFolded = this.fold(history, this.stableCount, length - 1);
    this.tailEpoch = history.epochAt(length - 1);
    this.tailLoss = history.lossAt(length - 1);
    this.tailAccuracy = history.accuracyAt(length - 1);
    this.tailTestLoss = history.testLossAt?.(length - 1) ?? Number.NaN;
    this.tailColumnIndex = columnOf(this.x, this.tailEpoch, this.width);
    this.changedFrom = Math.min(
      previousTail === -1 ? this.width : previousTail,
      firstFolded,
      this.tailColumnIndex,
    );
    return resume ? 'folded' : 'recomputed';
  }

  /** The pixel column of the latest record, or -1 when there is none. */
  tailColumn(): number {
    return this.tailColumnIndex;
  }

  /** Whether the records folded so far are still the history's first records, unchanged. */
  private stillHolds(history: ThinningHistory): boolean {
    const count = this.stableCount;
    if (count === 0) return true;
    if (count > history.length - 1) return false; // it shrank: truncated or cleared
    return (
      Object.is(history.epochAt(0), this.firstEpoch) &&
      Object.is(history.lossAt(0), this.firstLoss) &&
      Object.is(history.epochAt(count - 1), this.lastStableEpoch) &&
      Object.is(history.lossAt(count - 1), this.lastStableLoss)
    );
  }

  /** Folds records [from, to) into `stable`; returns the first one's column (`width` if none). */
  private fold(history: ThinningHistory, from: number, to: number): number {
    if (to <= from) return this.width;
    const { stable, stableAccuracy, stableTestLoss } = this;
    foldLossAndAccuracy(history, from, to, this.x, stable, stableAccuracy, stableTestLoss);
    if (from === 0) {
      this.firstEpoch = history.epochAt(0);
      this.firstLoss = history.lossAt(0);
    }
    this.stableCount = to;
    this.lastStableEpoch = history.epochAt(to - 1);
    this.lastStableLoss = history.lossAt(to - 1);
    this.stats.lastFolded = to - from;
    this.stats.totalFolded += to - from;
    return columnOf(this.x, history.epochAt(from), this.width);
  }

  private setDomain(domainEnd: number, columnCount: number): void {
    this.domainEnd = domainEnd;
    this.x = epochScale(domainEnd, columnCount);
  }

  private reset(columnCount: number, runKey: unknown): void {
    if (this.stable.length !== 2 * columnCount) {
      this.stable = new Float64Array(2 * columnCount);
      this.stableAccuracy = new Float64Array(2 * columnCount);
      this.stableTestLoss = new Float64Array(2 * columnCount);
    }
    clearColumns(this.stable);
    clearColumns(this.stableAccuracy);
    clearColumns(this.stableTestLoss);
    this.width = columnCount;
    this.runKey = runKey;
    this.stableCount = 0;
    this.tailEpoch = Number.NaN;
    this.tailLoss = Number.NaN;
    this.tailAccuracy = Number.NaN;
    this.tailTestLoss = Number.NaN;
    this.tailColumnIndex = -1;
  }
}

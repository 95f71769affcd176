import type { ScaleLinear } from 'd3-scale';
import { columnOf } from './columns';
import { FoldedPrefix, type ThinningHistory } from './foldedPrefix';
import { epochDomainEnd } from './lossScales';

export type { ThinningHistory } from './foldedPrefix';

/** 'pending': a recompute is under way over several syncs; the columns still show the last whole state. */
export type SyncResult = 'unchanged' | 'folded' | 'recomputed' | 'pending' | 'empty';

/** Work done, for the tests and the report: how much each update touched. */
export interface SyncStats {
  updates: number;
  fullRecomputes: number;
  /** Records folded by the last update, and in all. */
  lastFolded: number;
  totalFolded: number;
}

export interface SpreadOptions {
  /** Records a live recompute folds per sync (the history holds up to 65,536). */
  readonly foldPerSync?: number;
  /** Syncs a live recompute may take before the next one finishes it at once, whatever it costs. */
  readonly maxPendingSyncs?: number;
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
 *
 * Why a live recompute is spread over syncs: at full speed the domain steps or the stride doubles
 * about twice a second, and refolding the whole history (up to 65,536 records) in one frame made that
 * frame run over 50 ms on a CPU slowed 4x. While training runs live, a recompute caused by the run
 * growing folds `foldPerSync` records per sync into a second set of columns, and the drawn columns,
 * scale and latest record stay as they were until it is whole (8 syncs for a full history, at most
 * `maxPendingSyncs` when it has to start over); then the two swap. A change people make (a new run,
 * a resize) or a paused run recomputes at once.
 */
export class IncrementalColumns {
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

  /** The columns drawn; reused across updates, reallocated only on resize. */
  private shown = new FoldedPrefix();
  /** The columns a spread recompute is filling, swapped with `shown` when whole. */
  private staged = new FoldedPrefix();
  /** Syncs the staged recompute has taken so far; 0 when none is under way. */
  private pendingSyncs = 0;
  private tailColumnIndex = -1;
  private runKey: unknown = undefined;
  private version: unknown = undefined;
  private floorEpoch = 0;
  private readonly foldPerSync: number;
  private readonly maxPendingSyncs: number;

  constructor({ foldPerSync = 8192, maxPendingSyncs = 24 }: SpreadOptions = {}) {
    this.foldPerSync = foldPerSync;
    this.maxPendingSyncs = maxPendingSyncs;
  }

  /** Columns of every record but the latest: `[2c]` min and `[2c + 1]` max loss of column c. */
  get stable(): Float64Array {
    return this.shown.losses;
  }
  /** The same for the accuracy (0..1); a column without a known accuracy stays empty. */
  get stableAccuracy(): Float64Array {
    return this.shown.accuracies;
  }
  /** The same for the test loss; empty columns while the run has no test rows. */
  get stableTestLoss(): Float64Array {
    return this.shown.testLosses;
  }
  get width(): number {
    return this.shown.width;
  }
  get domainEnd(): number {
    return this.shown.domainEnd;
  }
  get x(): ScaleLinear<number, number> {
    return this.shown.x;
  }
  /** Whether a spread recompute is under way (the columns show the state before it). */
  get pending(): boolean {
    return this.pendingSyncs > 0;
  }

  /**
   * Brings the columns up to date. `version` is any value that changes whenever the history does
   * (the store's historyVersion); `runKey` changes when a new run starts. `floorEpoch` is an epoch
   * the x domain must reach even before the history does (the last epoch of the kept runs drawn
   * behind it), so the domain is the nice end over max(latest epoch, floorEpoch). `live`: training
   * runs live, so a recompute the run's growth causes may be spread over this and later syncs.
   */
  sync(
    history: ThinningHistory,
    width: number,
    version: unknown,
    runKey: unknown,
    floorEpoch = 0,
    live = false,
  ): SyncResult {
    const columnCount = Math.max(1, Math.floor(width));
    const shown = this.shown;
    if (
      this.pendingSyncs === 0 &&
      version === this.version &&
      runKey === this.runKey &&
      columnCount === shown.width &&
      floorEpoch === this.floorEpoch
    ) {
      this.changedFrom = shown.width;
      return 'unchanged';
    }
    this.version = version;
    this.floorEpoch = floorEpoch;
    this.stats.updates++;
    this.stats.lastFolded = 0;
    const latest = history.length - 1;
    if (latest === -1) {
      this.pendingSyncs = 0;
      this.runKey = runKey;
      shown.start(columnCount, epochDomainEnd(floorEpoch), shown.stride);
      this.setTail(history, -1);
      this.changedFrom = 0;
      return 'empty';
    }
    const domainEnd = epochDomainEnd(Math.max(history.epochAt(latest), floorEpoch));
    const stride = history.stride;
    const sameView = runKey === this.runKey && columnCount === shown.width;
    if (sameView && shown.isFor(columnCount, domainEnd, stride) && shown.holds(history)) {
      this.pendingSyncs = 0;
      const previousTail = this.tailColumnIndex;
      const firstFolded = this.fold(shown, history, latest);
      this.setTail(history, latest);
      this.changedFrom = Math.min(
        previousTail === -1 ? shown.width : previousTail,
        firstFolded,
        this.tailColumnIndex,
      );
      return 'folded';
    }
    // False when the run went back before the latest record drawn (a truncation), or from empty.
    const grew = history.epochAt(latest) >= this.tailEpoch;
    if (live && sameView && grew && latest > this.foldPerSync && this.pendingSyncs < this.maxPendingSyncs) {
      const staged = this.staged;
      if (
        this.pendingSyncs === 0 ||
        !staged.isFor(columnCount, domainEnd, stride) ||
        !staged.holds(history)
      ) {
        staged.start(columnCount, domainEnd, stride);
      }
      this.pendingSyncs++;
      this.fold(staged, history, Math.min(latest, staged.count + this.foldPerSync));
      if (staged.count < latest) {
        this.changedFrom = shown.width;
        return 'pending';
      }
      this.staged = shown;
      this.shown = staged;
    } else {
      this.runKey = runKey;
      shown.start(columnCount, domainEnd, stride);
      this.fold(shown, history, latest);
    }
    this.pendingSyncs = 0;
    this.stats.fullRecomputes++;
    this.setTail(history, latest);
    this.changedFrom = 0;
    return 'recomputed';
  }

  /** The pixel column of the latest record, or -1 when there is none. */
  tailColumn(): number {
    return this.tailColumnIndex;
  }

  /** Folds records up to `to` (exclusive) into `prefix`; returns the first one's column. */
  private fold(prefix: FoldedPrefix, history: ThinningHistory, to: number): number {
    const folded = Math.max(0, to - prefix.count);
    const first = prefix.foldTo(history, to);
    this.stats.lastFolded += folded;
    this.stats.totalFolded += folded;
    return first;
  }

  /** Takes record `index` as the latest one drawn (none for -1). */
  private setTail(history: ThinningHistory, index: number): void {
    const none = index === -1;
    this.tailEpoch = none ? Number.NaN : history.epochAt(index);
    this.tailLoss = none ? Number.NaN : history.lossAt(index);
    this.tailAccuracy = none ? Number.NaN : history.accuracyAt(index);
    this.tailTestLoss = none ? Number.NaN : (history.testLossAt?.(index) ?? Number.NaN);
    this.tailColumnIndex = none ? -1 : columnOf(this.shown.x, this.tailEpoch, this.shown.width);
  }
}

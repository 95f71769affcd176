import type { EpochBreaks } from '../core/articleEpochs';
import type { RunNotice } from './protocol';

/**
 * Where a playing run pauses itself: at an epoch count, or at the first epoch whose loss comes down to a
 * limit. The loss stop fires when the loss crosses the limit from above, so pressing Play again after it
 * (the loss still under the limit) trains on instead of pausing at once.
 */
export class StopRules {
  epoch: number | null = null;
  private lossLimit: number | null = null;
  /** The loss of the latest epoch (or the loss the run started from). */
  private lastLoss = Number.NaN;

  get loss(): number | null {
    return this.lossLimit;
  }

  setLoss(limit: number | null): void {
    this.lossLimit = limit !== null && limit > 0 && Number.isFinite(limit) ? limit : null;
  }

  /** The run (re)started from this loss: a start already under the limit does not stop. */
  restart(loss: number): void {
    this.lastLoss = loss;
  }

  /** Looks at one finished epoch of a playing run; the notice to pause with, or null to go on. */
  check(epoch: number, loss: number): RunNotice | null {
    const before = this.lastLoss;
    this.lastLoss = loss;
    if (this.epoch !== null && epoch === this.epoch) return { kind: 'stopped-at', epoch };
    const limit = this.lossLimit;
    if (limit !== null && loss <= limit && !(before <= limit)) {
      return { kind: 'stopped-at-loss', epoch, loss, limit };
    }
    return null;
  }

  /**
   * The loss lines a run of epochs trained in one go must stop at, so that `check` sees a stopping epoch
   * with the trainer still at it: the limit from above, or (already under it) any rise back above it.
   */
  lossBreaks(breaks: EpochBreaks): void {
    const limit = this.lossLimit;
    const under = limit !== null && this.lastLoss <= limit;
    breaks.lossAtMost = limit === null || under ? Number.NEGATIVE_INFINITY : limit;
    breaks.lossAbove = under ? limit : Number.POSITIVE_INFINITY;
  }

  /** An epoch trained by hand (Step epoch) moves the loss on without stopping. */
  note(loss: number): void {
    this.lastLoss = loss;
  }
}

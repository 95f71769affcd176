import type { LossKind } from '../core/architecture';
import type { EpochBreaks } from '../core/articleEpochs';
import type { Trainer } from '../core/trainer';
import type { EpochBatch } from './batch';
import { RollbackPoint } from './rollback';

/** A loss above this many times the best so far (and above GUESS_LOSS)... */
export const FAR_ABOVE_BEST = 1.5;
/** ...for this many epochs in a row is a blow-up; a spike that comes back down sooner is not. */
export const BLOW_UP_WINDOW = 10;
/** The parameters' size (Euclidean norm) may grow to this, or to PARAM_GROWTH times their size at a start. */
export const PARAM_SIZE_LIMIT = 1e4;
export const PARAM_GROWTH = 100;

/** What answering 0.5 for everyone costs: a network worse than that has learned nothing, or worse. */
export const GUESS_LOSS: Readonly<Record<LossKind, number>> = { mse: 0.25, bce: Math.LN2 };

export function paramSize(params: ArrayLike<number>): number {
  let squares = 0;
  for (let i = 0; i < params.length; i++) squares += params[i]! * params[i]!;
  return Math.sqrt(squares);
}

/**
 * Catches a run that blows up while its loss is still a finite number, and takes it back to its last good
 * epoch. The batch itself refuses an epoch whose loss or parameters are not finite or whose parameters
 * outgrew their bound (it checks them as it copies them anyway); this watch adds the loss rule: above
 * max(FAR_ABOVE_BEST x best, GUESS_LOSS) for BLOW_UP_WINDOW epochs in a row. (In a sweep of 1,296 runs of
 * the article's people, every activation, loss, scaling, rate 0.1 to 10 and momentum up to 0.99, 3,000
 * epochs each, these rules caught every run that ended above 1.5 times its best loss; the ones they
 * caught that came back down had passed a loss of 1e50 or huge parameters, or sat at the guess's loss.)
 * The last good epoch is the one with the lowest loss since the run, its data or its parameters last
 * changed; per epoch the watch costs one or two comparisons.
 */
export class BlowUpWatch {
  private readonly point = new RollbackPoint();
  private best = Number.POSITIVE_INFINITY;
  /** The epoch of `best`, -1 when no epoch was recorded since the last change. */
  private bestEpoch = -1;
  private limit = Number.POSITIVE_INFINITY;
  private floor = GUESS_LOSS.mse;
  private above = 0;

  constructor(private readonly batch: EpochBatch) {}

  /** A start the run can always go back to (a new run, a branch): the trainer as it is, at this loss. */
  anchor(trainer: Trainer, loss: number): void {
    this.point.set(trainer.params, trainer.epoch, loss);
    this.floor = GUESS_LOSS[trainer.architecture.loss];
    this.bestFrom(loss, trainer.epoch);
    this.limitSize(trainer.params);
  }

  /**
   * The parameters were edited or the data changed: losses from before do not compare with the ones to
   * come. The last good epoch so far stays the point to go back to until a new epoch is recorded.
   */
  forget(trainer: Trainer): void {
    this.remember();
    this.bestFrom(Number.POSITIVE_INFINITY, -1);
    this.limitSize(trainer.params);
  }

  /** Looks at one recorded epoch's loss; true when the run has blown up. */
  observe(loss: number, epoch: number): boolean {
    if (loss > this.limit) return ++this.above >= BLOW_UP_WINDOW;
    this.above = 0;
    if (loss < this.best) this.bestFrom(loss, epoch);
    return false;
  }

  /**
   * The lines a run of epochs trained in one go must stop at, so that `observe` sees every epoch above
   * the limit with the trainer still at it: the limit moves down with the best loss as they train.
   */
  riseBreaks(breaks: EpochBreaks): void {
    breaks.lowest = this.best;
    breaks.riseFactor = FAR_ABOVE_BEST;
    breaks.riseFloor = this.floor;
    breaks.sizeSquared = this.batch.sizeLimitSquared;
  }

  /** Copies the last good epoch out of the batch while it still holds it (before the batch is handed over). */
  remember(): void {
    if (this.bestEpoch >= 0) this.point.remember(this.batch, this.bestEpoch);
  }

  /** Takes the trainer (and the batch) back to the last good epoch; returns that epoch and its loss. */
  rollBack(trainer: Trainer): { readonly epoch: number; readonly loss: number } {
    this.remember();
    const { point } = this;
    this.batch.truncateAfter(point.epoch);
    point.restore(trainer);
    this.bestFrom(point.loss, point.epoch);
    this.limitSize(trainer.params);
    return { epoch: point.epoch, loss: point.loss };
  }

  /** `loss` at `epoch` is the best from now on; an unknown loss (NaN, Infinity) leaves no best. */
  private bestFrom(loss: number, epoch: number): void {
    const known = loss < Number.POSITIVE_INFINITY;
    this.best = known ? loss : Number.POSITIVE_INFINITY;
    this.bestEpoch = known ? epoch : -1;
    this.limit = known ? Math.max(FAR_ABOVE_BEST * loss, this.floor) : Number.POSITIVE_INFINITY;
    this.above = 0;
  }

  private limitSize(params: Float64Array): void {
    this.batch.sizeLimit = Math.max(PARAM_SIZE_LIMIT, PARAM_GROWTH * paramSize(params));
  }
}

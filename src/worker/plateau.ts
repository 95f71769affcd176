import type { OutputSaturation } from '../core/saturation';
import { LossPatternWatch, type LossShape, type PlateauShape } from './lossPattern';
import type { PlateauNotice } from './protocol';

/** An epoch's loss must come this far (relative) below the best so far to count as progress. */
export const PLATEAU_MIN_IMPROVEMENT = 0.01;
/** The shortest stretch without progress that counts as a plateau... */
export const PLATEAU_MIN_EPOCHS = 200;
/** ...and the share of the whole run it must also span (a long run is allowed slower progress). */
export const PLATEAU_RUN_SHARE = 0.1;
/** Below this loss the network fits its data: there is nothing left to advise. */
export const PLATEAU_LOSS_FLOOR = 1e-6;
/** A loss this far (relative) above the best since it was reached means the loss rose on the plateau. */
export const PLATEAU_ROSE = 0.1;

/**
 * Notices when the loss has stopped improving. It runs in the worker, next to the loop, because only
 * there is every epoch's loss seen (the page gets them in batches and thins its history); the check is
 * two comparisons per epoch and allocates nothing until it has something to say.
 *
 * The rule: `best` is the loss at the last real improvement (an epoch whose loss came at least 1 %
 * below the best before it). When max(200, 10 % of the epochs done) epochs pass without another,
 * the loss has plateaued; the notice stays, said once, until an epoch improves on `best` by 1 % again.
 * A loss that stands still or swings up and down (LossPatternWatch) is said sooner, with its shape: a
 * learner at too high a rate sees why at once, not 200 epochs later.
 */
export class PlateauWatch {
  private best = Number.POSITIVE_INFINITY;
  private bestEpoch = 0;
  private highest = Number.NEGATIVE_INFINITY;
  private current: PlateauNotice | null = null;
  private learningRate = 0;
  /** The run's hidden neurons, part of what the notice advises on. */
  hidden = 2;
  /** Whether the run's output is saturated now; asked once, when the loss is found standing still. */
  saturation: (() => OutputSaturation | null) | null = null;
  private readonly pattern = new LossPatternWatch();

  get notice(): PlateauNotice | null {
    return this.current;
  }

  /** A new start (a new run, a branch, edited data or parameters): the last loss seen is the best. */
  restart(loss: number, epoch: number): void {
    this.best = Number.isFinite(loss) ? loss : Number.POSITIVE_INFINITY;
    this.bestEpoch = epoch;
    this.highest = Number.NEGATIVE_INFINITY;
    this.current = null;
    this.pattern.restart();
  }

  /** The rate training goes on with; a notice showing now says so (its advice may change). */
  setLearningRate(rate: number): void {
    this.learningRate = rate;
    if (this.current) this.current = { ...this.current, learningRate: rate };
  }

  /** Looks at one finished epoch's loss. */
  observe(loss: number, epoch: number): void {
    const shape = this.pattern.observe(loss);
    if (loss < this.best * (1 - PLATEAU_MIN_IMPROVEMENT)) {
      this.best = loss;
      this.bestEpoch = epoch;
      this.highest = Number.NEGATIVE_INFINITY;
      this.current = null;
      return;
    }
    if (loss > this.highest) this.noteHighest(loss);
    if (this.current !== null || this.best < PLATEAU_LOSS_FLOOR) return;
    const stale = epoch - this.bestEpoch;
    const explained = shape === null ? null : this.explain(shape);
    if (explained !== null) this.current = this.noticeOf(epoch, explained);
    else if (stale >= PLATEAU_MIN_EPOCHS && stale >= epoch * PLATEAU_RUN_SHARE)
      this.current = this.noticeOf(epoch, null);
  }

  /** A swing explains itself; a loss standing still only when the output is saturated (else it waits). */
  private explain(shape: LossShape): PlateauShape | null {
    if (shape.kind === 'oscillating') return shape;
    const saturated = this.saturation?.() ?? null;
    return saturated && { kind: 'saturated', loss: shape.loss, answer: saturated.answer };
  }

  private noticeOf(epoch: number, shape: PlateauShape | null): PlateauNotice {
    const { best, bestEpoch: since, learningRate, hidden } = this;
    const notice: PlateauNotice = {
      kind: 'plateau',
      best,
      since,
      epoch,
      rose: this.rose(),
      learningRate,
      hidden,
    };
    return shape === null ? notice : { ...notice, shape };
  }

  private rose(): boolean {
    return this.highest > this.best * (1 + PLATEAU_ROSE);
  }

  /** A new highest loss on the plateau; a notice already showing learns that the loss rose. */
  private noteHighest(loss: number): void {
    this.highest = loss;
    if (this.current && !this.current.rose && this.rose()) this.current = { ...this.current, rose: true };
  }
}

import { trainArticleEpochs, type EpochBreaks } from '../core/articleEpochs';
import type { Trainer } from '../core/trainer';
import type { EpochBatch } from './batch';
import type { BlowUpWatch } from './blowUp';
import type { PlateauWatch } from './plateau';
import type { RunNotice } from './protocol';
import type { StopRules } from './stops';

/** What the session does when a run's epoch pauses it; the trainer is at that epoch. */
export interface EpochJudge {
  /** The blow-up watch saw the run blow up at this epoch (its loss): roll back. */
  blewUp(loss: number): void;
  /** A stop rule paused the run at this epoch. */
  stopped(notice: RunNotice): void;
  /** The batch refused the epoch the trainer is at (not finite, or too large). */
  refuse(loss: number): void;
}

/**
 * A playing run of the article's network trained many epochs per call (trainArticleEpochs), recorded
 * straight into the batch, then judged epoch by epoch from the recorded losses: the loop stops at any
 * epoch the blow-up watch or the stop rules must see with the trainer still at it, so every pause, stop
 * and rollback happens at the very epoch it would one epoch at a time.
 *
 * The watches are called directly, per epoch, in the order the session's judgeEpoch calls them (blow-up,
 * plateau, stop rules): small methods of objects this class holds, which the JIT inlines into the loop.
 * A call per epoch through a bound function cost a tenth of the run's time in the worker, most of it
 * boxing each epoch's loss into a fresh heap number for the call (and collecting them).
 */
export class EpochRuns {
  // Numbers that are not small integers from the start: the fields hold doubles from the first write on.
  private readonly breaks: EpochBreaks = {
    sizeSquared: Number.NaN,
    lossAtMost: Number.NaN,
    lossAbove: Number.NaN,
    lowest: Number.NaN,
    riseFactor: Number.NaN,
    riseFloor: Number.NaN,
  };
  /**
   * The most epochs the next call trains: 1 on the session's first call, doubling from there. V8 compiles a
   * loop that runs long in a function's first call while it runs (on-stack replacement), before the code
   * after the loop has ever run; that code then has no type feedback, and the compiled loop deoptimizes
   * there at the end of every later call too (hundreds of times a run in Chromium 156 and Node 20, each
   * back to the interpreter for a while). A few short calls first let every line run once beforehand.
   */
  private warmUpLimit = 1;

  constructor(
    private readonly batch: EpochBatch,
    private readonly blowUp: BlowUpWatch,
    private readonly plateau: PlateauWatch,
    private readonly stops: StopRules,
    private readonly judge: EpochJudge,
  ) {}

  /** Whether the trainer can run this way: the article's network, at an epoch boundary. */
  static fits(trainer: Trainer): boolean {
    return trainer.articlePath && trainer.cursor === 0 && trainer.set.count > 0;
  }

  /**
   * Trains up to `most` epochs (never past the stop epoch); returns how many it trained. With
   * `deferTests` their test metrics are left to the evaluation worker.
   */
  train(trainer: Trainer, most: number, deferTests: boolean): number {
    const stopAt = this.stops.epoch;
    const allowed = Math.min(most, this.warmUpLimit);
    if (this.warmUpLimit < most) this.warmUpLimit *= 2;
    const epochs =
      stopAt !== null && stopAt > trainer.epoch ? Math.min(allowed, stopAt - trainer.epoch) : allowed;
    const { batch, breaks, judge, blowUp, plateau, stops } = this;
    const columns = batch.reserve(epochs);
    const at = batch.count;
    const first = trainer.epoch + 1;
    blowUp.riseBreaks(breaks);
    stops.lossBreaks(breaks);
    if (deferTests) batch.deferTests();
    const recorded = trainArticleEpochs(trainer, epochs, columns, at, breaks);
    batch.commit(first, recorded);
    const { losses } = columns;
    for (let k = 0; k < recorded; k++) {
      const loss = losses[at + k]!;
      const epoch = first + k;
      if (blowUp.observe(loss, epoch)) {
        judge.blewUp(loss);
        return k + 1;
      }
      plateau.observe(loss, epoch);
      const stop = stops.check(epoch, loss);
      if (stop !== null) {
        judge.stopped(stop);
        return k + 1;
      }
    }
    const trained = trainer.epoch - first + 1;
    if (trained > recorded) judge.refuse(columns.losses[at + recorded]!);
    return trained;
  }
}

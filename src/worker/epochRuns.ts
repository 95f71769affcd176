import { trainArticleEpochs, type EpochBreaks } from '../core/articleEpochs';
import type { Trainer } from '../core/trainer';
import type { EpochBatch } from './batch';
import type { BlowUpWatch } from './blowUp';
import type { StopRules } from './stops';

/** What the session does with each epoch a run records: its watches and stop rules, or a rollback. */
export interface EpochJudge {
  /** A recorded epoch; false when the run paused itself there. */
  judge(loss: number, epoch: number): boolean;
  /** The batch refused the epoch the trainer is at (not finite, or too large). */
  refuse(loss: number): void;
}

/**
 * A playing run of the article's network trained many epochs per call (trainArticleEpochs), recorded
 * straight into the batch, then judged epoch by epoch from the recorded losses: the loop stops at any
 * epoch the blow-up watch or the stop rules must see with the trainer still at it, so every pause, stop
 * and rollback happens at the very epoch it would one epoch at a time.
 */
export class EpochRuns {
  private readonly breaks: EpochBreaks = {
    sizeSquared: 0,
    lossAtMost: 0,
    lossAbove: 0,
    lowest: 0,
    riseFactor: 0,
    riseFloor: 0,
  };

  constructor(
    private readonly batch: EpochBatch,
    private readonly blowUp: BlowUpWatch,
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
    const epochs = stopAt !== null && stopAt > trainer.epoch ? Math.min(most, stopAt - trainer.epoch) : most;
    const { batch, breaks, judge } = this;
    const columns = batch.reserve(epochs);
    const at = batch.count;
    const first = trainer.epoch + 1;
    this.blowUp.riseBreaks(breaks);
    this.stops.lossBreaks(breaks);
    if (deferTests) batch.deferTests();
    const recorded = trainArticleEpochs(trainer, epochs, columns, at, breaks);
    batch.commit(first, recorded);
    for (let k = 0; k < recorded; k++) {
      if (!judge.judge(columns.losses[at + k]!, first + k)) return k + 1;
    }
    const trained = trainer.epoch - first + 1;
    if (trained > recorded) judge.refuse(columns.losses[at + recorded]!);
    return trained;
  }
}

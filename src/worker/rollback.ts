import { restartOptimizer, type Trainer } from '../core/trainer';
import type { EpochBatch } from './batch';

/**
 * Where a run that blew up goes back to: the newest recorded epoch's parameters. While training they sit
 * in the batch; they are copied out only when the batch is handed over (or on the blow-up itself), not
 * once per epoch, which would cost the hot loop.
 */
export class RollbackPoint {
  private params = new Float64Array(0);
  epoch = 0;

  /** A known-good start (a new run, a branch): these parameters, this epoch. */
  set(params: Float64Array, epoch: number): void {
    if (this.params.length !== params.length) this.params = new Float64Array(params.length);
    this.params.set(params);
    this.epoch = epoch;
  }

  /** Takes the batch's newest epoch, if it holds any, as the point to go back to. */
  remember(batch: EpochBatch): void {
    if (batch.copyLastParams(this.params)) this.epoch = batch.lastEpoch;
  }

  /** Puts the trainer back at this point, at an epoch boundary, with no momentum or half batch left. */
  restore(trainer: Trainer): void {
    trainer.params.set(this.params);
    trainer.epoch = this.epoch;
    restartOptimizer(trainer);
  }
}

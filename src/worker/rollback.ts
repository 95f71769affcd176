import { restartOptimizer, type Trainer } from '../core/trainer';
import type { EpochBatch } from './batch';

/**
 * Where a run that blew up goes back to: one epoch's parameters and loss. While training they sit in the
 * batch; they are copied out only when the batch is handed over (or on the blow-up itself), not once per
 * epoch, which would cost the hot loop.
 */
export class RollbackPoint {
  private params = new Float64Array(0);
  epoch = 0;
  /** NaN when the point was never measured. */
  loss = Number.NaN;

  /** A known-good start (a new run, a branch): these parameters, this epoch, this loss. */
  set(params: Float64Array, epoch: number, loss: number): void {
    if (this.params.length !== params.length) this.params = new Float64Array(params.length);
    this.params.set(params);
    this.epoch = epoch;
    this.loss = loss;
  }

  /** Takes `epoch` from the batch as the point to go back to, if the batch holds it. */
  remember(batch: EpochBatch, epoch: number): void {
    const loss = batch.copyEpoch(epoch, this.params);
    if (Number.isNaN(loss)) return;
    this.epoch = epoch;
    this.loss = loss;
  }

  /** Puts the trainer back at this point, at an epoch boundary, with no momentum or half batch left. */
  restore(trainer: Trainer): void {
    trainer.params.set(this.params);
    trainer.epoch = this.epoch;
    restartOptimizer(trainer);
  }
}

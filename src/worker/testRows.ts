import { metricsInto } from '../core/engine';
import { METRICS_SIZE, METRIC_ACCURACY, METRIC_LOSS } from '../core/netLoss';
import type { Architecture } from '../core/architecture';
import type { Trainer } from '../core/trainer';
import type { TrainingSet } from '../core/trainingSet';
import type { EpochBatch } from './batch';
import { measureEpochs, type TestRowsOf } from './evaluation';

/**
 * Each epoch's record, with the run's test rows: the rows the training share holds out, measured after every epoch with the
 * engine's one metrics entry (so train and test are measured alike, whatever the engine measures).
 * A new table's test rows wait, like its training rows, for the next epoch boundary.
 */
export class TestRows {
  private current: TrainingSet | null = null;
  private pending: TrainingSet | null = null;
  private readonly metrics = new Float64Array(METRICS_SIZE);
  private rows: TestRowsOf | null = null;

  constructor(private readonly batch: EpochBatch) {}

  /** Whether the run has test rows to measure after every epoch. */
  get active(): boolean {
    return this.current !== null;
  }

  /** A run starts on these test rows (null: none). */
  start(test: TrainingSet | null): void {
    this.pending = null;
    this.use(test);
  }

  /** A new table's test rows, taken by `applyPending` with its training rows. */
  stage(test: TrainingSet | null): void {
    this.pending = test;
  }

  /** The staged rows take over; the batch's epochs still waiting for a test pass get it on the old ones. */
  applyPending(architecture: Architecture): void {
    this.settle(architecture);
    this.use(this.pending);
    this.pending = null;
  }

  /**
   * Records the epoch the trainer just finished into the batch: its loss (over the training rows) and
   * accuracy, and the test rows' loss and accuracy (NaN, and nothing computed, without test rows).
   * False when the batch refused it (a blow-up).
   */
  record(trainer: Trainer, loss: number, defer = false): boolean {
    const test = defer ? null : this.current;
    const { metrics } = this;
    if (defer && this.current) this.batch.deferTests();
    if (test)
      metricsInto(trainer.architecture, trainer.params, test.inputs, test.targets, test.count, metrics);
    const testLoss = test ? metrics[METRIC_LOSS]! : Number.NaN;
    const testAccuracy = test ? metrics[METRIC_ACCURACY]! : Number.NaN;
    // currentLoss (and so trainEpoch) measured the accuracy at these parameters in the same pass.
    return this.batch.record(trainer.epoch, loss, trainer.accuracy, trainer.params, testLoss, testAccuracy);
  }

  /** The rows and network the deferred epochs are measured with (the same object while they stay). */
  rowsFor(architecture: Architecture): TestRowsOf | null {
    const set = this.current;
    if (!set) return null;
    if (this.rows?.set !== set || this.rows.architecture !== architecture) this.rows = { architecture, set };
    return this.rows;
  }

  /** Measures here the batch's epochs still waiting for their test pass. */
  settle(architecture: Architecture): void {
    const { batch } = this;
    const rows = this.rowsFor(architecture);
    if (batch.deferredFrom < 0 || !rows) return;
    const { params, testLosses, testAccuracies } = batch.columns;
    const stride = batch.paramsPerEpoch;
    measureEpochs(rows, params, stride, batch.deferredFrom, batch.count, testLosses, testAccuracies);
    batch.deferredFrom = -1;
  }

  private use(test: TrainingSet | null): void {
    this.current = test;
    this.batch.setTesting(test !== null);
  }
}

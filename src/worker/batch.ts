import { PARAM_COUNT } from '../core/network';

/** The buffers of one batch: what a frame carries, and what the page hands back. */
export interface BatchBuffers {
  readonly losses: Float64Array;
  readonly accuracies: Float64Array;
  readonly params: Float64Array;
  /** Loss and accuracy over the test rows; empty (length 0) while the run has none. */
  readonly testLosses: Float64Array;
  readonly testAccuracies: Float64Array;
}

const NO_TEST_COLUMN = new Float64Array(0);

/**
 * The epochs finished since the last frame: loss, accuracy and parameters per epoch, in buffers that are
 * transferred to the page and handed back for reuse, so steady training allocates nothing.
 */
export class EpochBatch {
  firstEpoch = 0;
  count = 0;
  /**
   * The first record trained without its test pass (its test columns wait for the evaluation worker);
   * -1 when every record has its test metrics (or NaN for want of test rows).
   */
  deferredFrom = -1;
  private buffers: BatchBuffers;
  private readonly spares: BatchBuffers[] = [];
  private squaredLimit = Number.POSITIVE_INFINITY;
  private testing = false;

  /** `stride` is the parameters per epoch: the run's network size (9 for the article's). */
  constructor(
    private capacity = 1024,
    private stride = PARAM_COUNT,
  ) {
    this.buffers = this.allocate();
  }

  get paramsPerEpoch(): number {
    return this.stride;
  }

  /** A run with another network size records this many parameters per epoch; empties the batch. */
  setParamsPerEpoch(stride: number): void {
    this.clear();
    if (stride === this.stride) return;
    this.stride = stride;
    this.spares.length = 0;
    this.buffers = this.allocate();
  }

  /**
   * Whether epochs from now on carry test metrics (the run has test rows). Turned on mid-batch, the epochs
   * already in the batch read NaN; turned off, the batch keeps its test columns until it is taken.
   */
  setTesting(on: boolean): void {
    if (on === this.testing) return;
    this.testing = on;
    this.spares.length = 0;
    if (on && this.buffers.testLosses.length === 0) {
      const { losses, accuracies, params } = this.buffers;
      this.buffers = { losses, accuracies, params, ...this.testColumns() };
    }
  }

  /** The records from here on wait for their test metrics (see `deferredFrom`). */
  deferTests(): void {
    if (this.deferredFrom < 0) this.deferredFrom = this.count;
  }

  /** The columns being filled (read-only for the caller, except the test columns of deferred records). */
  get columns(): BatchBuffers {
    return this.buffers;
  }

  get hasTestColumns(): boolean {
    return this.buffers.testLosses.length > 0;
  }

  /**
   * The largest size (Euclidean norm) the parameters may reach; an epoch past it is a blow-up. Set by the
   * session whenever the run (re)starts from new parameters.
   */
  set sizeLimit(limit: number) {
    this.squaredLimit = limit * limit;
  }

  /**
   * Records one epoch. Returns false, recording nothing, when the loss or a parameter is not finite or the
   * parameters are larger than `sizeLimit`. (One loop copies and checks: `set()` on a 9-element array costs
   * more than the copy itself.) The test loss and accuracy are kept only while testing.
   */
  record(
    epoch: number,
    loss: number,
    accuracy: number,
    params: Float64Array,
    testLoss = Number.NaN,
    testAccuracy = Number.NaN,
  ): boolean {
    if (this.count === this.capacity) this.grow();
    const stride = this.stride;
    const offset = this.count * stride;
    const out = this.buffers.params;
    let squares = 0;
    for (let i = 0; i < stride; i++) {
      const value = params[i]!;
      out[offset + i] = value;
      squares += value * value;
    }
    // NaN and ±Infinity fail both tests (and so do squares that overflow: a blow-up too).
    if (!(squares <= this.squaredLimit) || !Number.isFinite(loss)) return false;
    if (this.count === 0) this.firstEpoch = epoch;
    this.buffers.losses[this.count] = loss;
    this.buffers.accuracies[this.count] = accuracy;
    if (this.buffers.testLosses.length > 0) {
      this.buffers.testLosses[this.count] = testLoss;
      this.buffers.testAccuracies[this.count] = testAccuracy;
    }
    this.count += 1;
    return true;
  }

  /** The parameters' largest squared size (see `sizeLimit`). */
  get sizeLimitSquared(): number {
    return this.squaredLimit;
  }

  /**
   * The columns, with room for `epochs` more records after `count` and the slot after them, for a loop
   * that writes its records straight in (trainArticleEpochs); `commit` then counts them.
   */
  reserve(epochs: number): BatchBuffers {
    while (this.count + epochs + 1 > this.capacity) this.grow();
    return this.buffers;
  }

  /**
   * `epochs` records written at `count..` by the caller (epochs `firstEpoch`.. on, checked as `record`
   * checks them) now belong to the batch; their test columns stay NaN.
   */
  commit(firstEpoch: number, epochs: number): void {
    if (epochs <= 0) return;
    if (this.count === 0) this.firstEpoch = firstEpoch;
    if (this.buffers.testLosses.length > 0) {
      this.buffers.testLosses.fill(Number.NaN, this.count, this.count + epochs);
      this.buffers.testAccuracies.fill(Number.NaN, this.count, this.count + epochs);
    }
    this.count += epochs;
  }

  /**
   * The loss of a recorded epoch, its parameters copied into `out`; NaN (and `out` untouched) when the
   * batch does not hold that epoch.
   */
  copyEpoch(epoch: number, out: Float64Array): number {
    const index = epoch - this.firstEpoch;
    if (index < 0 || index >= this.count) return Number.NaN;
    const offset = index * this.stride;
    for (let i = 0; i < this.stride; i++) out[i] = this.buffers.params[offset + i]!;
    return this.buffers.losses[index]!;
  }

  /** Forgets the epochs after `epoch` (a run that went back to it). */
  truncateAfter(epoch: number): void {
    this.count = Math.max(0, Math.min(this.count, epoch - this.firstEpoch + 1));
    if (this.deferredFrom >= this.count) this.deferredFrom = -1;
  }

  /**
   * Keeps only the records the page's history will keep (KeepRule: epochs `stride` apart from `origin`),
   * with the batch's first record (so the page sees where it starts) and its last (the latest), moved to
   * the front in order; `deferredFrom` follows its record. Returns the kept records' epochs, or null when
   * the batch is kept whole. Each record the page drops is 11 numbers (at the article's size) the page
   * would only have thrown away; at full speed they were most of a frame's bytes.
   */
  thin(origin: number, stride: number): Float64Array | null {
    const count = this.count;
    if (!(stride > 1) || count <= 2) return null;
    const first = this.firstEpoch;
    const rest = (((first + 1 - origin) % stride) + stride) % stride;
    const aligned = 1 + (rest === 0 ? 0 : stride - rest); // the first record past the first that is kept
    const middle = aligned <= count - 2 ? Math.floor((count - 2 - aligned) / stride) + 1 : 0;
    const epochs = new Float64Array(middle + 2);
    epochs[0] = first;
    const deferred = this.deferredFrom;
    let kept = 1;
    let deferredTo = deferred === 0 ? 0 : -1;
    const keep = (from: number): void => {
      if (deferredTo < 0 && deferred >= 0 && from >= deferred) deferredTo = kept;
      this.move(from, kept);
      epochs[kept] = first + from;
      kept += 1;
    };
    for (let from = aligned; from <= count - 2; from += stride) keep(from);
    keep(count - 1);
    this.count = kept;
    this.deferredFrom = deferredTo;
    return epochs;
  }

  /** Copies record `from` over record `to` (to <= from). */
  private move(from: number, to: number): void {
    if (from === to) return;
    const { losses, accuracies, params, testLosses, testAccuracies } = this.buffers;
    losses[to] = losses[from]!;
    accuracies[to] = accuracies[from]!;
    params.copyWithin(to * this.stride, from * this.stride, (from + 1) * this.stride);
    if (testLosses.length === 0) return;
    testLosses[to] = testLosses[from]!;
    testAccuracies[to] = testAccuracies[from]!;
  }

  /** Hands the filled buffers out (to be transferred) and starts an empty batch on spare buffers. */
  take(): BatchBuffers & { firstEpoch: number; count: number } {
    const taken = { firstEpoch: this.firstEpoch, count: this.count, ...this.buffers };
    this.buffers = this.spares.pop() ?? this.allocate();
    this.clear();
    return taken;
  }

  /**
   * The records as new buffers of their own size, the batch keeping its own (for a thinned batch: a few
   * hundred records out of a buffer sized for the tens of thousands a frame can hold at full speed). A
   * transferred buffer counts at its whole size towards the memory that makes the receiving thread
   * collect garbage: megabytes a frame, both ways, kept both threads collecting dozens of times a second.
   */
  takeCopy(): BatchBuffers & { firstEpoch: number; count: number } {
    const { count, firstEpoch, stride, buffers } = this;
    const testing = buffers.testLosses.length > 0;
    const taken = {
      firstEpoch,
      count,
      losses: buffers.losses.slice(0, count),
      accuracies: buffers.accuracies.slice(0, count),
      params: buffers.params.slice(0, count * stride),
      testLosses: testing ? buffers.testLosses.slice(0, count) : NO_TEST_COLUMN,
      testAccuracies: testing ? buffers.testAccuracies.slice(0, count) : NO_TEST_COLUMN,
    };
    // Testing turned off: this batch carried its test columns, the next ones carry none (as after take()).
    if (testing && !this.testing) {
      this.buffers = { ...buffers, testLosses: NO_TEST_COLUMN, testAccuracies: NO_TEST_COLUMN };
    }
    this.clear();
    return taken;
  }

  /**
   * Takes back buffers the page is done with; ones too small for the current capacity, or without the
   * test columns testing needs, are dropped.
   */
  recycle(buffers: Partial<BatchBuffers> & Omit<BatchBuffers, 'testLosses' | 'testAccuracies'>): void {
    const { losses, accuracies, params } = buffers;
    const testLosses = this.testing ? buffers.testLosses : NO_TEST_COLUMN;
    const testAccuracies = this.testing ? buffers.testAccuracies : NO_TEST_COLUMN;
    const testFits =
      !this.testing ||
      (testLosses !== undefined &&
        testAccuracies !== undefined &&
        testLosses.length >= this.capacity &&
        testAccuracies.length >= this.capacity);
    if (
      losses.length >= this.capacity &&
      accuracies.length >= this.capacity &&
      params.length >= this.capacity * this.stride &&
      testFits &&
      this.spares.length < 4
    ) {
      // Only the buffers: what they came in (a `recycle` command) is not the batch's to keep.
      this.spares.push({
        losses,
        accuracies,
        params,
        testLosses: testLosses!,
        testAccuracies: testAccuracies!,
      });
    }
  }

  clear(): void {
    this.count = 0;
    this.deferredFrom = -1;
  }

  private allocate(): BatchBuffers {
    return {
      losses: new Float64Array(this.capacity),
      accuracies: new Float64Array(this.capacity),
      params: new Float64Array(this.capacity * this.stride),
      ...this.testColumns(),
    };
  }

  private testColumns(): Pick<BatchBuffers, 'testLosses' | 'testAccuracies'> {
    if (!this.testing) return { testLosses: NO_TEST_COLUMN, testAccuracies: NO_TEST_COLUMN };
    const testLosses = new Float64Array(this.capacity).fill(Number.NaN);
    const testAccuracies = new Float64Array(this.capacity).fill(Number.NaN);
    return { testLosses, testAccuracies };
  }

  /** A frame holds more epochs than we planned for: double once, and keep the size from then on. */
  private grow(): void {
    const old = this.buffers;
    this.capacity *= 2;
    this.buffers = this.allocate();
    this.buffers.losses.set(old.losses.subarray(0, this.count));
    this.buffers.accuracies.set(old.accuracies.subarray(0, this.count));
    this.buffers.params.set(old.params.subarray(0, this.count * this.stride));
    if (this.testing && old.testLosses.length > 0) {
      this.buffers.testLosses.set(old.testLosses.subarray(0, this.count));
      this.buffers.testAccuracies.set(old.testAccuracies.subarray(0, this.count));
    }
    this.spares.length = 0;
  }
}

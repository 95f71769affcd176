import { PARAM_COUNT, type Params } from '../core/network';

/**
 * The epochs finished since the last frame: loss and parameters per epoch, in buffers that are
 * transferred to the page and handed back for reuse, so steady training allocates nothing.
 */
export class EpochBatch {
  firstEpoch = 0;
  count = 0;
  private losses: Float64Array;
  private params: Float64Array;
  private readonly spares: { losses: Float64Array; params: Float64Array }[] = [];

  constructor(private capacity = 1024) {
    this.losses = new Float64Array(capacity);
    this.params = new Float64Array(capacity * PARAM_COUNT);
  }

  /**
   * Records one epoch. Returns false, recording nothing, when the loss or a parameter is not finite.
   * (One loop copies and checks: `set()` on a 9-element array costs more than the copy itself.)
   */
  record(epoch: number, loss: number, params: Params): boolean {
    if (this.count === this.capacity) this.grow();
    const offset = this.count * PARAM_COUNT;
    const out = this.params;
    let sum = loss;
    for (let i = 0; i < PARAM_COUNT; i++) {
      const value = params[i]!;
      out[offset + i] = value;
      sum += value;
    }
    // NaN and ±Infinity make the sum non-finite (and so does a sum that overflows, also a blow-up).
    if (!Number.isFinite(sum)) return false;
    if (this.count === 0) this.firstEpoch = epoch;
    this.losses[this.count] = loss;
    this.count += 1;
    return true;
  }

  /** The parameters of the newest recorded epoch, into `out`; false when the batch is empty. */
  copyLastParams(out: Float64Array): boolean {
    if (this.count === 0) return false;
    const offset = (this.count - 1) * PARAM_COUNT;
    for (let i = 0; i < PARAM_COUNT; i++) out[i] = this.params[offset + i]!;
    return true;
  }

  /** The epoch of the newest record (meaningful only when count > 0). */
  get lastEpoch(): number {
    return this.firstEpoch + this.count - 1;
  }

  /** Hands the filled buffers out (to be transferred) and starts an empty batch on spare buffers. */
  take(): { firstEpoch: number; count: number; losses: Float64Array; params: Float64Array } {
    const taken = {
      firstEpoch: this.firstEpoch,
      count: this.count,
      losses: this.losses,
      params: this.params,
    };
    const spare = this.spares.pop();
    if (spare) {
      this.losses = spare.losses;
      this.params = spare.params;
    } else {
      this.losses = new Float64Array(this.capacity);
      this.params = new Float64Array(this.capacity * PARAM_COUNT);
    }
    this.count = 0;
    return taken;
  }

  /** Takes back buffers the page is done with; ones too small for the current capacity are dropped. */
  recycle(losses: Float64Array, params: Float64Array): void {
    if (
      losses.length >= this.capacity &&
      params.length >= this.capacity * PARAM_COUNT &&
      this.spares.length < 4
    ) {
      this.spares.push({ losses, params });
    }
  }

  clear(): void {
    this.count = 0;
  }

  /** A frame holds more epochs than we planned for: double once, and keep the size from then on. */
  private grow(): void {
    this.capacity *= 2;
    const losses = new Float64Array(this.capacity);
    const params = new Float64Array(this.capacity * PARAM_COUNT);
    losses.set(this.losses.subarray(0, this.count));
    params.set(this.params.subarray(0, this.count * PARAM_COUNT));
    this.losses = losses;
    this.params = params;
    this.spares.length = 0;
  }
}

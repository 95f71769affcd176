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

  record(epoch: number, loss: number, params: Params): void {
    if (this.count === 0) this.firstEpoch = epoch;
    if (this.count === this.capacity) this.grow();
    this.losses[this.count] = loss;
    this.params.set(params, this.count * PARAM_COUNT);
    this.count += 1;
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

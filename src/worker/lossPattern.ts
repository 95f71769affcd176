/** A loss that moves less than this (relative) from one epoch to the next has stopped moving at all... */
export const STUCK_CHANGE = 1e-9;
/** ...and this many such epochs in a row make a stuck run, said at once rather than after a plateau's wait. */
export const STUCK_EPOCHS = 20;
/** An epoch whose loss turns (rises after a fall, or falls after a rise) by this much (relative) swings... */
export const SWING = 0.05;
/** ...and this many swings in a row make a loss that oscillates: each step overshoots the lowest point. */
export const SWING_EPOCHS = 10;

/** What the last epochs' losses do when it is worth a word: stand still, or swing up and down. */
export type LossShape =
  | { readonly kind: 'stuck'; readonly loss: number }
  | { readonly kind: 'oscillating'; readonly low: number; readonly high: number };

/**
 * The shapes a plateau notice explains: a loss stuck because the output neuron is saturated (its answer
 * for every sample, 0 or 1, or null when samples sit at different ends), or a loss that swings.
 */
export type PlateauShape =
  | { readonly kind: 'saturated'; readonly loss: number; readonly answer: 0 | 1 | null }
  | Extract<LossShape, { kind: 'oscillating' }>;

/**
 * Reads the shape of the per-epoch loss from the last change and the run of epochs like it: a few
 * comparisons per epoch, nothing allocated until there is a shape to report.
 */
export class LossPatternWatch {
  private last = Number.NaN;
  private lastChange = 0;
  private flat = 0;
  private swings = 0;
  private low = 0;
  private high = 0;

  /** A new start: losses before it say nothing about the ones to come. */
  restart(): void {
    this.last = Number.NaN;
    this.lastChange = 0;
    this.flat = 0;
    this.swings = 0;
  }

  /**
   * Looks at one finished epoch's loss; returns the shape the losses have now, or null. A stuck loss is
   * reported once per still stretch (what it means takes a look at the network), a swinging one while
   * it swings.
   */
  observe(loss: number): LossShape | null {
    const before = this.last;
    const change = loss - before;
    const size = Math.abs(before);
    this.last = loss;
    if (!Number.isFinite(change)) {
      this.restart();
      this.last = loss;
      return null;
    }
    this.flat = Math.abs(change) <= STUCK_CHANGE * size ? this.flat + 1 : 0;
    const turned = change * this.lastChange < 0 && Math.abs(change) >= SWING * size;
    this.lastChange = change;
    if (turned) {
      if (this.swings === 0) this.rangeFrom(before);
      this.swings++;
      this.low = Math.min(this.low, loss);
      this.high = Math.max(this.high, loss);
    } else this.swings = 0;
    if (this.flat === STUCK_EPOCHS) return { kind: 'stuck', loss };
    if (this.swings >= SWING_EPOCHS) return { kind: 'oscillating', low: this.low, high: this.high };
    return null;
  }

  private rangeFrom(loss: number): void {
    this.low = loss;
    this.high = loss;
  }
}

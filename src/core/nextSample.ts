import { shuffleInPlace, type RngState } from './rng';
import type { Trainer } from './trainer';

/** Room for a trial shuffle: grown to the largest set seen, so peeking allocates only when a set grows. */
let scratchOrder = new Uint32Array(0);
const scratchRng: RngState = { seed: 0, spareNormal: Number.NaN };

/**
 * The index into `trainer.set` of the sample the next trainSample will train, or -1 for an empty set.
 * Mid-epoch it is the one at the cursor. At an epoch boundary in `Shuffled` order the epoch's shuffle has
 * not been drawn yet, so it is drawn here on copies of the order and the random state, exactly as
 * trainSample will draw it: the trainer itself is left untouched.
 */
export function nextSampleIndex(trainer: Trainer): number {
  const { order, cursor, rng } = trainer;
  const count = trainer.set.count;
  if (count === 0) return -1;
  if (cursor !== 0 || trainer.sampleOrder !== 'shuffled') return order[cursor]!;
  if (scratchOrder.length < count) scratchOrder = new Uint32Array(count);
  scratchOrder.set(order.subarray(0, count));
  scratchRng.seed = rng.seed;
  scratchRng.spareNormal = rng.spareNormal;
  shuffleInPlace(scratchOrder, count, scratchRng);
  return scratchOrder[0]!;
}

/** The table row of the sample the next trainSample will train (left-out rows are skipped), or null. */
export function nextSampleRow(trainer: Trainer): number | null {
  const sample = nextSampleIndex(trainer);
  return sample < 0 ? null : trainer.set.rowIndex[sample]!;
}

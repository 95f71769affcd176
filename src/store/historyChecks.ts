/** The checks a history makes on what it is given, before it changes anything. */
import type { BatchColumns } from './historyChunks';

export function checkCap(cap: number): number {
  if (!Number.isSafeInteger(cap) || cap < 2) {
    throw new RangeError(
      `History cap must be an integer of at least 2 (the first and latest epoch); got ${cap}`,
    );
  }
  return cap;
}

export function checkChunkSize(size: number): number {
  if (!Number.isSafeInteger(size) || size < 1) {
    throw new RangeError(`History chunk size must be a positive integer; got ${size}`);
  }
  return size;
}

export function checkParamCount(count: number): number {
  if (!Number.isSafeInteger(count) || count < 1) {
    throw new RangeError(`A record needs a positive whole number of parameters; got ${count}`);
  }
  return count;
}

/** Throws a RangeError, changing nothing, for a batch the history cannot take after epoch `latest` (-1: empty). */
export function checkBatch(
  firstEpoch: number,
  count: number,
  batch: BatchColumns,
  P: number,
  latest: number,
): void {
  const { losses, params, accuracies, testLosses, testAccuracies } = batch;
  if (!Number.isSafeInteger(count) || count < 0) {
    throw new RangeError(`A batch needs a whole, non-negative number of epochs; got ${count}`);
  }
  if (!Number.isSafeInteger(firstEpoch) || firstEpoch < 0 || !Number.isSafeInteger(firstEpoch + count)) {
    throw new RangeError(`Epochs are whole numbers from 0; got a batch starting at ${firstEpoch}`);
  }
  const short = (column: Float64Array | null) => column !== null && column.length < count;
  if (
    losses.length < count ||
    params.length < count * P ||
    short(accuracies) ||
    short(testLosses) ||
    short(testAccuracies)
  ) {
    throw new RangeError(
      `A batch of ${count} epochs needs ${count} losses, accuracies and ${count * P} parameters; ` +
        `got ${losses.length}, ${accuracies?.length ?? 'none'} and ${params.length}`,
    );
  }
  if (count > 0 && firstEpoch <= latest) {
    throw new RangeError(
      `Epoch ${firstEpoch} arrived after epoch ${latest} was already recorded; batches must arrive ` +
        'once each, in order (a duplicated or reordered batch?)',
    );
  }
}

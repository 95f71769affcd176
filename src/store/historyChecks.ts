/** The checks a history makes on what it is given, before it changes anything. */
import type { BatchColumns } from './historyChunks';

export interface HistoryOptions {
  /**
   * Most records kept; at least 2: the first and latest. A record is (5 + parameters) × 8 bytes, so the
   * default 2**18 holds 29 MB at 9 parameters and 80 MB at 33 (8 hidden neurons); the app passes its own,
   * smaller cap (HISTORY_CAP in runHistory.ts).
   */
  cap?: number;
  /** Records per storage chunk (default 4096). */
  chunkSize?: number;
  /** Parameters per record (default 9); a run with another network size sets its own in `clear`. */
  paramsPerRecord?: number;
}

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
  epochs: Float64Array | null = null,
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
  if (epochs) checkEpochs(firstEpoch, count, epochs);
}

/** A thinned batch's epochs: from firstEpoch, whole and rising. */
function checkEpochs(firstEpoch: number, count: number, epochs: Float64Array): void {
  if (epochs.length < count || (count > 0 && epochs[0] !== firstEpoch)) {
    throw new RangeError(`A thinned batch of ${count} epochs from ${firstEpoch} needs their ${count} epochs`);
  }
  for (let i = 1; i < count; i++) {
    const epoch = epochs[i]!;
    if (!Number.isSafeInteger(epoch) || epoch <= epochs[i - 1]!) {
      throw new RangeError(
        `A thinned batch's epochs must be whole and rising; got ${epoch} after ${epochs[i - 1]}`,
      );
    }
  }
}

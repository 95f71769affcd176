import { expect } from 'vitest';
import { HISTORY_PARAM_COUNT, TrainingHistory } from '../../src/store/history';

/** Records whose every value can be told from its epoch, and helpers to append and read them back. */

export const P = HISTORY_PARAM_COUNT;
export const BYTES_PER_RECORD = (5 + P) * 8; // epoch, loss, accuracy, test loss and accuracy, the parameters

// Distinct, exactly representable values per epoch: a record read back proves which epoch it came from.
export const lossOf = (epoch: number): number => 1 / (epoch + 1);
export const paramOf = (epoch: number, k: number): number => epoch + k / 16 - 3;
export const accuracyOf = (epoch: number): number => (epoch % 5) / 4;

/** Fills (or allocates) batch buffers the way the worker does, for epochs first .. first+count-1. */
export function batch(
  first: number,
  count: number,
  losses = new Float64Array(count),
  params = new Float64Array(count * P),
  accuracies = new Float64Array(count),
) {
  for (let i = 0; i < count; i++) {
    losses[i] = lossOf(first + i);
    accuracies[i] = accuracyOf(first + i);
    for (let k = 0; k < P; k++) params[i * P + k] = paramOf(first + i, k);
  }
  return { losses, params, accuracies };
}

export function append(history: TrainingHistory, first: number, count: number): void {
  const { losses, params, accuracies } = batch(first, count);
  history.appendBatch(first, count, losses, params, accuracies);
}

export function keptEpochs(history: TrainingHistory): number[] {
  return Array.from({ length: history.length }, (_, i) => history.epochAt(i));
}

/** Every value of every record, to compare two histories exactly. */
export function snapshot(history: TrainingHistory): number[][] {
  const out = new Float64Array(P);
  return Array.from({ length: history.length }, (_, i) => [
    history.epochAt(i),
    history.lossAt(i),
    history.accuracyAt(i),
    ...history.paramsAt(i, out),
  ]);
}

/** The thinning rule applied one record at a time, as plainly as possible: the oracle. */
export function referenceEpochs(
  first: number,
  total: number,
  cap: number,
): { epochs: number[]; stride: number } {
  let kept: number[] = [];
  let stride = 1;
  for (let e = first; e < first + total; e++) {
    const tail = kept[kept.length - 1];
    if (tail !== undefined && (tail - first) % stride !== 0) kept.pop();
    kept.push(e);
    while (kept.length > cap) {
      stride *= 2;
      kept = kept.filter((k, i) => (k - first) % stride === 0 || i === kept.length - 1);
    }
  }
  return { epochs: kept, stride };
}

export function expectRecordMatchesEpoch(history: TrainingHistory, index: number): void {
  const epoch = history.epochAt(index);
  expect(history.lossAt(index)).toBe(lossOf(epoch));
  expect(history.accuracyAt(index)).toBe(accuracyOf(epoch));
  for (let k = 0; k < P; k++) expect(history.paramAt(index, k)).toBe(paramOf(epoch, k));
}

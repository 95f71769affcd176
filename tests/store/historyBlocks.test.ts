import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TrainingHistory } from '../../src/store/history';
import { accuracyOf, batch, lossOf } from './historyRecords';

/** A test loss per epoch, told apart from the training loss. */
const testLossOf = (epoch: number): number => 3 + epoch / 4;

function block(n: number) {
  return {
    epochs: new Float64Array(n),
    losses: new Float64Array(n),
    accuracies: new Float64Array(n),
    testLosses: new Float64Array(n),
  };
}

function appendWithTest(history: TrainingHistory, first: number, count: number): void {
  const { losses, params, accuracies } = batch(first, count);
  const test = {
    losses: Float64Array.from({ length: count }, (_, i) => testLossOf(first + i)),
    accuracies: new Float64Array(count),
  };
  history.appendBatch(first, count, losses, params, accuracies, test);
}

describe('TrainingHistory.readRecords: a block of records in one pass (the loss curve reads thousands)', () => {
  it('reads the same records as the accessors, in order: plain and rotated layouts, any cap and chunk size', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(48, 64), // 64: the rotated layout once full; 48 (not a power of two): compacted in place
        fc.constantFrom(5, 8),
        fc.integer({ min: 1, max: 3000 }), // epochs appended: from unthinned to thinned several times
        fc.integer({ min: 1, max: 40 }),
        fc.nat(),
        fc.nat(),
        (cap, chunkSize, epochs, batchSize, a, b) => {
          const history = new TrainingHistory({ cap, chunkSize });
          for (let first = 0; first < epochs; first += batchSize) {
            appendWithTest(history, first, Math.min(batchSize, epochs - first));
          }
          const from = a % history.length;
          const n = 1 + (b % (history.length - from));
          const read = block(n);
          history.readRecords(from, n, read);
          for (let k = 0; k < n; k++) {
            const epoch = history.epochAt(from + k);
            expect([read.epochs[k], read.losses[k], read.accuracies[k], read.testLosses[k]]).toEqual([
              epoch,
              lossOf(epoch),
              accuracyOf(epoch),
              testLossOf(epoch),
            ]);
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  it('refuses records past the end, or a block too short for them, writing nothing', () => {
    const history = new TrainingHistory({ cap: 64, chunkSize: 8 });
    appendWithTest(history, 0, 10);
    const read = block(4);
    read.epochs.fill(-1);
    expect(() => history.readRecords(8, 4, read)).toThrow(RangeError);
    expect(() => history.readRecords(0, 5, read)).toThrow(/cannot hold 5/);
    expect([...read.epochs]).toEqual([-1, -1, -1, -1]);
    history.readRecords(8, 0, read); // an empty block reads nothing, even past the end
    history.readRecords(6, 4, read);
    expect([...read.epochs]).toEqual([6, 7, 8, 9]);
  });
});

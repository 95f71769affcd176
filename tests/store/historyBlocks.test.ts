import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TrainingHistory } from '../../src/store/history';
import { accuracyOf, append, lossOf } from './historyRecords';

function block(n: number) {
  return {
    epochs: new Float64Array(n),
    losses: new Float64Array(n),
    accuracies: new Float64Array(n),
    testLosses: new Float64Array(n),
  };
}

describe('TrainingHistory.readRecords: a block of records in one pass (the loss curve reads thousands)', () => {
  it('reads the same records as the accessors, in order, in the plain and the rotated layout', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 3000 }), // epochs appended: from unthinned to thinned several times
        fc.integer({ min: 1, max: 40 }),
        fc.nat(),
        fc.nat(),
        (epochs, batchSize, a, b) => {
          const history = new TrainingHistory({ cap: 64, chunkSize: 8 });
          for (let first = 0; first < epochs; first += batchSize) {
            append(history, first, Math.min(batchSize, epochs - first));
          }
          const from = a % history.length;
          const n = 1 + (b % (history.length - from));
          const read = block(n);
          history.readRecords(from, n, read);
          for (let k = 0; k < n; k++) {
            const epoch = history.epochAt(from + k);
            expect([read.epochs[k], read.losses[k], read.accuracies[k]]).toEqual([
              epoch,
              lossOf(epoch),
              accuracyOf(epoch),
            ]);
            expect(read.testLosses[k]).toBeNaN(); // appended without test rows
          }
        },
      ),
      { numRuns: 150 },
    );
  });

  it('refuses a block that runs past the records, writing nothing', () => {
    const history = new TrainingHistory({ cap: 64, chunkSize: 8 });
    append(history, 0, 10);
    const read = block(4);
    read.epochs.fill(-1);
    expect(() => history.readRecords(8, 4, read)).toThrow(RangeError);
    expect([...read.epochs]).toEqual([-1, -1, -1, -1]);
    history.readRecords(8, 0, read); // an empty block reads nothing, even past the end
  });
});

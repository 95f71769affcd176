import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { TrainingHistory } from '../../src/store/history';
import { append, keptEpochs, referenceEpochs, expectRecordMatchesEpoch } from './historyRecords';

/** Appends epochs first..first+total-1 cut into batches at `cuts`; returns the most records one append moved. */
function appendInBatches(history: TrainingHistory, first: number, total: number, cuts: number[]): number {
  const bounds = [0, ...cuts.filter((c) => c < total).sort((a, b) => a - b), total];
  let most = 0;
  for (let b = 1; b < bounds.length; b++) {
    const before = history.recordsMoved;
    append(history, first + bounds[b - 1]!, bounds[b]! - bounds[b - 1]!);
    most = Math.max(most, history.recordsMoved - before);
  }
  return most;
}

describe('TrainingHistory: the work thinning does', () => {
  it('an unbroken run under a power-of-two cap thins without moving a record, keeping what the rule keeps', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 6 }),
        fc.integer({ min: 1, max: 2000 }),
        fc.integer({ min: 1, max: 9 }),
        fc.integer({ min: 0, max: 50 }),
        fc.array(fc.integer({ min: 0, max: 2000 }), { maxLength: 30 }),
        (bits, total, chunkSize, first, cuts) => {
          const cap = 2 ** bits;
          const history = new TrainingHistory({ cap, chunkSize });
          expect(appendInBatches(history, first, total, cuts)).toBe(0);
          const reference = referenceEpochs(first, total, cap);
          expect(keptEpochs(history)).toEqual(reference.epochs);
          expect(history.stride).toBe(reference.stride);
          for (let i = 0; i < history.length; i++) expectRecordMatchesEpoch(history, i);
        },
      ),
      { seed: 20261202, numRuns: 200 },
    );
  });

  it('the app-sized history (2**16 records) moves no record over a long run in frame-sized batches', () => {
    const cap = 2 ** 16;
    const history = new TrainingHistory({ cap });
    let epoch = 0;
    let most = 0;
    for (let frame = 0; frame < 400; frame++) {
      const size = 500 + ((frame * 7919) % 1500); // a frame's worth of epochs at full speed
      const before = history.recordsMoved;
      append(history, epoch, size);
      most = Math.max(most, history.recordsMoved - before);
      epoch += size;
    }
    expect(history.stride).toBeGreaterThanOrEqual(8); // it halved several times on the way
    expect(most).toBe(0);
    expect(keptEpochs(history)).toEqual(referenceEpochs(0, epoch, cap).epochs);
    for (const i of [0, 1, cap / 4 + 1, history.length - 2, history.length - 1]) {
      expectRecordMatchesEpoch(history, i);
    }
  });

  it('after a branch from the past the records keep the rule and their values, rotated or not', () => {
    for (const cap of [32, 48]) {
      const history = new TrainingHistory({ cap, chunkSize: 8 });
      append(history, 0, 5000);
      history.truncateAfter(1234);
      const last = history.lastEpoch();
      appendInBatches(history, last + 1, 20_000, [3, 400, 401, 9000]);
      const epochs = keptEpochs(history);
      expect(history.length).toBeLessThanOrEqual(cap);
      expect(epochs[0]).toBe(0);
      expect(history.lastEpoch()).toBe(last + 20_000);
      for (let i = 1; i < epochs.length; i++) expect(epochs[i]).toBeGreaterThan(epochs[i - 1]!);
      for (const e of epochs.slice(0, -1)) expect(e % history.stride).toBe(0);
      for (let i = 0; i < history.length; i++) expectRecordMatchesEpoch(history, i);
    }
  });

  it('records left unevenly spaced by a gap are still thinned by the rule (compacted in place)', () => {
    const history = new TrainingHistory({ cap: 16, chunkSize: 4 });
    append(history, 0, 10);
    append(history, 13, 40); // epochs 10-12 left out
    const epochs = keptEpochs(history);
    expect(history.recordsMoved).toBeGreaterThan(0);
    for (const e of epochs.slice(0, -1)) expect(e % history.stride).toBe(0);
    expect(epochs[0]).toBe(0);
    expect(history.lastEpoch()).toBe(52);
    for (let i = 0; i < history.length; i++) expectRecordMatchesEpoch(history, i);
  });
});

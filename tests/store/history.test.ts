import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { TrainingHistory } from '../../src/store/history';
import {
  P,
  BYTES_PER_RECORD,
  paramOf,
  batch,
  append,
  keptEpochs,
  snapshot,
  referenceEpochs,
  expectRecordMatchesEpoch,
} from './historyRecords';
describe('TrainingHistory: storing records', () => {
  it('reads back every appended record exactly (epoch, loss, each parameter)', () => {
    const history = new TrainingHistory({ chunkSize: 3 }); // small chunks: records span chunk boundaries
    append(history, 0, 5);
    append(history, 5, 2);
    expect(history.length).toBe(7);
    expect(history.stride).toBe(1);
    expect(history.lastEpoch()).toBe(6);
    for (let i = 0; i < 7; i++) {
      expect(history.epochAt(i)).toBe(i);
      expectRecordMatchesEpoch(history, i);
    }
    const out = new Float64Array(P);
    expect(history.paramsAt(4, out)).toBe(out);
    expect(Array.from(out)).toEqual(Array.from({ length: P }, (_, k) => paramOf(4, k)));
  });

  it('copies the batch buffers, so the caller can recycle them', () => {
    const history = new TrainingHistory();
    const { losses, params, accuracies } = batch(0, 4);
    history.appendBatch(0, 4, losses, params, accuracies);
    losses.fill(NaN);
    params.fill(NaN);
    accuracies.fill(NaN);
    for (let i = 0; i < 4; i++) expectRecordMatchesEpoch(history, i);
  });

  it('reads only `count` values from oversized (recycled) buffers', () => {
    const history = new TrainingHistory();
    const { losses, params, accuracies } = batch(
      10,
      3,
      new Float64Array(100).fill(-1),
      new Float64Array(900).fill(-1),
      new Float64Array(100).fill(-1),
    );
    history.appendBatch(10, 3, losses, params, accuracies);
    expect(keptEpochs(history)).toEqual([10, 11, 12]);
    expectRecordMatchesEpoch(history, 2);
  });

  it('is empty at the start and after clear', () => {
    const history = new TrainingHistory({ cap: 4, chunkSize: 2 });
    expect([history.length, history.lastEpoch(), history.byteLength, history.stride]).toEqual([0, -1, 0, 1]);
    append(history, 0, 100);
    expect(history.stride).toBeGreaterThan(1);
    const held = history.byteLength;
    history.clear();
    expect([history.length, history.lastEpoch(), history.stride]).toEqual([0, -1, 1]);
    append(history, 0, 3); // a new run starts at 0 again
    expect(keptEpochs(history)).toEqual([0, 1, 2]);
    expect(history.byteLength).toBe(held); // in the memory the last run left, not fresh memory
  });

  it('a run with another network size does not keep the last run’s memory', () => {
    const history = new TrainingHistory({ chunkSize: 4 });
    append(history, 0, 12);
    history.clear(33);
    expect(history.byteLength).toBe(0);
  });

  it('an epoch whose accuracy was not given reads NaN, never another epoch’s', () => {
    const history = new TrainingHistory();
    append(history, 0, 2);
    const { losses, params } = batch(2, 2);
    history.appendBatch(2, 2, losses, params);
    expect([0, 1, 2, 3].map((i) => history.accuracyAt(i))).toEqual([0, 0.25, NaN, NaN]);
    expect(() => history.accuracyAt(4)).toThrow(RangeError);
  });

  it('a run with another network size records its own number of parameters per epoch', () => {
    const history = new TrainingHistory({ chunkSize: 4 });
    append(history, 0, 3);
    const wide = 33; // 8 hidden neurons: 4 * 8 + 1
    history.clear(wide);
    expect(history.paramsPerRecord).toBe(wide);
    const params = Float64Array.from({ length: 6 * wide }, (_, j) => j);
    history.appendBatch(0, 6, new Float64Array(6), params, new Float64Array(6).fill(1));
    const out = new Float64Array(wide);
    expect(Array.from(history.paramsAt(5, out))).toEqual(Array.from(params.subarray(5 * wide)));
    expect(history.paramAt(4, wide - 1)).toBe(5 * wide - 1);
    expect(() => history.paramAt(0, wide)).toThrow(RangeError);
    expect(history.byteLength).toBe(2 * 4 * (5 + wide) * 8);
    // a batch holding fewer parameters than the run's size is refused, not misread
    expect(() => history.appendBatch(6, 2, new Float64Array(2), new Float64Array(2 * P))).toThrow(RangeError);
    expect(() => history.clear(0)).toThrow(RangeError);
  });

  it('rejects bad indexes and bad options with a RangeError', () => {
    const history = new TrainingHistory();
    append(history, 0, 2);
    expect(() => history.epochAt(2)).toThrow(RangeError);
    expect(() => history.lossAt(-1)).toThrow(RangeError);
    expect(() => history.paramAt(0, P)).toThrow(RangeError);
    expect(() => new TrainingHistory({ cap: 1 })).toThrow(RangeError);
    expect(() => new TrainingHistory({ chunkSize: 0 })).toThrow(RangeError);
  });
});

describe('TrainingHistory: thinning', () => {
  it('keeps the same records however epochs are split into batches, as the per-record rule says', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 600 }),
        fc.integer({ min: 2, max: 40 }),
        fc.integer({ min: 1, max: 9 }),
        fc.integer({ min: 0, max: 50 }),
        fc.array(fc.integer({ min: 0, max: 600 }), { maxLength: 30 }),
        (total, cap, chunkSize, first, cuts) => {
          const whole = new TrainingHistory({ cap, chunkSize });
          append(whole, first, total);

          const split = new TrainingHistory({ cap, chunkSize });
          // repeated cut points make empty batches, which must change nothing
          const bounds = [0, ...cuts.filter((c) => c < total).sort((a, b) => a - b), total];
          for (let b = 1; b < bounds.length; b++) {
            append(split, first + bounds[b - 1]!, bounds[b]! - bounds[b - 1]!);
            expect(split.length).toBeLessThanOrEqual(cap);
            // memory held: the chunks the records need, plus those thinning freed for reuse, never more
            // than the cap's worth
            expect(split.byteLength).toBeGreaterThanOrEqual(
              Math.ceil(split.length / chunkSize) * chunkSize * BYTES_PER_RECORD,
            );
            expect(split.byteLength).toBeLessThanOrEqual(
              Math.ceil(cap / chunkSize) * chunkSize * BYTES_PER_RECORD,
            );
          }

          const reference = referenceEpochs(first, total, cap);
          expect(keptEpochs(whole)).toEqual(reference.epochs);
          expect(whole.stride).toBe(reference.stride);
          expect(snapshot(split)).toEqual(snapshot(whole));
          expect(split.stride).toBe(whole.stride);
          for (let i = 0; i < split.length; i++) expectRecordMatchesEpoch(split, i);
        },
      ),
      { seed: 20240611, numRuns: 300 },
    );
  });

  it('after 10,000,000 epochs in 30,000-epoch batches: bounded, ends kept, evenly spaced, flat memory', () => {
    const cap = 2 ** 12;
    const chunkSize = 256;
    const chunkBytes = chunkSize * BYTES_PER_RECORD;
    const history = new TrainingHistory({ cap, chunkSize });
    const total = 10_000_000;
    const size = 30_000;
    const losses = new Float64Array(size); // recycled, like the worker's buffers
    const params = new Float64Array(size * P);
    const accuracies = new Float64Array(size);
    let maxBytes = 0;
    let chunksAllocated = 0;
    for (let first = 0; first < total; first += size) {
      const count = Math.min(size, total - first);
      batch(first, count, losses, params, accuracies);
      const before = history.byteLength;
      history.appendBatch(first, count, losses, params, accuracies);
      chunksAllocated += Math.max(0, history.byteLength - before) / chunkBytes;
      maxBytes = Math.max(maxBytes, history.byteLength);
      expect(history.length).toBeLessThanOrEqual(cap);
    }

    const { length, stride } = history;
    expect(length).toBeLessThanOrEqual(cap);
    expect(length).toBeGreaterThanOrEqual(cap / 2); // thinned only as much as needed
    expect(Math.log2(stride) % 1).toBe(0);
    expect(history.epochAt(0)).toBe(0);
    expect(history.lastEpoch()).toBe(total - 1);
    for (let i = 1; i < length - 1; i++) {
      if (history.epochAt(i) - history.epochAt(i - 1) !== stride) {
        throw new Error(`records ${i - 1} and ${i} are not ${stride} epochs apart`);
      }
    }
    const tailGap = history.epochAt(length - 1) - history.epochAt(length - 2);
    expect(tailGap).toBeGreaterThan(0);
    expect(tailGap).toBeLessThanOrEqual(stride);
    for (const i of [0, 1, length >> 1, length - 2, length - 1]) expectRecordMatchesEpoch(history, i);

    const bound = Math.ceil(cap / chunkSize) * chunkBytes; // the cap's worth of chunks, never more
    expect(maxBytes).toBeLessThanOrEqual(bound);
    expect(history.byteLength).toBeLessThanOrEqual(bound);

    // One fill, then never again: the half each compaction frees is reused (fresh memory costs a page
    // fault per 4 kB on first write). Not one chunk per 256 epochs (39,063) or one per batch (334).
    expect(chunksAllocated).toBe(cap / chunkSize);
  });

  it('grows one chunk at a time, only when the last one is full (no copy-and-double)', () => {
    const chunkSize = 1000;
    const history = new TrainingHistory({ chunkSize });
    let epoch = 0;
    let allocations = 0;
    const sizes = [1, 999, 1, 1500, 2500, 7, 993, 4000];
    for (const size of sizes) {
      const before = history.byteLength;
      append(history, epoch, size);
      epoch += size;
      allocations += (history.byteLength - before) / (chunkSize * BYTES_PER_RECORD);
      expect(history.byteLength).toBe(Math.ceil(history.length / chunkSize) * chunkSize * BYTES_PER_RECORD);
    }
    expect(history.length).toBe(epoch);
    expect(allocations).toBe(Math.ceil(epoch / chunkSize));
  });

  it('keeps the first epoch appended after clear even when it is not 0, and thins relative to it', () => {
    const history = new TrainingHistory({ cap: 16, chunkSize: 4 });
    append(history, 7, 1000);
    const epochs = keptEpochs(history);
    expect(epochs[0]).toBe(7);
    expect(epochs[epochs.length - 1]).toBe(1006);
    for (const e of epochs.slice(0, -1)) expect((e - 7) % history.stride).toBe(0);
  });

  it('replaces an off-stride tail when the next epoch arrives', () => {
    const history = new TrainingHistory({ cap: 4 });
    append(history, 0, 6); // 0 1 2 3 4 5 -> stride 2
    expect(history.stride).toBe(2);
    expect(keptEpochs(history)).toEqual([0, 2, 4, 5]);
    append(history, 6, 1); // 5 was kept only as the latest
    expect(keptEpochs(history)).toEqual([0, 2, 4, 6]);
  });
});

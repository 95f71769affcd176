import { describe, expect, it } from 'vitest';
import { TrainingHistory } from '../../src/store/history';
import { P, append, keptEpochs, expectRecordMatchesEpoch } from './historyRecords';

describe('TrainingHistory: order, truncation and lookup', () => {
  it('throws a RangeError on a duplicated or out-of-order batch and changes nothing', () => {
    const history = new TrainingHistory();
    append(history, 0, 10);
    const version = history.version;
    expect(() => append(history, 0, 10)).toThrow(/epoch 9 was already recorded/);
    expect(() => append(history, 9, 1)).toThrow(RangeError);
    expect(() => append(history, 5, 20)).toThrow(RangeError);
    expect(() => history.appendBatch(10, 3, new Float64Array(2), new Float64Array(27))).toThrow(RangeError);
    expect(() => history.appendBatch(-1, 0, new Float64Array(0), new Float64Array(0))).toThrow(RangeError);
    expect(history.version).toBe(version);
    expect(keptEpochs(history)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    append(history, 12, 1); // a gap is allowed (e.g. epochs left out), only going back is not
    expect(history.lastEpoch()).toBe(12);
  });

  it('truncateAfter drops later records, then appending from there works', () => {
    const history = new TrainingHistory({ chunkSize: 8 });
    append(history, 0, 100);
    const held = history.byteLength;
    history.truncateAfter(49);
    expect(history.length).toBe(50);
    expect(history.lastEpoch()).toBe(49);
    append(history, 50, 50); // the branch grows into the chunks the truncation emptied
    expect(history.byteLength).toBe(held);
    history.truncateAfter(49);
    expect(() => append(history, 49, 1)).toThrow(RangeError);
    const losses = new Float64Array([0.25, 0.125]);
    const params = new Float64Array(2 * P).fill(0.5);
    history.appendBatch(50, 2, losses, params); // a new branch: its own values
    expect(keptEpochs(history).slice(-3)).toEqual([49, 50, 51]);
    expect(history.lossAt(50)).toBe(0.25);
    expect(history.paramAt(51, 8)).toBe(0.5);
    expectRecordMatchesEpoch(history, 49);
  });

  it('truncateAfter on thinned data keeps the rule and records the new branch in more detail', () => {
    const cap = 64;
    const history = new TrainingHistory({ cap, chunkSize: 16 });
    append(history, 0, 100_000);
    const longStride = history.stride;
    history.truncateAfter(5000);
    const last = history.lastEpoch();
    expect(last).toBeLessThanOrEqual(5000);
    expect(5000 - last).toBeLessThan(longStride);
    expect(history.stride).toBeLessThan(longStride);
    for (const e of keptEpochs(history)) expect(e % history.stride).toBe(0);

    append(history, last + 1, 3000);
    const branchStride = history.stride;
    const branch = keptEpochs(history).filter((e) => e > last);
    expect(branch.length).toBeGreaterThan(3000 / longStride + 1);
    for (const e of branch.slice(0, -1)) expect(e % branchStride).toBe(0);
    expect(history.epochAt(0)).toBe(0);
    expect(history.lastEpoch()).toBe(last + 3000);

    append(history, last + 3001, 200_000); // and it still stays within the cap
    expect(history.length).toBeLessThanOrEqual(cap);
    expect(history.epochAt(0)).toBe(0);
  });

  it('truncating before the first epoch empties it; the next append starts afresh', () => {
    const history = new TrainingHistory({ cap: 8 });
    append(history, 5, 100);
    history.truncateAfter(4);
    expect([history.length, history.stride, history.lastEpoch()]).toEqual([0, 1, -1]);
    append(history, 0, 3);
    expect(keptEpochs(history)).toEqual([0, 1, 2]);
  });

  it('indexAtOrBefore and nearestIndex agree with a brute-force search on thinned data', () => {
    const history = new TrainingHistory({ cap: 16, chunkSize: 5 });
    expect(history.indexAtOrBefore(3)).toBe(-1);
    expect(history.nearestIndex(3)).toBe(-1);
    append(history, 3, 1000);
    const epochs = keptEpochs(history);
    expect(history.stride).toBeGreaterThan(1);
    for (let q = -5; q <= 1010; q += 0.5) {
      let atOrBefore = -1;
      let nearest = 0;
      epochs.forEach((e, i) => {
        if (e <= q) atOrBefore = i;
        if (Math.abs(e - q) < Math.abs(epochs[nearest]! - q)) nearest = i; // strict: ties keep the earlier
      });
      expect(history.indexAtOrBefore(q)).toBe(atOrBefore);
      expect(history.nearestIndex(q)).toBe(nearest);
    }
    const s = history.stride;
    expect(history.nearestIndex(3 + s / 2)).toBe(0); // exactly halfway between the first two: the earlier
  });

  it('version increments on every change and only then', () => {
    const history = new TrainingHistory();
    const seen = [history.version];
    const changed = () => {
      expect(history.version).toBeGreaterThan(seen[seen.length - 1]!);
      seen.push(history.version);
    };
    append(history, 0, 10);
    changed();
    append(history, 10, 1);
    changed();
    history.truncateAfter(5);
    changed();
    history.truncateAfter(100); // nothing to drop
    append(history, 6, 0); // nothing to add
    expect(history.version).toBe(seen[seen.length - 1]);
    history.clear();
    changed();
  });
});

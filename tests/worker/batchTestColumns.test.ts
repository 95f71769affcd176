import { describe, expect, it } from 'vitest';
import { EpochBatch } from '../../src/worker/batch';

const params = new Float64Array(9).fill(0.5);

describe('the epoch batch test columns', () => {
  it('has none (length 0) while the run has no test rows, and records nothing into them', () => {
    const batch = new EpochBatch(4);
    expect(batch.record(1, 0.3, 0.5, params, 0.9, 0.25)).toBe(true);
    const taken = batch.take();
    expect(taken.testLosses).toHaveLength(0);
    expect(taken.testAccuracies).toHaveLength(0);
  });

  it('records each epoch test loss and accuracy beside its loss, NaN for epochs before testing began', () => {
    const batch = new EpochBatch(4);
    batch.record(1, 0.3, 0.5, params);
    batch.setTesting(true);
    batch.record(2, 0.2, 0.75, params, 0.4, 0.5);
    for (let epoch = 3; epoch <= 6; epoch++) batch.record(epoch, 0.1, 1, params, 0.5, 0.25); // grows past 4
    const taken = batch.take();
    expect(taken.count).toBe(6);
    expect(Array.from(taken.testLosses.subarray(0, 6))).toEqual([NaN, 0.4, 0.5, 0.5, 0.5, 0.5]);
    expect(Array.from(taken.testAccuracies.subarray(0, 3))).toEqual([NaN, 0.5, 0.25]);
    expect(Array.from(taken.losses.subarray(0, 2))).toEqual([0.3, 0.2]);
  });

  it('reuses handed-back buffers only with test columns while testing', () => {
    const batch = new EpochBatch(4);
    batch.setTesting(true);
    const first = batch.take();
    // Handed back without test columns: refused, so the next sets are fresh ones.
    batch.recycle({ losses: first.losses, accuracies: first.accuracies, params: first.params });
    batch.take();
    expect(batch.take().losses).not.toBe(first.losses);
    batch.recycle(first);
    batch.take();
    const reused = batch.take();
    expect(reused.losses).toBe(first.losses);
    expect(reused.testLosses).toBe(first.testLosses);
  });
});

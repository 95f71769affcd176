import { describe, expect, it } from 'vitest';
import { TrainingHistory } from '../../src/store/history';
import { P, batch } from './historyRecords';

/** Test-row metrics per epoch, told apart from the training ones. */
const testLossOf = (epoch: number): number => 2 + epoch / 8;
const testAccuracyOf = (epoch: number): number => ((epoch * 3) % 7) / 8;

function testColumns(first: number, count: number) {
  const losses = Float64Array.from({ length: count }, (_, i) => testLossOf(first + i));
  const accuracies = Float64Array.from({ length: count }, (_, i) => testAccuracyOf(first + i));
  return { losses, accuracies };
}

function appendWithTest(history: TrainingHistory, first: number, count: number): void {
  const { losses, params, accuracies } = batch(first, count);
  history.appendBatch(first, count, losses, params, accuracies, testColumns(first, count));
}

describe('TrainingHistory: the test columns', () => {
  it('keeps each epoch test loss and accuracy beside its training ones, across chunks and thinning', () => {
    const history = new TrainingHistory({ cap: 16, chunkSize: 3 });
    for (let first = 0; first < 200; first += 7) appendWithTest(history, first, 7);
    expect(history.stride).toBeGreaterThan(1); // thinned: records were moved around
    for (let i = 0; i < history.length; i++) {
      const epoch = history.epochAt(i);
      expect(history.testLossAt(i)).toBe(testLossOf(epoch));
      expect(history.testAccuracyAt(i)).toBe(testAccuracyOf(epoch));
      expect(history.lossAt(i)).toBe(1 / (epoch + 1));
    }
  });

  it('reads NaN for epochs recorded without test rows, and copies the buffers it was given', () => {
    const history = new TrainingHistory();
    const { losses, params, accuracies } = batch(0, 3);
    history.appendBatch(0, 3, losses, params, accuracies);
    const test = testColumns(3, 2);
    const next = batch(3, 2);
    history.appendBatch(3, 2, next.losses, next.params, next.accuracies, test);
    test.losses.fill(-1);
    expect([0, 1, 2].map((i) => history.testLossAt(i))).toEqual([NaN, NaN, NaN]);
    expect(history.testAccuracyAt(2)).toBeNaN();
    expect(history.testLossAt(3)).toBe(testLossOf(3));
    expect(history.testAccuracyAt(4)).toBe(testAccuracyOf(4));
  });

  it('refuses test columns shorter than the batch', () => {
    const history = new TrainingHistory();
    const { losses, params, accuracies } = batch(0, 4);
    const short = { losses: new Float64Array(3), accuracies: new Float64Array(4) };
    expect(() => history.appendBatch(0, 4, losses, params, accuracies, short)).toThrow(RangeError);
    expect(params.length).toBe(4 * P);
  });
});

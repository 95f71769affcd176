import { describe, expect, it } from 'vitest';
import { dataProblemText, noticeText } from '../../src/viz/noticeText';

describe('noticeText words every notice the worker sends', () => {
  it('diverged: the epoch it blew up at and the epoch the parameters went back to, with separators', () => {
    expect(noticeText({ kind: 'diverged', epoch: 12_345, lastGoodEpoch: 12_000 })).toBe(
      'Training diverged at epoch 12,345: the loss is no longer a finite number. The parameters are ' +
        'back at epoch 12,000; lower the learning rate, then press Play.',
    );
  });

  it('stopped-at: the epoch set in Stop at epoch', () => {
    expect(noticeText({ kind: 'stopped-at', epoch: 1000 })).toBe(
      'Paused at epoch 1,000, as set in Stop at epoch.',
    );
  });

  it('stopped-at-loss: the epoch, and the loss and limit to 4 significant digits without trailing zeros', () => {
    expect(noticeText({ kind: 'stopped-at-loss', epoch: 2500, loss: 0.049876543, limit: 0.05 })).toBe(
      'Paused at epoch 2,500: the loss 0.04988 reached 0.05, as set in Stop at loss.',
    );
  });

  it('cannot-train: why, for each reason', () => {
    expect(noticeText({ kind: 'cannot-train', reason: 'no-valid-rows' })).toBe(
      'No valid rows: add a person with a weight and a height to train.',
    );
    expect(noticeText({ kind: 'cannot-train', reason: 'one-gender' })).toBe(
      'Only one gender among the valid rows: the network can only learn to always say the same.',
    );
    expect(noticeText({ kind: 'cannot-train', reason: 'one-label-value' })).toBe(
      'Only one label value among the valid rows: the network can only learn to always say the same.',
    );
  });

  it('plateau: the best loss and for how many epochs it has held', () => {
    expect(noticeText({ kind: 'plateau', best: 0.24930001, since: 1000, epoch: 3000 })).toBe(
      'The loss has stopped improving (no better than 0.2493 for the last 2,000 epochs). Try a higher ' +
        'learning rate, more hidden neurons, or Reset with another seed.',
    );
  });

  it('a data problem reads the same on its own as in a cannot-train notice', () => {
    for (const reason of ['no-valid-rows', 'one-gender', 'one-label-value'] as const) {
      expect(dataProblemText(reason)).toBe(noticeText({ kind: 'cannot-train', reason }));
    }
  });
});

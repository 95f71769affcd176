import { describe, expect, it } from 'vitest';
import { MAX_HIDDEN } from '../../src/core/architecture';
import { MAX_LEARNING_RATE } from '../../src/core/learningRate';
import { dataProblemText, noticeText } from '../../src/viz/noticeText';
import type { DivergedNotice, PlateauNotice } from '../../src/worker/protocol';

describe('noticeText words every notice the worker sends', () => {
  const diverged: DivergedNotice = {
    ...{ kind: 'diverged', cause: 'not-finite', epoch: 12_345, loss: Number.NaN },
    ...{ lastGoodEpoch: 12_000, lastGoodLoss: 0.012345678 },
    ...{ learningRate: 0.1, momentum: 0, scaling: 'article' },
  };

  it('diverged: the epoch it blew up at, the epoch and loss it went back to, and what to try', () => {
    expect(noticeText(diverged)).toBe(
      'Training blew up at epoch 12,345: the loss is no longer a finite number. The parameters are ' +
        'back at epoch 12,000 (loss 0.01235). Try a lower learning rate or Standardize in Input scaling, ' +
        'then press Play.',
    );
  });

  it('diverged: says how, for each cause', () => {
    const far = { ...diverged, cause: 'loss-far-above-best', loss: 2.4731 } as const;
    expect(noticeText(far)).toMatch(
      /^Training blew up at epoch 12,345: the loss rose to 2\.473 and stayed far above its best for 10 epochs\. /,
    );
    expect(noticeText({ ...diverged, cause: 'params-too-large', loss: 0.5 })).toMatch(
      /^Training blew up at epoch 12,345: its weights grew past any useful size\. /,
    );
  });

  it('diverged: suggests only what can still be tried, and never Standardize when it is on', () => {
    const momentum = { ...diverged, momentum: 0.99 };
    expect(noticeText(momentum)).toContain(
      'Try a lower learning rate, less momentum, or Standardize in Input scaling, then press Play.',
    );
    const standardized = { ...diverged, scaling: 'standardize' } as const;
    expect(noticeText(standardized)).toContain('Try a lower learning rate, then press Play.');
    const nothingLeft = { ...standardized, learningRate: 0.001 };
    expect(noticeText(nothingLeft)).toMatch(/\(loss 0\.01235\)\. Press Reset to start again\.$/);
    expect(noticeText({ ...diverged, lastGoodLoss: Number.NaN })).toContain('back at epoch 12,000. Try');
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

  const plateau: PlateauNotice = {
    ...{ kind: 'plateau', best: 0.24930001, since: 1000, epoch: 3000 },
    ...{ rose: false, learningRate: 0.1, hidden: 2 },
  };

  it('plateau: the best loss and for how many epochs it has held', () => {
    expect(noticeText(plateau)).toBe(
      'The loss has stopped improving (no better than 0.2493 for the last 2,000 epochs). Try a higher ' +
        'learning rate, more hidden neurons, or Reset with another seed.',
    );
  });

  it('plateau: no higher rate after the loss rose (a lower one instead), nor at the top of the slider', () => {
    expect(noticeText({ ...plateau, rose: true })).toMatch(
      /Try a lower learning rate, more hidden neurons, or Reset with another seed\.$/,
    );
    expect(noticeText({ ...plateau, learningRate: MAX_LEARNING_RATE })).toMatch(
      /Try more hidden neurons or Reset with another seed\.$/,
    );
    expect(noticeText({ ...plateau, learningRate: 9.99 })).toContain('a higher learning rate');
    expect(noticeText({ ...plateau, hidden: MAX_HIDDEN, rose: true })).toMatch(
      /Try a lower learning rate or Reset with another seed\.$/,
    );
  });

  it('a data problem reads the same on its own as in a cannot-train notice', () => {
    for (const reason of ['no-valid-rows', 'one-gender', 'one-label-value'] as const) {
      expect(dataProblemText(reason)).toBe(noticeText({ kind: 'cannot-train', reason }));
    }
  });
});

describe('noticeText says why a loss stands still or swings', () => {
  const stuck: PlateauNotice = {
    ...{ kind: 'plateau', best: 0.4723, since: 0, epoch: 21, rose: true, learningRate: 100, hidden: 2 },
    ...{ shape: { kind: 'saturated', loss: 0.5, answer: 1 } },
  };

  it('stuck with a saturated output: what the neuron answers, why no gradient comes back, the rate to blame', () => {
    expect(noticeText(stuck)).toBe(
      'The loss is stuck at 0.5: the output neuron is saturated. It answers 1 for every person, where its ' +
        'sigmoid is flat and passes back almost no gradient, so the steps no longer change its answer. ' +
        'Steps at learning rate 100 are big enough to push it there. Try a lower learning rate or Reset ' +
        'with another seed.',
    );
    expect(noticeText({ ...stuck, shape: { kind: 'saturated', loss: 0.5, answer: null } })).toContain(
      'It answers 0 or 1 for every person',
    );
    expect(noticeText({ ...stuck, learningRate: 0.5 })).not.toContain('Steps at learning rate');
  });

  it('oscillating: the range it swings over and that each step overshoots', () => {
    expect(noticeText({ ...stuck, shape: { kind: 'oscillating', low: 0.21, high: 0.48 } })).toBe(
      'The loss swings up and down between 0.21 and 0.48: each step overshoots the lowest point and lands ' +
        'on its other side. Try a lower learning rate or Reset with another seed.',
    );
  });

  it('a blow-up at a high rate says the steps moved the weights too far; at a small rate it does not', () => {
    const diverged: DivergedNotice = {
      ...{ kind: 'diverged', cause: 'loss-far-above-best', epoch: 10, loss: 2.47 },
      ...{ lastGoodEpoch: 0, lastGoodLoss: 0.73, learningRate: 10, momentum: 0, scaling: 'none' },
    };
    expect(noticeText(diverged)).toContain(
      'for 10 epochs. Each step at learning rate 10 moved the weights too far. The parameters are back',
    );
    expect(noticeText({ ...diverged, learningRate: 0.1 })).not.toContain('moved the weights too far');
  });
});

import { describe, expect, it } from 'vitest';
import { ARTICLE_ARCHITECTURE } from '../../src/core/architecture';
import { ARTICLE_PEOPLE } from '../../src/core/dataset';
import { initialParams } from '../../src/core/init';
import { MAX_LEARNING_RATE } from '../../src/core/learningRate';
import { trainerSaturation } from '../../src/core/saturation';
import { createTrainer, currentLoss, trainEpoch } from '../../src/core/trainer';
import { buildTrainingSet } from '../../src/core/trainingSet';
import { LossPatternWatch, STUCK_EPOCHS, SWING_EPOCHS } from '../../src/worker/lossPattern';
import { PLATEAU_MIN_EPOCHS, PlateauWatch } from '../../src/worker/plateau';

/** The shapes a watch reports while it reads `losses`, one per epoch. */
function shapesOf(losses: readonly number[]) {
  const watch = new LossPatternWatch();
  return losses.map((loss) => watch.observe(loss));
}

describe('LossPatternWatch reads what the loss does', () => {
  it('a loss that stands still is stuck after STUCK_EPOCHS epochs, not before, and said once', () => {
    const shapes = shapesOf(Array.from({ length: 3 * STUCK_EPOCHS }, () => 0.5));
    expect(shapes.filter((shape) => shape !== null)).toEqual([{ kind: 'stuck', loss: 0.5 }]);
    expect(shapes[STUCK_EPOCHS]).toEqual({ kind: 'stuck', loss: 0.5 });
  });

  it('a loss that falls slowly, or by 1e-7 a step, is never stuck', () => {
    const slow = Array.from({ length: 500 }, (_, i) => 0.3 * (1 - 1e-7) ** i);
    expect(shapesOf(slow).every((shape) => shape === null)).toBe(true);
  });

  it('a loss that rises and falls every epoch oscillates, with the range it swings over', () => {
    const losses = Array.from({ length: SWING_EPOCHS + 2 }, (_, i) => (i % 2 === 0 ? 0.2 : 0.4));
    const shapes = shapesOf(losses);
    expect(shapes.slice(0, SWING_EPOCHS).every((shape) => shape === null)).toBe(true);
    expect(shapes.at(-1)).toEqual({ kind: 'oscillating', low: 0.2, high: 0.4 });
  });

  it('small wiggles on a falling loss, or a single bounce, are no oscillation', () => {
    const wiggle = Array.from({ length: 200 }, (_, i) => 0.3 - i * 1e-4 + (i % 2) * 1e-3);
    expect(shapesOf(wiggle).every((shape) => shape === null)).toBe(true);
    const bounce = [0.5, 0.3, 0.6, 0.2, 0.1, 0.05, 0.02, 0.01, 0.005, 0.002, 0.001, 0.0005, 0.0002];
    expect(shapesOf(bounce).every((shape) => shape === null)).toBe(true);
  });

  it('a non-finite loss starts the count again', () => {
    const losses = [...Array.from({ length: STUCK_EPOCHS - 1 }, () => 0.5), Number.NaN, 0.5, 0.5];
    expect(shapesOf(losses).every((shape) => shape === null)).toBe(true);
  });
});

/** The lab's defaults (random weights, seed 42, the article's scaling, per sample) at `learningRate`. */
function articleRun(learningRate: number) {
  const trainer = createTrainer({
    params: initialParams('random', 42),
    set: buildTrainingSet(ARTICLE_PEOPLE, 'article'),
    sampleOrder: 'in-order',
    seed: 42,
    learningRate,
    architecture: ARTICLE_ARCHITECTURE,
  });
  const watch = new PlateauWatch();
  watch.saturation = () => trainerSaturation(trainer);
  watch.setLearningRate(learningRate);
  watch.restart(currentLoss(trainer), 0);
  return { trainer, watch };
}

describe('PlateauWatch says a stuck loss sooner only when it can say why', () => {
  const flat = (watch: PlateauWatch, epochs: number) => {
    watch.restart(0.3, 0);
    for (let epoch = 1; epoch <= epochs; epoch++) watch.observe(0.25, epoch);
  };

  it('with a saturated output: at once, with what the output answers', () => {
    const watch = new PlateauWatch();
    watch.saturation = () => ({ answer: 0 });
    flat(watch, STUCK_EPOCHS + 1);
    expect(watch.notice?.shape).toEqual({ kind: 'saturated', loss: 0.25, answer: 0 });
  });

  it('without one: only the plateau’s rule, after 200 epochs, and the network is looked at once', () => {
    const watch = new PlateauWatch();
    let looks = 0;
    watch.saturation = () => {
      looks++;
      return null;
    };
    flat(watch, PLATEAU_MIN_EPOCHS); // 0.25 is the best from epoch 1 on
    expect(watch.notice).toBeNull();
    expect(looks).toBe(1);
    watch.observe(0.25, PLATEAU_MIN_EPOCHS + 1);
    expect(watch.notice).toMatchObject({ kind: 'plateau', best: 0.25 });
    expect(watch.notice?.shape).toBeUndefined();
  });

  it('a swinging loss: at once, with its range', () => {
    const watch = new PlateauWatch();
    watch.restart(0.3, 0);
    for (let epoch = 1; epoch <= SWING_EPOCHS + 2; epoch++) watch.observe(epoch % 2 ? 0.4 : 0.3, epoch);
    expect(watch.notice?.shape).toEqual({ kind: 'oscillating', low: 0.3, high: 0.4 });
  });
});

describe('the article’s people at the top of the Learning rate slider', () => {
  it('are said to be stuck with a saturated output within a few dozen epochs, not after a plateau’s 200', () => {
    const { trainer, watch } = articleRun(MAX_LEARNING_RATE);
    const start = currentLoss(trainer);
    let epoch = 0;
    while (watch.notice === null && epoch < PLATEAU_MIN_EPOCHS) watch.observe(trainEpoch(trainer), ++epoch);
    expect(epoch).toBeLessThanOrEqual(STUCK_EPOCHS + 5);
    // Worse than where it started: the rate made the network answer the same for everyone.
    expect(currentLoss(trainer)).toBeGreaterThan(start);
    expect(watch.notice).toMatchObject({
      kind: 'plateau',
      learningRate: MAX_LEARNING_RATE,
      shape: { kind: 'saturated', loss: 0.5, answer: 1 },
    });
  });

  it('at the default rate 0.1 the same run says nothing of the kind for 2,000 epochs', () => {
    const { trainer, watch } = articleRun(0.1);
    for (let epoch = 1; epoch <= 2000; epoch++) {
      watch.observe(trainEpoch(trainer), epoch);
      expect(watch.notice?.shape).toBeUndefined();
    }
  });
});

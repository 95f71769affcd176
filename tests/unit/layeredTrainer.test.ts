import { describe, expect, it } from 'vitest';
import { ARTICLE_ARCHITECTURE, type Architecture, type UpdateMode } from '../../src/core/architecture';
import { ARTICLE_PEOPLE } from '../../src/core/dataset';
import { initialParams } from '../../src/core/init';
import { withHiddenSizes } from '../../src/core/layerShape';
import { createTrainer, currentLoss, trainEpoch, trainSample } from '../../src/core/trainer';
import { buildTrainingSet } from '../../src/core/trainingSet';

const SIZES = [3, 4, 2];

function deepTrainer(update: UpdateMode, momentum = 0) {
  const architecture: Architecture = withHiddenSizes(
    { ...ARTICLE_ARCHITECTURE, activation: 'tanh', update, batchSize: 2, momentum },
    SIZES,
  );
  return createTrainer({
    params: initialParams('xavier', 42, SIZES, 2),
    set: buildTrainingSet(ARTICLE_PEOPLE, 'article'),
    sampleOrder: 'shuffled',
    seed: 42,
    learningRate: 0.1,
    architecture,
  });
}

describe('a trainer of three hidden layers', () => {
  it.each<[UpdateMode, number]>([
    ['sample', 0],
    ['mini-batch', 0.9],
    ['full-batch', 0],
  ])('learns the article’s people (%s updates, momentum %s)', (update, momentum) => {
    const trainer = deepTrainer(update, momentum);
    const before = currentLoss(trainer);
    for (let epoch = 0; epoch < 300; epoch++) trainEpoch(trainer);
    expect(trainer.params).toHaveLength(3 * 2 + 4 * 3 + 2 * 4 + 2 + 3 + 4 + 2 + 1);
    expect(currentLoss(trainer)).toBeLessThan(before / 4);
    expect(trainer.accuracy).toBe(1);
  });

  it('works out the last sample’s trace, left pending by a batch, as the sample-by-sample trainer does', () => {
    const batched = deepTrainer('mini-batch');
    const stepped = deepTrainer('mini-batch');
    trainEpoch(batched);
    for (let s = 0; s < ARTICLE_PEOPLE.length; s++) trainSample(stepped);
    expect(batched.lastSample).toBe(stepped.lastSample);
    expect(Array.from(batched.params)).toEqual(Array.from(stepped.params));
    expect(Array.from(batched.grad)).toEqual(Array.from(stepped.grad));
    expect(Array.from(batched.factors)).toEqual(Array.from(stepped.factors));
    expect(batched.factors).toHaveLength(2 * (3 + 4 + 2) + 2);
  });
});

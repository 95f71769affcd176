import { describe, expect, it } from 'vitest';
import { ARTICLE_PEOPLE } from '../../src/core/dataset';
import { initialParams } from '../../src/core/init';
import { createRng, nextNormal, nextUniform } from '../../src/core/rng';
import { createTrainer, trainEpoch, type SampleOrder } from '../../src/core/trainer';
import { buildTrainingSet } from '../../src/core/trainingSet';

function run(seed: number, sampleOrder: SampleOrder, epochs: number): number[] {
  const trainer = createTrainer({
    params: initialParams('random', seed),
    set: buildTrainingSet(ARTICLE_PEOPLE, 'article'),
    sampleOrder,
    seed,
    learningRate: 0.1,
  });
  const losses: number[] = [];
  for (let i = 0; i < epochs; i++) losses.push(trainEpoch(trainer));
  return [...losses, ...trainer.params];
}

describe('seeded runs', () => {
  it('the same seed and settings give the same run, bit for bit', () => {
    expect(run(42, 'shuffled', 300)).toEqual(run(42, 'shuffled', 300));
    expect(run(42, 'in-order', 300)).toEqual(run(42, 'in-order', 300));
  });

  it('another seed gives another start and shuffling changes the run', () => {
    expect(Array.from(initialParams('random', 1))).not.toEqual(Array.from(initialParams('random', 2)));
    expect(run(42, 'shuffled', 50)).not.toEqual(run(42, 'in-order', 50));
  });

  it('uniform draws lie in [0, 1) and normal draws have mean ≈ 0 and variance ≈ 1', () => {
    const rng = createRng(123);
    let sum = 0;
    let squares = 0;
    let outside = 0;
    const n = 100_000;
    for (let i = 0; i < n; i++) {
      const u = nextUniform(rng);
      if (!(u >= 0 && u < 1)) outside += 1;
      const z = nextNormal(rng);
      sum += z;
      squares += z * z;
    }
    expect(outside).toBe(0);
    expect(Math.abs(sum / n)).toBeLessThan(0.02);
    expect(Math.abs(squares / n - 1)).toBeLessThan(0.02);
  });

  it('each shuffled epoch visits every sample once, in orders that change between epochs', () => {
    const trainer = createTrainer({
      params: initialParams('random', 3),
      set: buildTrainingSet(ARTICLE_PEOPLE, 'article'),
      sampleOrder: 'shuffled',
      seed: 3,
      learningRate: 0.1,
    });
    const orders = new Set<string>();
    for (let epoch = 0; epoch < 20; epoch++) {
      trainEpoch(trainer);
      expect(Array.from(trainer.order).sort()).toEqual([0, 1, 2, 3]);
      orders.add(Array.from(trainer.order).join());
    }
    expect(orders.size).toBeGreaterThan(5);
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ARTICLE_ARCHITECTURE, type Architecture } from '../../src/core/architecture';
import { ARTICLE_PEOPLE } from '../../src/core/dataset';
import { FEATURES, orderedFeatures } from '../../src/core/features';
import { initialParams } from '../../src/core/init';
import { withHiddenSizes } from '../../src/core/layerShape';
import { takesLayeredSgd } from '../../src/core/layeredSgd';
import { createTrainer, trainEpoch, trainSample } from '../../src/core/trainer';
import { buildTrainingSet } from '../../src/core/trainingSet';

const layeredShape = fc.record({
  sizes: fc.array(fc.integer({ min: 1, max: 8 }), { minLength: 2, maxLength: 4 }),
  activation: fc.constantFrom('sigmoid' as const, 'tanh' as const, 'relu' as const),
  loss: fc.constantFrom('mse' as const, 'bce' as const),
  output: fc.constantFrom('sigmoid' as const, 'linear' as const),
  features: fc.subarray([...FEATURES], { minLength: 1 }).map(orderedFeatures),
  order: fc.constantFrom('in-order' as const, 'shuffled' as const),
  seed: fc.integer({ min: 0, max: 1000 }),
});

function trainerFor(
  architecture: Architecture,
  sizes: readonly number[],
  order: 'in-order' | 'shuffled',
  seed = 7,
) {
  return createTrainer({
    params: initialParams('xavier', seed, sizes, architecture.features.length),
    set: buildTrainingSet(ARTICLE_PEOPLE, 'article'),
    sampleOrder: order,
    seed,
    learningRate: 0.3,
    architecture,
  });
}

describe('trainEpoch of a deeper network by plain per-sample SGD (the fused loop)', () => {
  it('takes the fused loop only for plain SGD, one step per sample, with no penalty', () => {
    const deep = withHiddenSizes<Architecture>({ ...ARTICLE_ARCHITECTURE, activation: 'tanh' }, [3, 2]);
    expect(takesLayeredSgd(trainerFor(deep, [3, 2], 'in-order'))).toBe(true);
    const notFused: Architecture[] = [
      { ...deep, momentum: 0.9 },
      { ...deep, update: 'mini-batch', batchSize: 2 },
      { ...deep, regularization: 'l2', regularizationRate: 0.01 },
      { ...deep, optimizer: { kind: 'adam', beta1: 0.9, beta2: 0.999, alpha: 0.99, epsilon: 1e-8 } },
      withHiddenSizes(deep, [3]),
    ];
    for (const net of notFused) {
      expect(takesLayeredSgd(trainerFor(net, net.hiddenLayers ?? [net.hidden], 'in-order'))).toBe(false);
    }
  });

  it('ends bit-equal with sample-by-sample training, with the last sample’s forward values, factors and gradient', () => {
    fc.assert(
      fc.property(layeredShape, ({ sizes, activation, loss, output, features, order, seed }) => {
        const architecture = withHiddenSizes(
          { ...ARTICLE_ARCHITECTURE, activation, loss: output === 'linear' ? 'mse' : loss, output, features },
          sizes,
        );
        const fused = trainerFor(architecture, sizes, order, seed);
        const stepped = trainerFor(architecture, sizes, order, seed);
        expect(takesLayeredSgd(fused)).toBe(true);
        for (let epoch = 0; epoch < 3; epoch++) trainEpoch(fused);
        for (let s = 0; s < 3 * ARTICLE_PEOPLE.length; s++) trainSample(stepped);
        expect(fused.epoch).toBe(stepped.epoch);
        expect(fused.lastSample).toBe(stepped.lastSample);
        expect(Array.from(fused.params)).toEqual(Array.from(stepped.params));
        expect(Array.from(fused.forward)).toEqual(Array.from(stepped.forward));
        expect(Array.from(fused.grad)).toEqual(Array.from(stepped.grad));
        expect(Array.from(fused.factors)).toEqual(Array.from(stepped.factors));
      }),
      { numRuns: 120 },
    );
  });

  it('finishes an epoch begun sample by sample', () => {
    const architecture = withHiddenSizes<Architecture>(
      { ...ARTICLE_ARCHITECTURE, activation: 'relu' },
      [4, 3, 2],
    );
    const fused = trainerFor(architecture, [4, 3, 2], 'shuffled');
    const stepped = trainerFor(architecture, [4, 3, 2], 'shuffled');
    trainSample(fused);
    trainSample(stepped);
    trainEpoch(fused);
    while (!trainSample(stepped)) {
      // the rest of the epoch
    }
    expect(fused.cursor).toBe(0);
    expect(Array.from(fused.params)).toEqual(Array.from(stepped.params));
    expect(Array.from(fused.grad)).toEqual(Array.from(stepped.grad));
  });

  it('makes no typed arrays while it trains', () => {
    const architecture = withHiddenSizes(ARTICLE_ARCHITECTURE, [8, 8]);
    const trainer = trainerFor(architecture, [8, 8], 'shuffled');
    trainEpoch(trainer);
    const Original = globalThis.Float64Array;
    let made = 0;
    globalThis.Float64Array = new Proxy(Original, {
      construct(target, args: unknown[]) {
        made += 1;
        return Reflect.construct(target, args) as object;
      },
    });
    try {
      for (let epoch = 0; epoch < 20; epoch++) trainEpoch(trainer);
    } finally {
      globalThis.Float64Array = Original;
    }
    expect(made).toBe(0);
  });
});

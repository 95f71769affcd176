import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ARTICLE_ARCHITECTURE, type Architecture } from '../../src/core/architecture';
import { FEATURES, orderedFeatures } from '../../src/core/features';
import { initialParams } from '../../src/core/init';
import {
  layerPlan,
  networkFactorCount,
  networkForwardSize,
  networkParamCount,
} from '../../src/core/layerShape';
import { netAddGradient, netBackwardInto } from '../../src/core/netBackward';
import { netForwardInto } from '../../src/core/netForward';
import { layeredBackwardInto, layeredForwardInto } from '../../src/core/netLayered';
import { applySgdStep } from '../../src/core/sgd';
import { createTrainer, trainEpoch } from '../../src/core/trainer';
import { ARTICLE_PEOPLE } from '../../src/core/dataset';
import { buildTrainingSet } from '../../src/core/trainingSet';

const finite = (limit: number) =>
  fc.double({ min: -limit, max: limit, noNaN: true, noDefaultInfinity: true });

const oneLayerShape = fc.record({
  hidden: fc.integer({ min: 1, max: 8 }),
  activation: fc.constantFrom('sigmoid' as const, 'tanh' as const, 'relu' as const),
  loss: fc.constantFrom('mse' as const, 'bce' as const),
  output: fc.constantFrom('sigmoid' as const, 'linear' as const),
  features: fc.subarray([...FEATURES], { minLength: 1 }).map(orderedFeatures),
});

/**
 * Where two vectors hold different numbers. Equal as numbers, not as bit patterns of zero: the 1-layer
 * feature-input code adds each gradient onto a 0, which turns a -0 into 0 (the same step either way).
 */
function differingIndices(a: Float64Array, b: Float64Array): number[] {
  const differ: number[] = [];
  for (let i = 0; i < a.length; i++) {
    if (!(a[i] === b[i] || (Number.isNaN(a[i]) && Number.isNaN(b[i])))) differ.push(i);
  }
  return differ;
}

describe('the layered engine on one hidden layer is the 1-layer code, bit for bit', () => {
  it('gives the same forward values, gradient and batch sum for any 1-layer network', () => {
    fc.assert(
      fc.property(
        oneLayerShape,
        fc.array(finite(4), { minLength: 81, maxLength: 81 }),
        finite(3),
        finite(3),
        fc.constantFrom(0, 1, 0.25),
        (net, draws, x1, x2, y) => {
          const plan = layerPlan([net.hidden], net.features.length);
          const params = Float64Array.from(draws.slice(0, networkParamCount(net)));
          const size = networkForwardSize(net);
          const oldForward = new Float64Array(size);
          const newForward = new Float64Array(size);
          netForwardInto(net, params, x1, x2, oldForward);
          layeredForwardInto(plan, net, params, x1, x2, newForward);
          expect(newForward).toEqual(oldForward);

          const oldGrad = new Float64Array(params.length);
          const newGrad = new Float64Array(params.length);
          netBackwardInto(
            net,
            params,
            x1,
            x2,
            y,
            oldForward,
            new Float64Array(networkFactorCount(net)),
            oldGrad,
          );
          layeredBackwardInto(plan, net, params, x1, x2, y, newForward, null, newGrad, false);
          expect(differingIndices(newGrad, oldGrad)).toEqual([]);

          const oldSum = Float64Array.from(draws.slice(0, params.length), (d) => d / 8);
          const newSum = Float64Array.from(oldSum);
          netAddGradient(net, params, x1, x2, y, oldForward, oldSum);
          layeredBackwardInto(plan, net, params, x1, x2, y, newForward, null, newSum, true);
          expect(differingIndices(newSum, oldSum)).toEqual([]);
        },
      ),
      { numRuns: 300 },
    );
  });
});

/** The article's per-sample SGD, run by hand on the layered engine. */
function trainLayered(net: Architecture, params: Float64Array, epochs: number): Float64Array {
  const set = buildTrainingSet(ARTICLE_PEOPLE, 'article');
  const plan = layerPlan([net.hidden], 2);
  const forward = new Float64Array(networkForwardSize(net));
  const grad = new Float64Array(params.length);
  for (let epoch = 0; epoch < epochs; epoch++) {
    for (let s = 0; s < set.count; s++) {
      const x1 = set.inputs[2 * s]!;
      const x2 = set.inputs[2 * s + 1]!;
      layeredForwardInto(plan, net, params, x1, x2, forward);
      layeredBackwardInto(plan, net, params, x1, x2, set.targets[s]!, forward, null, grad, false);
      applySgdStep(params, grad, 0.1);
    }
  }
  return params;
}

describe("the layered engine on the article's 2-2-1", () => {
  it("trains to the article path's weights, bit for bit, after 1,000 epochs", () => {
    const start = initialParams('random', 42);
    const trainer = createTrainer({
      params: start,
      set: buildTrainingSet(ARTICLE_PEOPLE, 'article'),
      sampleOrder: 'in-order',
      seed: 42,
      learningRate: 0.1,
    });
    expect(trainer.articlePath).toBe(true);
    for (let epoch = 0; epoch < 1000; epoch++) trainEpoch(trainer);
    const layered = trainLayered(ARTICLE_ARCHITECTURE, Float64Array.from(start), 1000);
    expect(Array.from(layered)).toEqual(Array.from(trainer.params));
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { paramCount, type HiddenActivation } from '../../src/core/architecture';
import { outputSlot } from '../../src/core/bufferLayout';
import type { Feature } from '../../src/core/features';
import { netTraceSample } from '../../src/core/netBackward';
import { netForwardPass, type NetworkShape } from '../../src/core/netForward';
import { sampleLossFromSum } from '../../src/core/netLoss';

/*
 * Feature inputs (x1², sin x2, …) and a numeric target's linear output meet in one network: the featured
 * forward and backward pass (netFeatured.ts) must take the linear output as the two-input code does.
 */
const finite = (limit: number) =>
  fc.double({ min: -limit, max: limit, noNaN: true, noDefaultInfinity: true });
const FEATURE_SETS: readonly (readonly Feature[])[] = [
  ['x1', 'x1Squared', 'x1TimesX2', 'sinX2'],
  ['x2Squared', 'sinX1'],
];
const ACTIVATIONS: readonly HiddenActivation[] = ['sigmoid', 'tanh'];

describe('feature inputs with a linear output', () => {
  it('outputs the sum itself (ŷ = z), not a sigmoid of it', () => {
    const net: NetworkShape = {
      hidden: 2,
      activation: 'tanh',
      loss: 'mse',
      output: 'linear',
      features: FEATURE_SETS[0],
    };
    const params = new Float64Array(paramCount(2, 4)).fill(3);
    const forward = netForwardPass(net, params, 1.5, -2);
    expect(forward[outputSlot(2)]).toBe(forward[2 * 2]);
    expect(Math.abs(forward[outputSlot(2)]!)).toBeGreaterThan(1);
  });

  it.each(
    FEATURE_SETS.flatMap((features) => ACTIVATIONS.map((activation) => [features, activation] as const)),
  )('%j %s: every partial derivative matches a central difference', (features, activation) => {
    const hidden = 3;
    const net: NetworkShape = { hidden, activation, loss: 'mse', output: 'linear', features };
    const count = paramCount(hidden, features.length);
    const loss = (params: Float64Array, x1: number, x2: number, y: number) => {
      const forward = netForwardPass(net, params, x1, x2);
      return sampleLossFromSum('mse', y, forward[2 * hidden]!, forward[outputSlot(hidden)]!);
    };
    fc.assert(
      fc.property(
        fc.array(finite(1.5), { minLength: count, maxLength: count }),
        finite(2),
        finite(2),
        finite(5),
        (values, x1, x2, y) => {
          const params = Float64Array.from(values);
          const { grad } = netTraceSample(net, params, x1, x2, y);
          const h = 1e-6;
          for (let i = 0; i < count; i++) {
            const plus = Float64Array.from(params);
            const minus = Float64Array.from(params);
            plus[i] = plus[i]! + h;
            minus[i] = minus[i]! - h;
            const numeric = (loss(plus, x1, x2, y) - loss(minus, x1, x2, y)) / (2 * h);
            expect(Math.abs(grad[i]! - numeric)).toBeLessThan(1e-6 + 1e-5 * Math.abs(numeric));
          }
        },
      ),
      { numRuns: 40 },
    );
  });
});

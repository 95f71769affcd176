import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { traceSample } from '../../src/core/backward';
import { squaredError } from '../../src/core/loss';
import { predict } from '../../src/core/forward';
import { PARAM_COUNT, createParams } from '../../src/core/network';
import { applySgdStep } from '../../src/core/sgd';

const finite = (limit: number) =>
  fc.double({ min: -limit, max: limit, noNaN: true, noDefaultInfinity: true });

/** The loss of one sample as a function of the parameters: what backprop differentiates. */
function sampleLoss(params: Float64Array, x1: number, x2: number, y: number): number {
  return squaredError(y, predict(params, x1, x2));
}

describe('backpropagation agrees with finite differences', () => {
  it('every partial derivative matches a central difference at random points', () => {
    fc.assert(
      fc.property(
        fc.array(finite(3), { minLength: PARAM_COUNT, maxLength: PARAM_COUNT }),
        finite(3),
        finite(3),
        fc.constantFrom(0, 1),
        (values, x1, x2, y) => {
          const params = createParams(values);
          const { grad } = traceSample(params, x1, x2, y);
          const h = 1e-6;
          for (let i = 0; i < PARAM_COUNT; i++) {
            const plus = createParams(params);
            const minus = createParams(params);
            plus[i] = plus[i]! + h;
            minus[i] = minus[i]! - h;
            const numeric = (sampleLoss(plus, x1, x2, y) - sampleLoss(minus, x1, x2, y)) / (2 * h);
            expect(Math.abs(grad[i]! - numeric)).toBeLessThan(1e-7 + 1e-5 * Math.abs(numeric));
          }
        },
      ),
      { numRuns: 300, seed: 20261128 },
    );
  });

  it('a small step against the gradient lowers that sample’s loss', () => {
    fc.assert(
      fc.property(
        fc.array(finite(2), { minLength: PARAM_COUNT, maxLength: PARAM_COUNT }),
        finite(2),
        finite(2),
        fc.constantFrom(0, 1),
        (values, x1, x2, y) => {
          const params = createParams(values);
          const { grad } = traceSample(params, x1, x2, y);
          const size = grad.reduce((sum, g) => sum + g * g, 0);
          fc.pre(size > 1e-10);
          const before = sampleLoss(params, x1, x2, y);
          applySgdStep(params, grad, 1e-3);
          expect(sampleLoss(params, x1, x2, y)).toBeLessThan(before);
        },
      ),
      { numRuns: 200, seed: 7 },
    );
  });
});

describe('applySgdStep', () => {
  it('moves each parameter by -rate × gradient', () => {
    const params = createParams([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    applySgdStep(params, Float64Array.from([1, -1, 0.5, 0, 2, -2, 10, 0, -0.25]), 0.1);
    expect(Array.from(params)).toEqual([
      1 - 0.1,
      2 + 0.1,
      3 - 0.05,
      4,
      5 - 0.2,
      6 + 0.2,
      7 - 1,
      8,
      9 + 0.025,
    ]);
  });
});

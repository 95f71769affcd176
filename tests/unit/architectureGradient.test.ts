import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sigmoid } from '../../src/core/activation';
import { paramCount, type HiddenActivation, type LossKind } from '../../src/core/architecture';
import { traceSample } from '../../src/core/backward';
import {
  factorCount,
  factorNames,
  forwardSize,
  hiddenByBiasSlot,
  hiddenByWeightSlot,
  outputByBiasSlot,
  outputByHiddenSlot,
  outputByWeightSlot,
  outputSlot,
} from '../../src/core/bufferLayout';
import { FACTOR_COUNT, FACTOR_NAMES } from '../../src/core/backward';
import { FORWARD_SIZE } from '../../src/core/forward';
import { netTraceSample } from '../../src/core/netBackward';
import { netForwardPass, netPredict, type NetworkShape } from '../../src/core/netForward';
import { crossEntropyFromSum, sampleLossFromSum } from '../../src/core/netLoss';

const HIDDEN_COUNTS = [1, 2, 3, 8] as const;
const ACTIVATIONS: readonly HiddenActivation[] = ['sigmoid', 'tanh', 'relu'];
const LOSSES: readonly LossKind[] = ['mse', 'bce'];
const COMBINATIONS = HIDDEN_COUNTS.flatMap((hidden) =>
  ACTIVATIONS.flatMap((activation) => LOSSES.map((loss): NetworkShape => ({ hidden, activation, loss }))),
);

const finite = (limit: number) =>
  fc.double({ min: -limit, max: limit, noNaN: true, noDefaultInfinity: true });

/** The loss of one sample as a function of the parameters: what backprop differentiates. */
function sampleLoss(net: NetworkShape, params: Float64Array, x1: number, x2: number, y: number): number {
  const forward = netForwardPass(net, params, x1, x2);
  return sampleLossFromSum(net.loss, y, forward[2 * net.hidden]!, forward[outputSlot(net.hidden)]!);
}

/**
 * ReLU has a kink where a hidden sum is 0, and a finite difference straddling it means nothing: a hidden
 * neuron whose sum lies within 1e-4 of 0 gets its bias moved 0.01 away (the random draws hit exact zeros
 * often, so skipping those points would skip most of them).
 */
function awayFromKinks(net: NetworkShape, params: Float64Array, x1: number, x2: number): Float64Array {
  if (net.activation !== 'relu') return params;
  const forward = netForwardPass(net, params, x1, x2);
  for (let j = 0; j < net.hidden; j++) {
    const sum = forward[2 * j]!;
    if (Math.abs(sum) < 1e-4)
      params[3 * net.hidden + j] = params[3 * net.hidden + j]! + (sum < 0 ? -0.01 : 0.01);
  }
  return params;
}

describe('backpropagation agrees with finite differences for every architecture', () => {
  it.each(COMBINATIONS.map((net) => [`${net.hidden} ${net.activation} ${net.loss}`, net] as const))(
    '%s: every partial derivative matches a central difference',
    (_, net) => {
      const count = paramCount(net.hidden);
      fc.assert(
        fc.property(
          fc.array(finite(2), { minLength: count, maxLength: count }),
          finite(3),
          finite(3),
          fc.constantFrom(0, 1),
          (values, x1, x2, y) => {
            const params = awayFromKinks(net, Float64Array.from(values), x1, x2);
            const { grad } = netTraceSample(net, params, x1, x2, y);
            const h = 1e-6;
            for (let i = 0; i < count; i++) {
              const plus = Float64Array.from(params);
              const minus = Float64Array.from(params);
              plus[i] = plus[i]! + h;
              minus[i] = minus[i]! - h;
              const numeric =
                (sampleLoss(net, plus, x1, x2, y) - sampleLoss(net, minus, x1, x2, y)) / (2 * h);
              expect(Math.abs(grad[i]! - numeric)).toBeLessThan(1e-7 + 1e-5 * Math.abs(numeric));
            }
          },
        ),
        { numRuns: 120, seed: 20260707 + net.hidden },
      );
    },
  );

  it.each(COMBINATIONS.map((net) => [`${net.hidden} ${net.activation} ${net.loss}`, net] as const))(
    '%s: the chain-rule factors multiply to the gradient (what the Math view shows)',
    (_, net) => {
      const { hidden } = net;
      fc.assert(
        fc.property(
          fc.array(finite(2), { minLength: paramCount(hidden), maxLength: paramCount(hidden) }),
          finite(3),
          finite(3),
          fc.constantFrom(0, 1),
          (values, x1, x2, y) => {
            const params = Float64Array.from(values);
            const { forward, factors, grad } = netTraceSample(net, params, x1, x2, y);
            const p = forward[outputSlot(hidden)]!;
            fc.pre(p > 1e-9 && p < 1 - 1e-9); // dL/dypred of cross-entropy is huge at the ends
            const close = (a: number, b: number) =>
              expect(Math.abs(a - b)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(b)));
            const dL = factors[0]!;
            close(dL * factors[outputByBiasSlot(hidden)]!, grad[4 * hidden]!);
            for (let j = 0; j < hidden; j++) {
              close(dL * factors[outputByWeightSlot(hidden, j)]!, grad[2 * hidden + j]!);
              const toHidden = dL * factors[outputByHiddenSlot(j)]!;
              close(toHidden * factors[hiddenByWeightSlot(hidden, j, 0)]!, grad[2 * j]!);
              close(toHidden * factors[hiddenByWeightSlot(hidden, j, 1)]!, grad[2 * j + 1]!);
              close(toHidden * factors[hiddenByBiasSlot(hidden, j)]!, grad[3 * hidden + j]!);
            }
          },
        ),
        { numRuns: 60, seed: 11 + hidden },
      );
    },
  );
});

describe('the article’s shape on the generic code', () => {
  const article: NetworkShape = { hidden: 2, activation: 'sigmoid', loss: 'mse' };

  it('the layouts extend the 2-2-1 slots and names', () => {
    expect(forwardSize(2)).toBe(FORWARD_SIZE);
    expect(factorCount(2)).toBe(FACTOR_COUNT);
    expect(factorNames(2)).toEqual([...FACTOR_NAMES]);
    expect(factorNames(3)).toEqual([
      'dL/dypred',
      'dypred/dh1',
      'dypred/dh2',
      'dypred/dh3',
      'dypred/dw7',
      'dypred/dw8',
      'dypred/dw9',
      'dypred/db4',
      'dh1/dw1',
      'dh1/dw2',
      'dh1/db1',
      'dh2/dw3',
      'dh2/dw4',
      'dh2/db2',
      'dh3/dw5',
      'dh3/dw6',
      'dh3/db3',
    ]);
  });

  it('forward values, factors, gradient and prediction are bit-equal to the 2-2-1 code', () => {
    fc.assert(
      fc.property(
        fc.array(finite(5), { minLength: 9, maxLength: 9 }),
        finite(30),
        finite(30),
        fc.constantFrom(0, 1),
        (values, x1, x2, y) => {
          const params = Float64Array.from(values);
          const generic = netTraceSample(article, params, x1, x2, y);
          const specialized = traceSample(params, x1, x2, y);
          expect(generic.forward).toEqual(specialized.forward);
          expect(generic.factors).toEqual(specialized.factors);
          expect(generic.grad).toEqual(specialized.grad);
          expect(netPredict(article, params, x1, x2)).toBe(specialized.forward[5]);
        },
      ),
      { numRuns: 300, seed: 5 },
    );
  });
});

describe('binary cross-entropy at the extremes', () => {
  it('the loss stays finite and exact however confident the network is', () => {
    expect(crossEntropyFromSum(1, 800)).toBe(0);
    expect(crossEntropyFromSum(0, 800)).toBe(800);
    expect(crossEntropyFromSum(1, -800)).toBe(800);
    expect(crossEntropyFromSum(1, 0)).toBeCloseTo(Math.LN2, 15);
    // the textbook form where it is safe to use
    const z = 1.3;
    const p = sigmoid(z);
    expect(crossEntropyFromSum(0, z)).toBeCloseTo(-Math.log(1 - p), 13);
    expect(crossEntropyFromSum(1, z)).toBeCloseTo(-Math.log(p), 13);
  });

  it('when ypred rounds to 1 the gradient is still p - y, while dL/dypred reads its true infinity', () => {
    const net: NetworkShape = { hidden: 1, activation: 'tanh', loss: 'bce' };
    const params = Float64Array.from([1, 0, 50, 0, 0]); // output sum ≈ 50 tanh(x1): p = 1 in float64
    const wrong = netTraceSample(net, params, 3, 0, 0);
    expect(wrong.forward[outputSlot(1)]).toBe(1);
    expect(wrong.factors[0]).toBe(Infinity);
    expect(wrong.grad[4]).toBe(1); // dL/dz = p - y
    expect(wrong.grad.every(Number.isFinite)).toBe(true);
    const right = netTraceSample(net, params, 3, 0, 1);
    expect(right.factors[0]).toBe(-1);
    expect(right.grad[4]).toBe(0);
  });
});

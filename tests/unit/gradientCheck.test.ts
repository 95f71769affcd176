import { describe, expect, it } from 'vitest';
import {
  ARTICLE_ARCHITECTURE,
  paramCount,
  type Architecture,
  type HiddenActivation,
  type LossKind,
} from '../../src/core/architecture';
import { networkOf, trace } from '../../src/core/engine';
import type { Feature } from '../../src/core/features';
import {
  SMOOTH_AGREEMENT,
  checkGradient,
  checkSampleGradient,
  gradientVerdict,
  hasKinks,
  relativeError,
  sampleStepGradient,
  sampleStepLoss,
} from '../../src/core/gradientCheck';
import { initialParams } from '../../src/core/init';
import { ARTICLE_SHIFT, IDENTITY_SCALING } from '../../src/core/scaling';

/** The article's Alice, scaled by its shift: 133 lb, 65 in, female. */
const ALICE = { x1: -2, x2: -1, target: 1 };
/** A few samples at the scale standardized inputs have. */
const SAMPLES = [
  { x1: -0.4, x2: -0.3, target: 1 },
  { x1: 1.2, x2: 0.8, target: 0 },
  { x1: 0.6, x2: -1.1, target: 0 },
  { x1: -1.5, x2: 0.2, target: 1 },
];

function netFor(shape: Partial<Architecture>, seed = 7) {
  const architecture = { ...ARTICLE_ARCHITECTURE, ...shape };
  const params = initialParams('random', seed, architecture.hidden, architecture.features.length);
  return networkOf(architecture, params, IDENTITY_SCALING);
}

describe('the gradient check', () => {
  it('agrees with the article network’s backprop to better than 1e-6 on every parameter', () => {
    const net = networkOf(ARTICLE_ARCHITECTURE, initialParams('random', 42), ARTICLE_SHIFT);
    const check = checkSampleGradient(net, ALICE);
    expect(check.params).toHaveLength(9);
    for (const param of check.params) {
      expect(param.relativeError).toBeLessThan(SMOOTH_AGREEMENT);
      expect(param.agrees).toBe(true);
    }
    expect(gradientVerdict(check, hasKinks(net))).toBe('agree');
  });

  it('finds a gradient that is deliberately wrong, and names it as the worst', () => {
    const net = netFor({ hidden: 3, activation: 'tanh' });
    const sample = SAMPLES[1]!;
    const wrong = sampleStepGradient(net, sample);
    wrong[4] = wrong[4]! * 1.01; // one weight's gradient off by 1 %
    const check = checkGradient(
      (params) => sampleStepLoss(net, sample, params),
      Float64Array.from(net.params),
      wrong,
    );
    expect(check.worst).toBe(4);
    expect(check.params[4]!.agrees).toBe(false);
    expect(check.params[4]!.relativeError).toBeCloseTo(0.01 / 1.01, 6);
    expect(check.params.filter((param) => !param.agrees)).toHaveLength(1);
    expect(gradientVerdict(check, false)).toBe('disagree');
  });

  it('finds a gradient with a dropped factor (the output sigmoid’s slope left out)', () => {
    const net = netFor({ hidden: 2 });
    const sample = SAMPLES[0]!;
    const { forward, grad } = trace(net, sample.x1, sample.x2, sample.target);
    const yPred = forward[5]!;
    const withoutSlope = Float64Array.from(grad, (g) => g / (yPred * (1 - yPred)));
    const check = checkGradient(
      (params) => sampleStepLoss(net, sample, params),
      Float64Array.from(net.params),
      withoutSlope,
    );
    expect(check.params.every((param) => !param.agrees)).toBe(true);
    expect(gradientVerdict(check, false)).toBe('disagree');
  });

  const shapes: { hidden: number; activation: HiddenActivation; loss: LossKind; features: Feature[] }[] = [];
  for (const hidden of [1, 2, 5, 8])
    for (const activation of ['sigmoid', 'tanh'] as const)
      for (const loss of ['mse', 'bce'] as const)
        for (const features of [
          ['x1', 'x2'],
          ['x1', 'x2', 'x1Squared', 'x1TimesX2', 'sinX2'],
        ] as Feature[][])
          shapes.push({ hidden, activation, loss, features });

  it.each(shapes)(
    'passes the engine’s backprop for $hidden $activation neurons, $loss, $features.length inputs',
    (shape) => {
      for (const seed of [1, 2, 3]) {
        const net = netFor(shape, seed);
        for (const sample of SAMPLES) {
          const check = checkSampleGradient(net, sample);
          expect(check.params).toHaveLength(paramCount(shape.hidden, shape.features.length));
          expect(gradientVerdict(check, hasKinks(net))).toBe('agree');
        }
      }
    },
  );

  it('includes the weight penalty: the data gradient alone disagrees on the weights, not the biases', () => {
    const net = netFor({ hidden: 2, regularization: 'l2', regularizationRate: 0.5 });
    const sample = SAMPLES[2]!;
    const withPenalty = checkSampleGradient(net, sample);
    expect(gradientVerdict(withPenalty, hasKinks(net))).toBe('agree');
    const dataOnly = checkGradient(
      (params) => sampleStepLoss(net, sample, params),
      Float64Array.from(net.params),
      trace(net, sample.x1, sample.x2, sample.target).grad,
    );
    const agreeing = dataOnly.params.map((param) => param.agrees);
    expect(agreeing).toEqual([false, false, false, false, false, false, true, true, true]);
  });

  it('passes ReLU away from its kink, and calls a kink within h a kink', () => {
    const net = netFor({ hidden: 2, activation: 'relu' });
    for (const sample of SAMPLES)
      expect(gradientVerdict(checkSampleGradient(net, sample), true)).not.toBe('disagree');
    // h1's sum w1·x1 + w2·x2 + b1 is exactly 0: the difference straddles ReLU's kink.
    const params = Float64Array.from([1, 1, 0.5, -0.5, 2, -1, -0.5, 0.25, 0.1]);
    const kinked = networkOf(net.architecture, params, IDENTITY_SCALING);
    const check = checkSampleGradient(kinked, { x1: 0.25, x2: 0.25, target: 1 });
    expect(check.params.some((param) => !param.agrees)).toBe(true);
    expect(hasKinks(kinked)).toBe(true);
    expect(gradientVerdict(check, hasKinks(kinked))).toBe('kink');
  });

  it('shows the step it took and leaves the network’s parameters as they were', () => {
    const net = netFor({ hidden: 3 });
    const before = Float64Array.from(net.params);
    const check = checkSampleGradient(net, SAMPLES[3]!);
    expect(net.params).toEqual(before);
    check.params.forEach((param, i) => {
      expect(param.step).toBeCloseTo(1e-5 * Math.max(1, Math.abs(before[i]!)), 12);
      expect(param.numeric).toBeCloseTo((param.lossPlus - param.lossMinus) / (2 * param.step), 12);
    });
    expect(check.loss).toBe(sampleStepLoss(net, SAMPLES[3]!, before));
  });

  it('measures the relative error against the larger gradient, and two zeros agree', () => {
    expect(relativeError(1, 1.5)).toBeCloseTo(1 / 3, 15);
    expect(relativeError(-2e-3, -2e-3)).toBe(0);
    expect(relativeError(0, 0)).toBe(0);
    expect(relativeError(0, 1e-9)).toBe(1);
  });
});

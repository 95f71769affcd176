import { describe, expect, it } from 'vitest';
import type { Architecture, HiddenActivation, LossKind, OutputActivation } from '../../src/core/architecture';
import { outputSlot } from '../../src/core/bufferLayout';
import type { Feature } from '../../src/core/features';
import {
  activationSlopeSlot,
  carriedSlopeSlot,
  networkFactorCount,
  networkParamCount,
  networkWeightCount,
  totalHidden,
  withHiddenSizes,
} from '../../src/core/layerShape';
import { netTraceSample } from '../../src/core/netBackward';
import { netForwardPass } from '../../src/core/netForward';
import { sampleLossFromSum } from '../../src/core/netLoss';
import { ARTICLE_ARCHITECTURE } from '../../src/core/architecture';
import { networkOf } from '../../src/core/engine';
import { checkSampleGradient } from '../../src/core/gradientCheck';
import { initialParams } from '../../src/core/init';
import { ARTICLE_SHIFT } from '../../src/core/scaling';
import { addPenaltyGradient, penaltyTotal, type Regularization } from '../../src/core/regularization';
import { createRng, nextNormal } from '../../src/core/rng';

type Shape = Pick<
  Architecture,
  | 'hidden'
  | 'hiddenLayers'
  | 'activation'
  | 'loss'
  | 'output'
  | 'features'
  | 'regularization'
  | 'regularizationRate'
>;

const SIZES: readonly (readonly number[])[] = [
  [1],
  [3],
  [2, 2],
  [1, 4],
  [8, 3, 5],
  [2, 3, 4, 1],
  [4, 4, 4, 4],
];
const ACTIVATIONS: readonly HiddenActivation[] = ['sigmoid', 'tanh', 'relu'];
const LOSSES: readonly LossKind[] = ['mse', 'bce'];
const OUTPUTS: readonly OutputActivation[] = ['sigmoid', 'linear'];
const PENALTIES: readonly Regularization[] = ['none', 'l1', 'l2'];
const FEATURE_SETS: readonly (readonly Feature[])[] = [
  ['x1', 'x2'],
  ['x1', 'x2', 'x1TimesX2', 'sinX1'],
];

const SHAPES: Shape[] = SIZES.flatMap((sizes) =>
  ACTIVATIONS.flatMap((activation) =>
    LOSSES.flatMap((loss) =>
      OUTPUTS.filter((output) => !(loss === 'bce' && output === 'linear')).flatMap((output) =>
        PENALTIES.map((regularization, p) =>
          withHiddenSizes(
            {
              hidden: sizes[0]!,
              activation,
              loss,
              output,
              features: FEATURE_SETS[p % 2]!,
              regularization,
              regularizationRate: 0.05,
            },
            sizes,
          ),
        ),
      ),
    ),
  ),
);

/** What one update descends: the sample's loss plus the weight penalty. */
function objective(net: Shape, params: Float64Array, x1: number, x2: number, y: number): number {
  const forward = netForwardPass(net, params, x1, x2);
  const out = outputSlot(totalHidden(net));
  const data = sampleLossFromSum(net.loss, y, forward[out - 1]!, forward[out]!);
  return data + penaltyTotal(net.regularization, net.regularizationRate, params, networkWeightCount(net));
}

/** Parameters with no ReLU sum (nor L1 weight) within reach of its kink, where a difference means nothing. */
function smoothParams(net: Shape, seed: number, x1: number, x2: number): Float64Array {
  const rng = createRng(seed);
  const params = Float64Array.from({ length: networkParamCount(net) }, () => 0.8 * nextNormal(rng));
  for (let i = 0; i < networkWeightCount(net); i++) {
    if (Math.abs(params[i]!) < 1e-3) params[i] = 0.1;
  }
  const forward = netForwardPass(net, params, x1, x2);
  for (let k = 0; k < totalHidden(net); k++) {
    if (Math.abs(forward[2 * k]!) < 1e-3) return smoothParams(net, seed + 1000, x1, x2);
  }
  return params;
}

const label = (net: Shape) =>
  `${(net.hiddenLayers ?? [net.hidden]).join('-')} ${net.activation} ${net.loss} ${net.output} ${net.regularization} ${net.features.length} inputs`;

describe('backpropagation through 1 to 4 hidden layers agrees with finite differences', () => {
  it.each(SHAPES.map((net) => [label(net), net] as const))('%s', (_, net) => {
    const x1 = 0.7;
    const x2 = -1.3;
    const y = net.output === 'linear' ? 2.5 : 1;
    for (const seed of [1, 2, 3]) {
      const params = smoothParams(net, seed, x1, x2);
      const grad = netTraceSample(net, params, x1, x2, y).grad;
      addPenaltyGradient(net.regularization, net.regularizationRate, params, grad, networkWeightCount(net));
      const h = 1e-6;
      for (let i = 0; i < params.length; i++) {
        const up = Float64Array.from(params);
        const down = Float64Array.from(params);
        up[i] = up[i]! + h;
        down[i] = down[i]! - h;
        const numeric = (objective(net, up, x1, x2, y) - objective(net, down, x1, x2, y)) / (2 * h);
        const scale = Math.max(1, Math.abs(numeric), Math.abs(grad[i]!));
        expect(Math.abs(grad[i]! - numeric) / scale, `parameter ${i}`).toBeLessThan(1e-6);
      }
    }
  });
});

describe('the layered factors', () => {
  it('carry dL/dh and the slope of every hidden neuron, whose product is dL/dz', () => {
    const net = withHiddenSizes(
      {
        hidden: 3,
        activation: 'tanh' as const,
        loss: 'mse' as const,
        output: 'sigmoid' as const,
        features: ['x1', 'x2'] as Feature[],
      },
      [3, 2],
    );
    const params = smoothParams({ ...net, regularization: 'none', regularizationRate: 0 }, 7, 0.4, 0.9);
    const { factors, grad } = netTraceSample(net, params, 0.4, 0.9, 0);
    expect(factors).toHaveLength(networkFactorCount(net));
    // A hidden neuron's bias gradient is its dL/dz: what it carries times its slope.
    const biasOfFirst = networkWeightCount(net);
    expect(grad[biasOfFirst]).toBe(factors[carriedSlopeSlot(0)]! * factors[activationSlopeSlot(0)]!);
    const biasOfLast = biasOfFirst + 4;
    expect(grad[biasOfLast]).toBe(factors[carriedSlopeSlot(4)]! * factors[activationSlopeSlot(4)]!);
  });
});

describe('the gradient check on a deeper network', () => {
  it('finds backprop right on three hidden layers with a weight penalty', () => {
    const architecture = withHiddenSizes(
      {
        ...ARTICLE_ARCHITECTURE,
        activation: 'tanh' as const,
        regularization: 'l2' as const,
        regularizationRate: 0.05,
      },
      [3, 4, 2],
    );
    const params = initialParams('xavier', 9, [3, 4, 2], 2);
    const check = checkSampleGradient(networkOf(architecture, params, ARTICLE_SHIFT), {
      x1: 0.3,
      x2: -0.8,
      target: 1,
    });
    expect(check.params).toHaveLength(params.length);
    expect(check.params.every((param) => param.agrees)).toBe(true);
    expect(check.params[check.worst]!.relativeError).toBeLessThan(1e-6);
  });
});

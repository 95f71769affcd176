import { describe, expect, it } from 'vitest';
import {
  ARTICLE_ARCHITECTURE,
  paramCount,
  weightCount,
  type Architecture,
  type HiddenActivation,
  type LossKind,
} from '../../src/core/architecture';
import { ARTICLE_PEOPLE } from '../../src/core/dataset';
import { featureValue, type Feature } from '../../src/core/features';
import { initialParams } from '../../src/core/init';
import { netTraceSample } from '../../src/core/netBackward';
import { netForwardPass } from '../../src/core/netForward';
import { sampleLossFromSum } from '../../src/core/netLoss';
import { addPenaltyGradient, penaltyTotal, type Regularization } from '../../src/core/regularization';
import { createRng, nextNormal } from '../../src/core/rng';
import { applySgdStep } from '../../src/core/sgd';
import { createTrainer, trainEpoch, type Trainer } from '../../src/core/trainer';
import { buildTrainingSet, type TrainingSet } from '../../src/core/trainingSet';

const ACTIVATIONS: readonly HiddenActivation[] = ['sigmoid', 'tanh', 'relu'];
const LOSSES: readonly LossKind[] = ['mse', 'bce'];
const PENALTIES: readonly Regularization[] = ['none', 'l1', 'l2'];
const FEATURE_SETS: readonly (readonly Feature[])[] = [
  ['x1', 'x2'],
  ['x1', 'x2', 'x1Squared', 'x1TimesX2'],
  ['x2Squared', 'sinX1', 'sinX2'],
];

const arch = (overrides: Partial<Architecture>): Architecture => ({ ...ARTICLE_ARCHITECTURE, ...overrides });

/** The network written out plainly, one array per layer: what the engine's buffers must agree with. */
function plainForward(net: Architecture, p: ArrayLike<number>, x1: number, x2: number) {
  const { hidden, features } = net;
  const inputs = features.map((f) => featureValue(f, x1, x2));
  const f = inputs.length;
  const act = (s: number) =>
    net.activation === 'sigmoid'
      ? 1 / (1 + Math.exp(-s))
      : net.activation === 'tanh'
        ? Math.tanh(s)
        : Math.max(0, s);
  const sums = Array.from(
    { length: hidden },
    (_, j) => inputs.reduce((sum, v, i) => sum + p[f * j + i]! * v, 0) + p[(f + 1) * hidden + j]!,
  );
  const hs = sums.map(act);
  const out = hs.reduce((sum, h, j) => sum + p[f * hidden + j]! * h, 0) + p[(f + 2) * hidden]!;
  return { inputs, sums, hs, out, pred: 1 / (1 + Math.exp(-out)) };
}

/** The gradient of one sample's data loss, by the chain rule written out plainly. */
function plainGradient(net: Architecture, p: ArrayLike<number>, x1: number, x2: number, y: number): number[] {
  const { hidden } = net;
  const { inputs, sums, hs, pred } = plainForward(net, p, x1, x2);
  const f = inputs.length;
  const dOut = net.loss === 'bce' ? pred - y : -2 * (y - pred) * pred * (1 - pred);
  const grad = new Array<number>(paramCount(hidden, f)).fill(0);
  for (let j = 0; j < hidden; j++) {
    const slope =
      net.activation === 'sigmoid'
        ? hs[j]! * (1 - hs[j]!)
        : net.activation === 'tanh'
          ? 1 - hs[j]! ** 2
          : sums[j]! > 0
            ? 1
            : 0;
    const dSum = dOut * p[f * hidden + j]! * slope;
    grad[f * hidden + j] = dOut * hs[j]!;
    inputs.forEach((v, i) => (grad[f * j + i] = dSum * v));
    grad[(f + 1) * hidden + j] = dSum;
  }
  grad[(f + 2) * hidden] = dOut;
  return grad;
}

/** Trains with the plain network above: per sample, mini-batch or full batch, momentum, penalty on weights. */
function plainTrain(
  net: Architecture,
  start: ArrayLike<number>,
  set: TrainingSet,
  epochs: number,
  rate: number,
) {
  const p = Array.from(start);
  const velocity = p.map(() => 0);
  const weights = weightCount(net.hidden, net.features.length);
  const batch = net.update === 'sample' ? 1 : net.update === 'full-batch' ? set.count : net.batchSize;
  const slope = (w: number) =>
    net.regularization === 'l2' ? w : net.regularization === 'l1' ? Math.sign(w) : 0;
  for (let e = 0; e < epochs; e++) {
    for (let first = 0; first < set.count; first += batch) {
      const samples = Array.from({ length: Math.min(batch, set.count - first) }, (_, k) => first + k);
      const sum = p.map(() => 0);
      for (const i of samples) {
        const g = plainGradient(net, p, set.inputs[2 * i]!, set.inputs[2 * i + 1]!, set.targets[i]!);
        g.forEach((v, k) => (sum[k]! += v));
      }
      const step = sum.map(
        (s, k) => s / samples.length + (k < weights ? net.regularizationRate * slope(p[k]!) : 0),
      );
      for (let k = 0; k < p.length; k++) {
        if (net.momentum === 0) p[k] = p[k]! - rate * step[k]!;
        else {
          velocity[k] = net.momentum * velocity[k]! - rate * step[k]!;
          p[k] = p[k]! + velocity[k]!;
        }
      }
    }
  }
  return p;
}

const articleSet = buildTrainingSet(ARTICLE_PEOPLE, 'article');

function trainerFor(net: Architecture, set: TrainingSet, seed = 7, rate = 0.1): Trainer {
  return createTrainer({
    params: initialParams('random', seed, net.hidden, net.features.length),
    set,
    sampleOrder: 'in-order',
    seed,
    learningRate: rate,
    architecture: net,
  });
}

describe('feature inputs and regularization in the engine', () => {
  it('trains as the plain network does, in every update mode, with and without momentum and a penalty', () => {
    const modes: Partial<Architecture>[] = [
      { update: 'sample' },
      { update: 'mini-batch', batchSize: 3 },
      { update: 'full-batch' },
      { update: 'mini-batch', batchSize: 2, momentum: 0.9 },
    ];
    for (const features of FEATURE_SETS) {
      for (const regularization of PENALTIES) {
        for (const mode of modes) {
          const net = arch({
            ...mode,
            hidden: 3,
            activation: 'tanh',
            features,
            regularization,
            regularizationRate: 0.05,
          });
          const t = trainerFor(net, articleSet);
          const start = Array.from(t.params);
          for (let e = 0; e < 5; e++) trainEpoch(t);
          const expected = plainTrain(net, start, articleSet, 5, 0.1);
          const gap = Math.max(...Array.from(t.params, (v, k) => Math.abs(v - expected[k]!)));
          expect(gap).toBeLessThan(1e-12);
        }
      }
    }
  });

  it('gives each feature set a parameter vector of (F + 2)H + 1, the weights first', () => {
    const net = arch({ hidden: 3, features: ['x1', 'x2', 'x1Squared', 'x1TimesX2'] });
    expect(trainerFor(net, articleSet).params).toHaveLength(paramCount(3, 4));
    expect(paramCount(3, 4)).toBe(19);
    expect(weightCount(3, 4)).toBe(15);
  });

  it('every partial derivative (data loss plus penalty) matches a central difference', () => {
    const rng = createRng(11);
    for (const features of FEATURE_SETS) {
      for (const activation of ACTIVATIONS) {
        for (const loss of LOSSES) {
          for (const regularization of PENALTIES) {
            const net = arch({
              hidden: 2,
              activation,
              loss,
              features,
              regularization,
              regularizationRate: 0.3,
            });
            const count = paramCount(2, features.length);
            const weights = weightCount(2, features.length);
            // L1 has a kink at 0: keep every weight at least 0.2 away from it
            const params = Float64Array.from({ length: count }, () => {
              const v = nextNormal(rng);
              return Math.sign(v || 1) * (0.2 + Math.abs(v));
            });
            const [x1, x2, y] = [nextNormal(rng), nextNormal(rng), 1];
            const objective = (p: Float64Array) => {
              const forward = netForwardPass(net, p, x1, x2);
              const data = sampleLossFromSum(loss, y, forward[2 * net.hidden]!, forward[2 * net.hidden + 1]!);
              return data + penaltyTotal(regularization, 0.3, p, weights);
            };
            const grad = netTraceSample(net, params, x1, x2, y).grad;
            addPenaltyGradient(regularization, 0.3, params, grad, weights);
            for (let k = 0; k < count; k++) {
              const h = 1e-6;
              const up = params.slice();
              const down = params.slice();
              up[k] = up[k]! + h;
              down[k] = down[k]! - h;
              const numeric = (objective(up) - objective(down)) / (2 * h);
              expect(grad[k]).toBeCloseTo(numeric, 5);
            }
          }
        }
      }
    }
  });

  it('the penalty moves weights toward 0 and leaves biases alone', () => {
    const params = Float64Array.from([2, -2, 2, -2, 2, -2, 3, 3, 3]);
    applySgdStep(params, new Float64Array(9), 0.1, { kind: 'l2', rate: 0.5, weights: weightCount(2) });
    expect(Array.from(params)).toEqual([1.9, -1.9, 1.9, -1.9, 1.9, -1.9, 3, 3, 3]);
    applySgdStep(params, new Float64Array(9), 0.1, { kind: 'l1', rate: 0.5, weights: weightCount(2) });
    const expected = [1.85, -1.85, 1.85, -1.85, 1.85, -1.85, 3, 3, 3];
    expected.forEach((value, k) => expect(params[k]).toBeCloseTo(value, 14));
  });

  it('takes no penalty at None, so its steps are the plain ones', () => {
    expect(
      trainerFor(arch({ regularization: 'none', regularizationRate: 0.5 }), articleSet).penalty,
    ).toBeNull();
    expect(trainerFor(arch({ regularization: 'l1', regularizationRate: 0.5 }), articleSet).penalty).toEqual({
      kind: 'l1',
      rate: 0.5,
      weights: 6,
    });
  });

  it('L2 shrinks the weights against the same run without it', () => {
    const squares = (regularization: Regularization) => {
      const t = trainerFor(
        arch({ hidden: 4, activation: 'tanh', regularization, regularizationRate: 0.01 }),
        articleSet,
      );
      for (let e = 0; e < 300; e++) trainEpoch(t);
      return Array.from(t.params.subarray(0, weightCount(4))).reduce((sum, w) => sum + w * w, 0);
    };
    expect(squares('l2')).toBeLessThan(0.9 * squares('none'));
  });
});

/** The four corners of XOR, as a training set the engine takes directly (already scaled). */
function xorSet(): TrainingSet {
  const corners = [
    [-1, -1, 0],
    [-1, 1, 1],
    [1, -1, 1],
    [1, 1, 0],
  ] as const;
  return {
    ...articleSet,
    inputs: Float64Array.from(corners.flatMap(([x1, x2]) => [x1, x2])),
    targets: Float64Array.from(corners.map(([, , y]) => y)),
    count: 4,
    rowIndex: Int32Array.from([0, 1, 2, 3]),
  };
}

describe('XOR', () => {
  const accuracyAfter = (net: Architecture, seed: number) => {
    const t = trainerFor(net, xorSet(), seed, 0.3);
    for (let e = 0; e < 3000; e++) trainEpoch(t);
    return t.accuracy;
  };

  it('cannot be solved by one tanh hidden neuron on x1, x2, whatever the start', () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      expect(accuracyAfter(arch({ hidden: 1, activation: 'tanh', loss: 'bce' }), seed)).toBeLessThanOrEqual(
        0.75,
      );
    }
  });

  it('is solved by four tanh hidden neurons', () => {
    for (const seed of [1, 2, 3]) {
      expect(accuracyAfter(arch({ hidden: 4, activation: 'tanh', loss: 'bce' }), seed)).toBe(1);
    }
  });

  it('is solved by one hidden neuron once it sees x1 times x2', () => {
    const net = arch({ hidden: 1, activation: 'tanh', loss: 'bce', features: ['x1', 'x2', 'x1TimesX2'] });
    expect(accuracyAfter(net, 1)).toBe(1);
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ARTICLE_ARCHITECTURE,
  paramCount,
  type Architecture,
  type HiddenActivation,
} from '../../src/core/architecture';
import { outputSlot } from '../../src/core/bufferLayout';
import { metricsInto, networkOf, predict, trace } from '../../src/core/engine';
import { initialParams } from '../../src/core/init';
import { netTraceSample } from '../../src/core/netBackward';
import { netForwardPass, type NetworkShape } from '../../src/core/netForward';
import {
  METRICS_SIZE,
  METRIC_ACCURACY,
  METRIC_LOSS,
  metricKind,
  sampleLossFromSum,
} from '../../src/core/netLoss';
import { architectureFor } from '../../src/core/outputLayer';
import { IDENTITY_SCALING } from '../../src/core/scaling';
import { createTrainer, currentLoss, trainEpoch } from '../../src/core/trainer';
import { buildTrainingSet } from '../../src/core/trainingSet';
import type { Person } from '../../src/core/dataset';

const finite = (limit: number) =>
  fc.double({ min: -limit, max: limit, noNaN: true, noDefaultInfinity: true });
const ACTIVATIONS: readonly HiddenActivation[] = ['sigmoid', 'tanh', 'relu'];
const linear = (hidden: number, activation: HiddenActivation): NetworkShape => ({
  hidden,
  activation,
  loss: 'mse',
  output: 'linear',
});

describe('a numeric target trains a linear output', () => {
  it('chooses a linear output and MSE for a numeric target, and leaves a class table as set', () => {
    const bce: Architecture = { ...ARTICLE_ARCHITECTURE, loss: 'bce' };
    expect(architectureFor(bce, 'class')).toBe(bce);
    expect(architectureFor(bce, 'number')).toEqual({ ...bce, loss: 'mse', output: 'linear' });
    expect(metricKind(architectureFor(bce, 'number'))).toBe('mae');
    expect(metricKind(bce)).toBe('accuracy');
  });

  it('outputs its sum as it is: ŷ = z, any number, not squashed into 0..1', () => {
    fc.assert(
      fc.property(
        fc.array(finite(3), { minLength: 9, maxLength: 9 }),
        finite(3),
        finite(3),
        (values, x1, x2) => {
          const params = Float64Array.from(values);
          const forward = netForwardPass(linear(2, 'sigmoid'), params, x1, x2);
          const sigmoidForward = netForwardPass({ hidden: 2, activation: 'sigmoid' }, params, x1, x2);
          expect(forward[outputSlot(2)]).toBe(forward[2 * 2]);
          expect(forward[2 * 2]).toBe(sigmoidForward[2 * 2]);
        },
      ),
    );
    const big = new Float64Array(paramCount(1)).fill(5);
    big[4] = -10; // the output bias
    const net = networkOf(
      architectureFor(ARTICLE_ARCHITECTURE, 'number'),
      new Float64Array(9).fill(5),
      IDENTITY_SCALING,
    );
    expect(predict(net, 1, 1)).toBeGreaterThan(1);
    expect(netForwardPass(linear(1, 'tanh'), big, -1, -1)[outputSlot(1)]).toBeLessThan(0);
  });

  it('backpropagates through a slope of 1: the output bias gradient is -2(y - ŷ)', () => {
    const params = initialParams('random', 7, 3);
    const net = linear(3, 'tanh');
    const sample = netTraceSample(net, params, 0.4, -1.2, 2.5);
    const yPred = sample.forward[outputSlot(3)]!;
    expect(sample.factors[2 * 3 + 1]).toBe(1);
    expect(sample.grad[4 * 3]).toBeCloseTo(-2 * (2.5 - yPred), 12);
    const engineTrace = trace(
      networkOf({ ...ARTICLE_ARCHITECTURE, ...net }, params, IDENTITY_SCALING),
      0.4,
      -1.2,
      2.5,
    );
    expect(Array.from(engineTrace.grad)).toEqual(Array.from(sample.grad));
  });

  it.each([1, 2, 5].flatMap((hidden) => ACTIVATIONS.map((activation) => [hidden, activation] as const)))(
    '%i %s hidden, linear output: every partial derivative matches a central difference',
    (hidden, activation) => {
      const net = linear(hidden, activation);
      const count = paramCount(hidden);
      const loss = (params: Float64Array, x1: number, x2: number, y: number) => {
        const forward = netForwardPass(net, params, x1, x2);
        return sampleLossFromSum('mse', y, forward[2 * hidden]!, forward[outputSlot(hidden)]!);
      };
      fc.assert(
        fc.property(
          fc.array(finite(2), { minLength: count, maxLength: count }),
          finite(3),
          finite(3),
          finite(5),
          (values, x1, x2, y) => {
            const params = Float64Array.from(values);
            if (activation === 'relu') {
              // a finite difference straddling ReLU's kink means nothing: keep each hidden sum off 0
              const forward = netForwardPass(net, params, x1, x2);
              for (let j = 0; j < hidden; j++)
                if (Math.abs(forward[2 * j]!) < 1e-4) params[3 * hidden + j] = params[3 * hidden + j]! + 0.01;
            }
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
        { numRuns: 60 },
      );
    },
  );
});

function regressionPeople(rows: readonly [number, number, number][]): Person[] {
  return rows.map(([x1, x2, y], i) => ({
    id: `r${i}`,
    name: '',
    weight: String(x1),
    height: String(x2),
    gender: 'M',
    target: String(y),
  }));
}

describe('the engine’s metric entry for a numeric target', () => {
  it('measures the mean absolute error in the accuracy slot, and the loss as MSE', () => {
    const set = buildTrainingSet(
      regressionPeople([
        [1, 2, 3],
        [-1, 0.5, -2],
        [0, 0, 10],
      ]),
      'none',
      'plain',
    );
    expect(set.targetKind).toBe('number');
    expect(Array.from(set.targets)).toEqual([3, -2, 10]);
    const architecture = architectureFor(
      { ...ARTICLE_ARCHITECTURE, hidden: 3, activation: 'tanh' },
      'number',
    );
    const params = initialParams('random', 3, 3);
    const net = networkOf(architecture, params, set.scaling);
    let absolute = 0;
    let squared = 0;
    for (let i = 0; i < set.count; i++) {
      const diff = set.targets[i]! - predict(net, set.inputs[2 * i]!, set.inputs[2 * i + 1]!);
      absolute += Math.abs(diff);
      squared += diff * diff;
    }
    const out = new Float64Array(METRICS_SIZE);
    metricsInto(architecture, params, set.inputs, set.targets, set.count, out);
    expect(out[METRIC_ACCURACY]).toBeCloseTo(absolute / 3, 12);
    expect(out[METRIC_LOSS]).toBeCloseTo(squared / 3, 12);
  });

  it('trains the article’s 2-2-1 shape with a linear output until its error falls, in every update mode', () => {
    const rows: [number, number, number][] = [];
    for (let i = 0; i < 40; i++) {
      const x1 = (i % 8) - 3.5;
      const x2 = Math.floor(i / 8) - 2;
      rows.push([x1, x2, 0.3 * x1 - 0.5 * x2 + 1]);
    }
    const set = buildTrainingSet(regressionPeople(rows), 'standardize', 'plain');
    for (const update of ['sample', 'mini-batch', 'full-batch'] as const) {
      const architecture = architectureFor({ ...ARTICLE_ARCHITECTURE, update, batchSize: 8 }, set.targetKind);
      const trainer = createTrainer({
        params: initialParams('random', 42, 2),
        set,
        sampleOrder: 'in-order',
        seed: 42,
        learningRate: update === 'sample' ? 0.01 : 0.1,
        architecture,
      });
      expect(trainer.articlePath).toBe(false);
      const before = currentLoss(trainer);
      const maeBefore = trainer.accuracy;
      let after = before;
      for (let epoch = 0; epoch < 200; epoch++) after = trainEpoch(trainer);
      expect(after).toBeLessThan(before / 10);
      expect(trainer.accuracy).toBeLessThan(maeBefore / 3);
    }
  });
});

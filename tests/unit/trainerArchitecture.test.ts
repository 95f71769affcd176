import { describe, expect, it } from 'vitest';
import { ARTICLE_ARCHITECTURE, paramCount, type Architecture } from '../../src/core/architecture';
import { ARTICLE_PEOPLE, type Person } from '../../src/core/dataset';
import { initialParams } from '../../src/core/init';
import { datasetLoss } from '../../src/core/loss';
import { netTraceSample } from '../../src/core/netBackward';
import { netPredict } from '../../src/core/netForward';
import { createRng, nextNormal } from '../../src/core/rng';
import { applySgdStep } from '../../src/core/sgd';
import {
  createTrainer,
  currentLoss,
  replaceTrainingSet,
  restartOptimizer,
  trainEpoch,
  trainSample,
  type SampleOrder,
  type Trainer,
} from '../../src/core/trainer';
import { buildTrainingSet, type TrainingSet } from '../../src/core/trainingSet';

const RATE = 0.1;
const articleSet = buildTrainingSet(ARTICLE_PEOPLE, 'article');

function arch(overrides: Partial<Architecture>): Architecture {
  return { ...ARTICLE_ARCHITECTURE, ...overrides };
}

function trainer(
  architecture: Architecture,
  options: { set?: TrainingSet; order?: SampleOrder; generic?: boolean; seed?: number } = {},
): Trainer {
  return createTrainer({
    params: initialParams('random', options.seed ?? 42, architecture.hidden),
    set: options.set ?? articleSet,
    sampleOrder: options.order ?? 'in-order',
    seed: options.seed ?? 42,
    learningRate: RATE,
    architecture,
    generic: options.generic,
  });
}

/** Every epoch's loss and accuracy, then the parameters. */
function run(t: Trainer, epochs: number): number[] {
  const trace: number[] = [];
  for (let e = 0; e < epochs; e++) trace.push(trainEpoch(t), t.accuracy);
  return [...trace, ...t.params];
}

/** The gradient of each sample at `params`, by hand from netTraceSample. */
function gradients(net: Architecture, params: Float64Array, samples: readonly number[]): Float64Array[] {
  return samples.map(
    (i) =>
      netTraceSample(
        net,
        params,
        articleSet.inputs[2 * i]!,
        articleSet.inputs[2 * i + 1]!,
        articleSet.targets[i]!,
      ).grad,
  );
}

function meanOf(grads: readonly Float64Array[]): Float64Array {
  const mean = new Float64Array(grads[0]!.length);
  for (let k = 0; k < mean.length; k++) mean[k] = grads.reduce((sum, g) => sum + g[k]!, 0) / grads.length;
  return mean;
}

function expectClose(actual: ArrayLike<number>, expected: ArrayLike<number>, tolerance = 1e-12): void {
  expect(actual.length).toBe(expected.length);
  for (let i = 0; i < actual.length; i++) expect(Math.abs(actual[i]! - expected[i]!)).toBeLessThan(tolerance);
}

describe('the article’s configuration: fast path and generic path agree', () => {
  it.each(['in-order', 'shuffled'] as const)('bit for bit over 1,000 epochs (%s)', (order) => {
    const fast = trainer(ARTICLE_ARCHITECTURE, { order });
    const generic = trainer(ARTICLE_ARCHITECTURE, { order, generic: true });
    expect(fast.articlePath).toBe(true);
    expect(generic.articlePath).toBe(false);
    expect(run(generic, 1000)).toEqual(run(fast, 1000));
    expect(generic.forward).toEqual(fast.forward);
    expect(generic.factors).toEqual(fast.factors);
    expect(generic.grad).toEqual(fast.grad);
  });

  it('a mini-batch of 1 and momentum 0 are the article’s per-sample SGD, bit for bit', () => {
    const reference = run(trainer(ARTICLE_ARCHITECTURE), 300);
    expect(run(trainer(arch({ update: 'mini-batch', batchSize: 1 })), 300)).toEqual(reference);
  });

  it('momentum 0 is plain SGD, bit for bit, on another architecture too', () => {
    const net = arch({ hidden: 3, activation: 'tanh', loss: 'bce', momentum: 0 });
    const t = trainer(net);
    const params = Float64Array.from(t.params);
    for (let step = 0; step < 40; step++) {
      const sample = step % articleSet.count;
      trainSample(t);
      applySgdStep(params, gradients(net, params, [sample])[0]!, RATE);
    }
    expect(t.params).toEqual(params);
  });
});

describe('mini-batches', () => {
  it('step once per batch with the mean of the batch’s gradients, computed at the batch’s start', () => {
    const net = arch({ hidden: 3, activation: 'tanh', loss: 'bce', update: 'mini-batch', batchSize: 2 });
    const t = trainer(net);
    const start = Float64Array.from(t.params);
    const [g0, g1] = gradients(net, start, [0, 1]);

    expect(trainSample(t)).toBe(false);
    expect(t.params).toEqual(start); // half a batch: no step yet
    expect(t.grad).toEqual(g0); // but the sample's own gradient is there to read
    expect(t.batchFill).toBe(1);
    trainSample(t);
    expect(t.grad).toEqual(g1);
    const afterFirst = Float64Array.from(start);
    applySgdStep(afterFirst, meanOf([g0!, g1!]), RATE);
    expectClose(t.params, afterFirst);
    expect(t.batchFill).toBe(0);

    // the second batch's gradients are taken at the parameters after the first step
    const [h2, h3] = gradients(net, afterFirst, [2, 3]);
    trainSample(t);
    expect(trainSample(t)).toBe(true);
    const afterSecond = Float64Array.from(afterFirst);
    applySgdStep(afterSecond, meanOf([h2!, h3!]), RATE);
    expectClose(t.params, afterSecond);
  });

  it('the epoch’s last batch may be short: batches of 3 over 4 samples step after 3, then after 1', () => {
    const net = arch({ hidden: 2, activation: 'relu', update: 'mini-batch', batchSize: 3 });
    const t = trainer(net);
    const start = Float64Array.from(t.params);
    const first = Float64Array.from(start);
    applySgdStep(first, meanOf(gradients(net, start, [0, 1, 2])), RATE);
    const second = Float64Array.from(first);
    applySgdStep(second, gradients(net, first, [3])[0]!, RATE);
    trainEpoch(t);
    expectClose(t.params, second);
  });

  it('full batch takes one step per epoch and equals a mini-batch as large as the table', () => {
    const base = { hidden: 8, activation: 'sigmoid', loss: 'mse' } as const;
    const full = trainer(arch({ ...base, update: 'full-batch' }), { order: 'shuffled' });
    const big = trainer(arch({ ...base, update: 'mini-batch', batchSize: 10 }), { order: 'shuffled' });
    const start = Float64Array.from(full.params);
    for (let s = 0; s < articleSet.count - 1; s++) trainSample(full);
    expect(full.params).toEqual(start);
    expect(run(big, 200)).toEqual(run(full, 200));
  });
});

describe('the last sample’s trace', () => {
  it('after trainEpoch in a batch mode it is the epoch’s last sample at its batch’s start, as trainSample leaves it', () => {
    const net = arch({ hidden: 5, activation: 'tanh', loss: 'bce', update: 'mini-batch', batchSize: 3 });
    const byEpoch = trainer(net, { order: 'shuffled' });
    const bySample = trainer(net, { order: 'shuffled' });
    for (let epoch = 0; epoch < 7; epoch++) {
      trainEpoch(byEpoch);
      while (!trainSample(bySample)) {
        // one sample at a time, with its whole trace each time
      }
    }
    expect(byEpoch.params).toEqual(bySample.params);
    expect(byEpoch.lastSample).toBe(bySample.lastSample);
    expect(byEpoch.forward).toEqual(bySample.forward);
    expect(byEpoch.factors).toEqual(bySample.factors);
    expect(byEpoch.grad).toEqual(bySample.grad);
  });

  it('is the sample’s own gradient at the parameters its batch started from', () => {
    const net = arch({ hidden: 3, activation: 'relu', update: 'full-batch' });
    const t = trainer(net);
    trainEpoch(t);
    const start = Float64Array.from(t.params);
    trainEpoch(t);
    const i = t.lastSample;
    const x1 = articleSet.inputs[2 * i]!;
    const x2 = articleSet.inputs[2 * i + 1]!;
    const expected = netTraceSample(net, start, x1, x2, articleSet.targets[i]!);
    expect(t.forward).toEqual(expected.forward);
    expect(t.grad).toEqual(expected.grad);
    expect(t.factors).toEqual(expected.factors);
  });
});

describe('momentum', () => {
  it('v ← μv − rate·g and p ← p + v, checked over two steps by hand', () => {
    const mu = 0.9;
    const net = arch({ hidden: 1, momentum: mu });
    const t = trainer(net);
    const p0 = Float64Array.from(t.params);
    const [g1] = gradients(net, p0, [0]);
    const v1 = g1!.map((g) => -RATE * g);
    const p1 = p0.map((p, i) => p + v1[i]!);
    const [g2] = gradients(net, p1, [1]);
    const v2 = v1.map((v, i) => mu * v - RATE * g2![i]!);
    const p2 = p1.map((p, i) => p + v2[i]!);
    trainSample(t);
    expectClose(t.params, p1);
    trainSample(t);
    expectClose(t.velocity, v2);
    expectClose(t.params, p2);
  });

  it('with mini-batches it moves once per batch, and restartOptimizer forgets the velocity', () => {
    const t = trainer(arch({ hidden: 2, update: 'mini-batch', batchSize: 2, momentum: 0.5 }));
    trainSample(t);
    expect(t.velocity.every((v) => v === 0)).toBe(true);
    trainSample(t);
    expect(t.velocity.some((v) => v !== 0)).toBe(true);
    trainSample(t);
    expect(t.batchFill).toBe(1);
    restartOptimizer(t);
    expect([t.cursor, t.batchFill]).toEqual([0, 0]);
    expect(t.velocity.every((v) => v === 0)).toBe(true);
  });
});

describe('edits, losses and starting weights', () => {
  it('replaceTrainingSet drops the half-filled batch: the new set trains like a fresh start', () => {
    const net = arch({ hidden: 3, update: 'mini-batch', batchSize: 4 });
    const edited: Person[] = ARTICLE_PEOPLE.map((p, i) => (i === 0 ? { ...p, weight: '140' } : p));
    const newSet = buildTrainingSet(edited, 'article');
    const t = trainer(net);
    trainSample(t);
    trainSample(t);
    expect(t.batchFill).toBe(2);
    replaceTrainingSet(t, newSet);
    expect(t.batchFill).toBe(0);
    const fresh = trainer(net, { set: newSet });
    expect(run(t, 20)).toEqual(run(fresh, 20));
  });

  it('the epoch loss is the mean BCE (or MSE) and accuracy the share on the right side of 0.5', () => {
    for (const loss of ['bce', 'mse'] as const) {
      const net = arch({ hidden: 3, activation: 'tanh', loss });
      const t = trainer(net);
      const reported = trainEpoch(t);
      let sum = 0;
      let right = 0;
      for (let i = 0; i < articleSet.count; i++) {
        const x1 = articleSet.inputs[2 * i]!;
        const x2 = articleSet.inputs[2 * i + 1]!;
        const y = articleSet.targets[i]!;
        const p = netPredict(net, t.params, x1, x2);
        sum += loss === 'bce' ? -(y * Math.log(p) + (1 - y) * Math.log(1 - p)) : (y - p) ** 2;
        if ((p > 0.5 ? 1 : 0) === y) right += 1;
      }
      expect(Math.abs(reported - sum / articleSet.count)).toBeLessThan(1e-12);
      expect(t.accuracy).toBe(right / articleSet.count);
    }
  });

  it('with no samples the loss and the accuracy are NaN, not 0', () => {
    const empty = buildTrainingSet([], 'article');
    for (const architecture of [ARTICLE_ARCHITECTURE, arch({ hidden: 4, loss: 'bce' })]) {
      const t = trainer(architecture, { set: empty });
      expect(currentLoss(t)).toBeNaN();
      expect(t.accuracy).toBeNaN();
    }
  });

  it('on the article’s network the loss is exactly datasetLoss, and accuracy comes with it', () => {
    const t = trainer(ARTICLE_ARCHITECTURE);
    expect(t.accuracy).toBeNaN();
    const loss = currentLoss(t);
    expect(loss).toBe(datasetLoss(t.params, articleSet.inputs, articleSet.targets, articleSet.count));
    expect(t.accuracy).toBeGreaterThanOrEqual(0);
    run(t, 1000);
    expect(t.accuracy).toBe(1);
  });

  it('random starts draw standard normals in layout order: 2 hidden neurons are unchanged', () => {
    const rng = createRng(42);
    const draws = Array.from({ length: paramCount(8) }, () => nextNormal(rng));
    expect(Array.from(initialParams('random', 42))).toEqual(draws.slice(0, 9));
    expect(Array.from(initialParams('random', 42, 8))).toEqual(draws);
    expect(Array.from(initialParams('ones', 0, 3))).toEqual([1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0]);
  });

  it('refuses parameters of the wrong length for the architecture', () => {
    expect(() =>
      createTrainer({
        params: initialParams('random', 1),
        set: articleSet,
        sampleOrder: 'in-order',
        seed: 1,
        learningRate: RATE,
        architecture: arch({ hidden: 3 }),
      }),
    ).toThrow(RangeError);
  });
});

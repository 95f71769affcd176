import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ARTICLE_ARCHITECTURE, type Architecture } from '../../src/core/architecture';
import { ARTICLE_PEOPLE } from '../../src/core/dataset';
import { initialParams } from '../../src/core/init';
import { netTraceSample } from '../../src/core/netBackward';
import {
  DEFAULT_OPTIMIZER,
  optimizerChoice,
  type OptimizerKind,
  type OptimizerSettings,
} from '../../src/core/optimizer';
import {
  createTrainer,
  restartOptimizer,
  trainEpoch,
  trainSample,
  type Trainer,
} from '../../src/core/trainer';
import { buildTrainingSet } from '../../src/core/trainingSet';
import type { UpdateMode } from '../../src/core/architecture';

/*
 * Each optimizer against PyTorch's documented update, worked out here step by step in its textbook form
 * (torch.optim's docs), from gradients taken by hand with netTraceSample.
 */

const RATE = 0.05;
const set = buildTrainingSet(ARTICLE_PEOPLE, 'article');

function arch(optimizer: Partial<OptimizerSettings>, overrides: Partial<Architecture> = {}): Architecture {
  return {
    ...ARTICLE_ARCHITECTURE,
    hidden: 3,
    optimizer: { ...DEFAULT_OPTIMIZER, ...optimizer },
    ...overrides,
  };
}

function trainer(architecture: Architecture, seed = 7): Trainer {
  return createTrainer({
    params: initialParams('random', seed, architecture.hidden),
    set,
    sampleOrder: 'in-order',
    seed,
    learningRate: RATE,
    architecture,
  });
}

/** The mean gradient of `samples` at `params`. */
function gradient(net: Architecture, params: Float64Array, samples: readonly number[]): Float64Array {
  const mean = new Float64Array(params.length);
  for (const i of samples) {
    const { grad } = netTraceSample(net, params, set.inputs[2 * i]!, set.inputs[2 * i + 1]!, set.targets[i]!);
    for (let k = 0; k < mean.length; k++) mean[k] = mean[k]! + grad[k]! / samples.length;
  }
  return mean;
}

function expectClose(actual: ArrayLike<number>, expected: ArrayLike<number>, tolerance = 1e-12): void {
  expect(actual.length).toBe(expected.length);
  for (let i = 0; i < actual.length; i++) expect(Math.abs(actual[i]! - expected[i]!)).toBeLessThan(tolerance);
}

/** The textbook Adam step: m̂ = m / (1 − β1ᵗ), v̂ = v / (1 − β2ᵗ), p ← p − η m̂ / (√v̂ + ε). */
function adamByHand(net: Architecture, batches: readonly (readonly number[])[], start: Float64Array) {
  const { beta1, beta2, epsilon } = net.optimizer!;
  const p = Float64Array.from(start);
  const m = new Float64Array(p.length);
  const v = new Float64Array(p.length);
  batches.forEach((batch, index) => {
    const t = index + 1;
    const g = gradient(net, p, batch);
    for (let k = 0; k < p.length; k++) {
      m[k] = beta1 * m[k]! + (1 - beta1) * g[k]!;
      v[k] = beta2 * v[k]! + (1 - beta2) * g[k]! ** 2;
      const mHat = m[k]! / (1 - beta1 ** t);
      const vHat = v[k]! / (1 - beta2 ** t);
      p[k] = p[k]! - (RATE * mHat) / (Math.sqrt(vHat) + epsilon);
    }
  });
  return { p, m, v };
}

describe('each optimizer, step by step against its formula', () => {
  it('Adam (β1 0.9, β2 0.999, ε 1e-8): three per-sample steps, with its moments', () => {
    const net = arch({ kind: 'adam' });
    const t = trainer(net);
    const expected = adamByHand(net, [[0], [1], [2]], Float64Array.from(t.params));
    for (let i = 0; i < 3; i++) trainSample(t);
    expectClose(t.params, expected.p);
    expectClose(t.optimizer.firstMoment, expected.m);
    expectClose(t.optimizer.secondMoment, expected.v);
    expect(t.optimizer.steps).toBe(3);
  });

  it('Adam’s first step moves every parameter by about η, whatever its gradient’s size', () => {
    const t = trainer(arch({ kind: 'adam' }));
    const before = Float64Array.from(t.params);
    const g = gradient(t.architecture, before, [0]);
    trainSample(t);
    for (let k = 0; k < before.length; k++) {
      if (Math.abs(g[k]!) < 1e-4) continue; // ε shortens only the steps of gradients near 0
      expect(Math.abs(t.params[k]! - before[k]!)).toBeCloseTo(RATE, 4);
    }
  });

  it('RMSProp (α 0.99, ε 1e-8): s ← α s + (1 − α) g², p ← p − η g / (√s + ε), three steps', () => {
    const net = arch({ kind: 'rmsprop', alpha: 0.99 });
    const t = trainer(net);
    const p = Float64Array.from(t.params);
    const s = new Float64Array(p.length);
    for (const sample of [0, 1, 2]) {
      const g = gradient(net, p, [sample]);
      for (let k = 0; k < p.length; k++) {
        s[k] = 0.99 * s[k]! + 0.01 * g[k]! ** 2;
        p[k] = p[k]! - (RATE * g[k]!) / (Math.sqrt(s[k]!) + 1e-8);
      }
      trainSample(t);
    }
    expectClose(t.params, p);
    expectClose(t.optimizer.secondMoment, s);
  });

  it('Momentum as PyTorch writes it: b ← μ b + g, p ← p − η b (b starts as the first gradient)', () => {
    const mu = 0.8;
    const net = arch({ kind: 'sgd' }, { momentum: mu });
    const t = trainer(net);
    const p = Float64Array.from(t.params);
    const b = new Float64Array(p.length);
    for (const sample of [0, 1, 2]) {
      const g = gradient(net, p, [sample]);
      for (let k = 0; k < p.length; k++) {
        b[k] = sample === 0 ? g[k]! : mu * b[k]! + g[k]!;
        p[k] = p[k]! - RATE * b[k]!;
      }
      trainSample(t);
    }
    expectClose(t.params, p);
    // The lab's velocity is the step itself: −η times PyTorch's buffer.
    expectClose(
      t.velocity,
      b.map((x) => -RATE * x),
    );
  });

  it('SGD: p ← p − η g, three steps', () => {
    const net = arch({ kind: 'sgd' });
    const t = trainer(net);
    const p = Float64Array.from(t.params);
    for (const sample of [0, 1, 2]) {
      const g = gradient(net, p, [sample]);
      for (let k = 0; k < p.length; k++) p[k] = p[k]! - RATE * g[k]!;
      trainSample(t);
    }
    expectClose(t.params, p);
  });
});

describe('in every update mode', () => {
  it('Adam with mini-batches of 2 steps once per batch by the batch’s mean gradient', () => {
    const net = arch(
      { kind: 'adam', beta1: 0.5, beta2: 0.9, epsilon: 1e-6 },
      { update: 'mini-batch', batchSize: 2 },
    );
    const t = trainer(net);
    const expected = adamByHand(
      net,
      [
        [0, 1],
        [2, 3],
      ],
      Float64Array.from(t.params),
    );
    trainSample(t);
    expect(t.optimizer.steps).toBe(0);
    trainSample(t);
    trainSample(t);
    trainSample(t);
    expectClose(t.params, expected.p);
    expect(t.optimizer.steps).toBe(2);
  });

  it('RMSProp with the full batch: one step per epoch by the mean of all four people', () => {
    const net = arch({ kind: 'rmsprop', alpha: 0.9 }, { update: 'full-batch' });
    const t = trainer(net);
    const p = Float64Array.from(t.params);
    const s = new Float64Array(p.length);
    for (let epoch = 0; epoch < 3; epoch++) {
      const g = gradient(net, p, [0, 1, 2, 3]);
      for (let k = 0; k < p.length; k++) {
        s[k] = 0.9 * s[k]! + 0.1 * g[k]! ** 2;
        p[k] = p[k]! - (RATE * g[k]!) / (Math.sqrt(s[k]!) + 1e-8);
      }
      trainEpoch(t);
    }
    expectClose(t.params, p);
    expect(t.optimizer.steps).toBe(3);
  });

  it('Adam takes the L2 penalty into its gradient for weights only (PyTorch’s weight_decay)', () => {
    const decay = 0.01;
    const net = arch({ kind: 'adam' }, { regularization: 'l2', regularizationRate: decay });
    const t = trainer(net);
    const p = Float64Array.from(t.params);
    const weights = 3 * t.architecture.hidden; // (F + 1)·H weights come first, then the biases
    const g = gradient(net, p, [0]);
    for (let k = 0; k < weights; k++) g[k] = g[k]! + decay * p[k]!;
    trainSample(t);
    for (let k = 0; k < p.length; k++) {
      const m = 0.1 * g[k]!;
      const v = 0.001 * g[k]! ** 2;
      const step = (RATE * (m / 0.1)) / (Math.sqrt(v / 0.001) + 1e-8);
      expect(Math.abs(t.params[k]! - (p[k]! - step))).toBeLessThan(1e-12);
    }
  });

  it('restartOptimizer forgets the moments and the step count', () => {
    const t = trainer(arch({ kind: 'adam' }));
    trainEpoch(t);
    expect(t.optimizer.secondMoment.some((v) => v !== 0)).toBe(true);
    restartOptimizer(t);
    expect(t.optimizer.steps).toBe(0);
    expect([...t.optimizer.firstMoment, ...t.optimizer.secondMoment].every((v) => v === 0)).toBe(true);
  });
});

describe('which entry of the Optimizer list a network is', () => {
  it('SGD with momentum above 0 is Momentum; old networks with no optimizer read as SGD or Momentum', () => {
    expect(optimizerChoice(ARTICLE_ARCHITECTURE)).toBe('sgd');
    expect(optimizerChoice({ ...ARTICLE_ARCHITECTURE, momentum: 0.9 })).toBe('momentum');
    expect(optimizerChoice(arch({ kind: 'adam' }, { momentum: 0.9 }))).toBe('adam');
  });

  it('RMSProp and Adam ignore the momentum field', () => {
    const plain = trainer(arch({ kind: 'adam' }));
    const withMomentum = trainer(arch({ kind: 'adam' }, { momentum: 0.9 }));
    trainEpoch(plain);
    trainEpoch(withMomentum);
    expect(withMomentum.params).toEqual(plain.params);
  });

  it('SGD named explicitly keeps the article’s own path', () => {
    expect(trainer({ ...ARTICLE_ARCHITECTURE, optimizer: DEFAULT_OPTIMIZER }).articlePath).toBe(true);
    expect(
      trainer({ ...ARTICLE_ARCHITECTURE, optimizer: { ...DEFAULT_OPTIMIZER, kind: 'adam' } }).articlePath,
    ).toBe(false);
  });
});

/** Counts typed arrays made while `run` runs. */
function typedArraysMadeBy(run: () => void): number {
  const Original = globalThis.Float64Array;
  let made = 0;
  globalThis.Float64Array = new Proxy(Original, {
    construct(target, args: unknown[]) {
      made += 1;
      return Reflect.construct(target, args) as object;
    },
  });
  try {
    run();
  } finally {
    globalThis.Float64Array = Original;
  }
  return made;
}

describe('allocation-free and deterministic', () => {
  const kinds: readonly OptimizerKind[] = ['sgd', 'rmsprop', 'adam'];
  const modes: readonly UpdateMode[] = ['sample', 'mini-batch', 'full-batch'];
  it('any optimizer, update mode and options: the same run twice is the same in every bit, and steps make no arrays', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...kinds),
        fc.constantFrom(...modes),
        fc.double({ min: 0, max: 0.99, noNaN: true }),
        fc.double({ min: 0.5, max: 0.9999, noNaN: true }),
        fc.double({ min: 1e-10, max: 1e-3, noNaN: true }),
        fc.integer({ min: 1, max: 8 }),
        (kind, update, beta1, beta2, epsilon, hidden) => {
          const net = arch(
            { kind, beta1, beta2, alpha: beta2, epsilon },
            { hidden, update, batchSize: 3, momentum: kind === 'sgd' ? beta1 : 0, activation: 'tanh' },
          );
          const [a, b] = [trainer(net, 3), trainer(net, 3)];
          const buffers = [a.optimizer.velocity, a.optimizer.firstMoment, a.optimizer.secondMoment];
          const made = typedArraysMadeBy(() => {
            for (let i = 0; i < 5; i++) trainSample(a);
            for (let e = 0; e < 5; e++) trainEpoch(a);
          });
          for (let i = 0; i < 5; i++) trainSample(b);
          for (let e = 0; e < 5; e++) trainEpoch(b);
          expect(made).toBe(0);
          expect([a.optimizer.velocity, a.optimizer.firstMoment, a.optimizer.secondMoment]).toEqual(buffers);
          expect(a.optimizer.velocity).toBe(buffers[0]);
          expect(a.params).toEqual(b.params);
          expect(a.optimizer.secondMoment).toEqual(b.optimizer.secondMoment);
        },
      ),
      { numRuns: 40 },
    );
  });
});

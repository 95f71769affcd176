import { afterEach, describe, expect, it } from 'vitest';
import { paramCount, type Architecture } from '../../src/core/architecture';
import { initialParams } from '../../src/core/init';
import { createTrainer, currentLoss, trainEpoch } from '../../src/core/trainer';
import { buildTrainingSet } from '../../src/core/trainingSet';
import type { RunConfig } from '../../src/worker/protocol';
import { ARTICLE_CONFIG, epochsIn, startWorker, type WorkerHarness } from './harness';

let harness: WorkerHarness;
afterEach(() => harness?.close());

const WIDE: Architecture = {
  hidden: 8,
  activation: 'tanh',
  loss: 'bce',
  update: 'mini-batch',
  batchSize: 2,
  momentum: 0.9,
  features: ['x1', 'x2'],
  regularization: 'none',
  regularizationRate: 0.001,
};
const WIDE_CONFIG: RunConfig = {
  ...ARTICLE_CONFIG,
  initialWeights: 'random',
  seed: 42,
  learningRate: 0.01,
  architecture: WIDE,
};
const P = paramCount(8);

async function configured(config: RunConfig): Promise<WorkerHarness> {
  harness = startWorker();
  harness.send({ type: 'configure', config });
  await harness.waitForFrame((f) => f.runId === 1);
  harness.send({ type: 'set-speed', epochsPerSecond: null });
  return harness;
}

describe('a run with another network', () => {
  it('8 tanh neurons, cross-entropy, mini-batches of 2, momentum 0.9: trains, epoch for epoch as the engine', async () => {
    const h = await configured(WIDE_CONFIG);
    expect(h.last().paramsPerEpoch).toBe(P);
    expect(h.last().live.params).toHaveLength(P);
    expect(h.last().live.architecture).toEqual(WIDE);
    h.send({ type: 'set-stop-at', epoch: 2000 });
    h.send({ type: 'play' });
    await h.waitForFrame((f) => f.notice?.kind === 'stopped-at', 0, 20_000);

    const reference = createTrainer({
      params: initialParams('random', 42, 8),
      set: buildTrainingSet(WIDE_CONFIG.people, 'article'),
      sampleOrder: 'in-order',
      seed: 42,
      learningRate: 0.01,
      architecture: WIDE,
    });
    const losses = h.frames.flatMap((f) => Array.from(f.losses));
    const accuracies = h.frames.flatMap((f) => Array.from(f.accuracies));
    const params = h.frames.flatMap((f) => Array.from(f.params));
    expect(epochsIn(h.frames)).toEqual(Array.from({ length: 2001 }, (_, i) => i));
    expect(params).toHaveLength(2001 * P);
    expect(losses[0]).toBe(currentLoss(reference));
    for (let epoch = 1; epoch <= 2000; epoch++) {
      const loss = trainEpoch(reference);
      if (losses[epoch] !== loss) throw new Error(`epoch ${epoch}: loss ${losses[epoch]} != ${loss}`);
      if (accuracies[epoch] !== reference.accuracy) throw new Error(`epoch ${epoch}: accuracy differs`);
      for (let k = 0; k < P; k++) {
        if (params[epoch * P + k] !== reference.params[k]) throw new Error(`epoch ${epoch}: w${k} differs`);
      }
    }
    expect(losses[2000]!).toBeLessThan(losses[0]! / 10);
    expect(accuracies[2000]).toBe(1);
  });

  it('takes 4H + 1 parameters from the page (edits, branches) and refuses another count', async () => {
    const h = await configured({ ...WIDE_CONFIG, architecture: { ...WIDE, hidden: 3 } });
    expect(h.last().live.params).toHaveLength(13);
    let from = h.frames.length;
    h.send({ type: 'set-param', index: 12, value: 0.75 });
    h.send({ type: 'set-param', index: 13, value: 9 }); // no such parameter: ignored
    const edited = await h.waitForFrame((f) => f.live.params[12] === 0.75, from);
    expect(edited.live.params).toHaveLength(13);

    from = h.frames.length;
    h.send({ type: 'resume-from', epoch: 40, params: new Float64Array(9).fill(1) }); // a 2-2-1's: refused
    h.send({ type: 'resume-from', epoch: 50, params: new Float64Array(13).fill(0.5) });
    const branched = await h.waitForFrame((f) => f.live.epoch === 50, from);
    expect(Array.from(branched.live.params)).toEqual(new Array<number>(13).fill(0.5));
    expect(h.frames.slice(from).some((f) => f.live.epoch === 40)).toBe(false);
  });

  it('sets every parameter in one command, and ignores a wrong count or a value that is not finite', async () => {
    const h = await configured({ ...WIDE_CONFIG, architecture: { ...WIDE, hidden: 3 } });
    const values = Array.from({ length: 13 }, (_, i) => i / 4 - 1);
    const from = h.frames.length;
    h.send({ type: 'set-params', params: new Array<number>(9).fill(2) }); // a 2-2-1's: ignored
    h.send({ type: 'set-params', params: [...values.slice(1), Number.NaN] }); // not finite: ignored
    h.send({ type: 'set-params', params: values });
    const edited = await h.waitForFrame((f) => f.live.params[0] === values[0], from);
    expect(Array.from(edited.live.params)).toEqual(values);
    // One frame per command that took: the two refused ones changed nothing and said nothing.
    expect(h.frames.slice(from)).toHaveLength(1);
    // The loss the run reports is the one at the new parameters.
    const reference = createTrainer({
      params: values,
      set: buildTrainingSet(WIDE_CONFIG.people, WIDE_CONFIG.scaling),
      sampleOrder: 'in-order',
      seed: WIDE_CONFIG.seed,
      learningRate: WIDE_CONFIG.learningRate,
      architecture: { ...WIDE, hidden: 3 },
    });
    expect(edited.live.loss).toBe(currentLoss(reference));
  });

  it('a saved run of this size resumes where it was; one of another size starts afresh', async () => {
    const saved = Array.from({ length: 13 }, (_, i) => i / 10);
    const h = await configured({
      ...WIDE_CONFIG,
      architecture: { ...WIDE, hidden: 3 },
      resume: { epoch: 7, params: saved },
    });
    expect(h.last().live.epoch).toBe(7);
    expect(Array.from(h.last().live.params)).toEqual(saved);
    const from = h.frames.length;
    h.send({ type: 'configure', config: { ...WIDE_CONFIG, resume: { epoch: 7, params: saved } } });
    const fresh = await h.waitForFrame((f) => f.runId === 2, from);
    expect(fresh.live.epoch).toBe(0);
    expect(Array.from(fresh.live.params)).toEqual(Array.from(initialParams('random', 42, 8)));
  });
});

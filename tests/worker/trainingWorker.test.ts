import { afterEach, describe, expect, it } from 'vitest';
import { buildTrainingSet } from '../../src/core/trainingSet';
import { initialParams } from '../../src/core/init';
import { traceSample } from '../../src/core/backward';
import { createTrainer, currentLoss, trainEpoch, trainSample } from '../../src/core/trainer';
import { ARTICLE_CONFIG, epochsIn, startWorker, type WorkerHarness } from './harness';
import { checkTable } from '../../src/core/checkedTable';
import { noticeText } from '../../src/viz/noticeText';
import { ARTICLE_PEOPLE } from '../../src/core/dataset';

let harness: WorkerHarness;
afterEach(() => harness?.close());

function referenceTrainer(learningRate = 0.1) {
  return createTrainer({
    params: initialParams('ones', 7),
    set: buildTrainingSet(ARTICLE_CONFIG.people, 'article'),
    sampleOrder: 'in-order',
    seed: 7,
    learningRate,
  });
}

async function configured(): Promise<WorkerHarness> {
  harness = startWorker();
  harness.send({ type: 'configure', config: ARTICLE_CONFIG });
  await harness.waitForFrame((f) => f.runId === 1);
  return harness;
}

describe('the training worker', () => {
  it('starts a configured run paused at epoch 0 with the starting loss recorded', async () => {
    const h = await configured();
    const frame = h.last();
    expect(frame.status).toBe('paused');
    expect(frame.live.epoch).toBe(0);
    expect(frame.firstEpoch).toBe(0);
    expect(frame.count).toBe(1);
    expect(frame.losses[0]).toBeCloseTo(0.5071183179, 10);
    expect(Array.from(frame.live.params)).toEqual([1, 1, 1, 1, 1, 1, 0, 0, 0]);
  });

  it('Step epoch adds exactly one epoch, equal to the engine’s', async () => {
    const h = await configured();
    const from = h.frames.length;
    h.send({ type: 'step-epoch' });
    const frame = await h.waitForFrame((f) => f.live.epoch === 1, from);
    const reference = referenceTrainer();
    const loss = trainEpoch(reference);
    expect(frame.count).toBe(1);
    expect(frame.firstEpoch).toBe(1);
    expect(frame.losses[0]).toBe(loss);
    expect(Array.from(frame.live.params)).toEqual(Array.from(reference.params));
  });

  it('Step sample trains one person and reports their forward values and gradient', async () => {
    const h = await configured();
    let from = h.frames.length;
    h.send({ type: 'step-sample' });
    const first = await h.waitForFrame((f) => f.live.sample !== null, from);
    const alice = traceSample(initialParams('ones', 0), -2, -1, 1);
    expect(first.live.sample!.row).toBe(0);
    expect(Array.from(first.live.sample!.grad)).toEqual(Array.from(alice.grad));
    expect(Array.from(first.live.sample!.forward)).toEqual(Array.from(alice.forward));
    expect(Array.from(first.live.sample!.paramsBefore!)).toEqual([1, 1, 1, 1, 1, 1, 0, 0, 0]);
    expect(first.live.params[0]).toBeCloseTo(0.9978530465, 10);
    expect(first.live.epoch).toBe(0);
    expect(first.live.cursor).toBe(1);
    for (let i = 0; i < 3; i++) {
      from = h.frames.length;
      h.send({ type: 'step-sample' });
      await h.waitForFrame((f) => f.live.cursor === (i + 2) % 4, from);
    }
    expect(h.last().live.epoch).toBe(1);
    expect(h.last().count).toBe(1);
    expect(h.last().live.sample!.row).toBe(3);
  });

  it('Play trains until Pause, and nothing moves after Pause', async () => {
    const h = await configured();
    h.send({ type: 'set-speed', epochsPerSecond: null });
    h.send({ type: 'play' });
    await h.waitForFrame((f) => f.status === 'running' && f.live.epoch > 500);
    h.send({ type: 'pause' });
    const paused = await h.waitForFrame((f) => f.status === 'paused', h.frames.length - 1);
    const count = h.frames.length;
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(h.frames.length).toBe(count);
    expect(h.last().live.epoch).toBe(paused.live.epoch);
    expect(paused.live.loss).toBeLessThan(0.5071183179);
  });

  it('a burst of 10,000 epochs arrives in a few frames holding every epoch exactly once, as the engine computes them', async () => {
    const h = await configured();
    h.send({ type: 'set-speed', epochsPerSecond: null });
    h.send({ type: 'set-stop-at', epoch: 10_000 });
    h.send({ type: 'play' });
    await h.waitForFrame((f) => f.notice?.kind === 'stopped-at', 0, 20_000);
    const epochs = epochsIn(h.frames);
    expect(epochs).toEqual(Array.from({ length: 10_001 }, (_, i) => i));
    const withEpochs = h.frames.filter((f) => f.count > 0).length;
    expect(withEpochs).toBeLessThan(200);

    const reference = referenceTrainer();
    const losses = h.frames.flatMap((f) => Array.from(f.losses));
    const params = h.frames.flatMap((f) => Array.from(f.params));
    expect(losses[0]).toBe(currentLoss(reference));
    for (let epoch = 1; epoch <= 10_000; epoch++) {
      const loss = trainEpoch(reference);
      if (losses[epoch] !== loss) throw new Error(`epoch ${epoch}: ${losses[epoch]} != ${loss}`);
    }
    expect(params.slice(10_000 * 9)).toEqual(Array.from(reference.params));
    expect(h.last().status).toBe('paused');
    expect(h.last().live.epoch).toBe(10_000);
  });

  // Up to 2^18 epochs wait for the page here, then arrive in one frame: slow on a busy machine.
  it(
    'holds frames back while the page has not handed its frames back, and loses no epoch meanwhile',
    { timeout: 20_000 },
    async () => {
      harness = startWorker({ recycle: false });
      const h = harness;
      h.send({ type: 'configure', config: ARTICLE_CONFIG });
      await h.waitForFrame((f) => f.runId === 1);
      h.send({ type: 'set-speed', epochsPerSecond: null });
      h.send({ type: 'play' });
      await new Promise((resolve) => setTimeout(resolve, 300));
      // configure's frame, play's frame, then nothing until the page hands frames back.
      expect(h.frames.length).toBe(2);
      const empty = new Float64Array(0);
      for (let i = 0; i < 2; i++)
        h.send({ type: 'recycle', losses: empty, accuracies: empty, params: empty });
      await h.waitForFrame((f) => f.count > 1000, 2);
      h.send({ type: 'pause' });
      await h.waitForFrame((f) => f.status === 'paused', 3);
      const epochs = epochsIn(h.frames);
      expect(epochs).toEqual(Array.from({ length: epochs.length }, (_, i) => i));
    },
  );

  it('Reset goes back to epoch 0 with the same start, as a new run', async () => {
    const h = await configured();
    h.send({ type: 'step-epoch' });
    h.send({ type: 'step-epoch' });
    await h.waitForFrame((f) => f.live.epoch === 2);
    h.send({ type: 'reset' });
    const reset = await h.waitForFrame((f) => f.runId === 2);
    expect(reset.live.epoch).toBe(0);
    expect(Array.from(reset.live.params)).toEqual([1, 1, 1, 1, 1, 1, 0, 0, 0]);
    expect(reset.firstEpoch).toBe(0);
  });

  it('a learning-rate change applies from the next sample, without a reset', async () => {
    const h = await configured();
    h.send({ type: 'step-sample' });
    h.send({ type: 'set-learning-rate', learningRate: 1 });
    h.send({ type: 'step-sample' });
    const frame = await h.waitForFrame((f) => f.live.cursor === 2);
    const reference = referenceTrainer(0.1);
    trainSample(reference);
    reference.learningRate = 1;
    trainSample(reference);
    expect(frame.runId).toBe(1);
    expect(frame.live.learningRate).toBe(1);
    expect(Array.from(frame.live.params)).toEqual(Array.from(reference.params));
  });

  it('Stop at epoch pauses the run there and says so', async () => {
    const h = await configured();
    h.send({ type: 'set-stop-at', epoch: 50 });
    h.send({ type: 'set-speed', epochsPerSecond: null });
    h.send({ type: 'play' });
    const stopped = await h.waitForFrame((f) => f.notice?.kind === 'stopped-at');
    expect(stopped.status).toBe('paused');
    expect(stopped.live.epoch).toBe(50);
    expect(stopped.notice).toEqual({ kind: 'stopped-at', epoch: 50 });
    expect(noticeText(stopped.notice!)).toContain('epoch 50');
  });

  it('a run that blows up pauses, reports the epoch, and rolls back instead of passing NaN on', async () => {
    const h = await configured();
    // Opposite huge weights into h1 make Bob's weighted sum Infinity - Infinity = NaN.
    h.send({ type: 'set-param', index: 0, value: 1e308 });
    h.send({ type: 'set-param', index: 1, value: -1e308 });
    h.send({ type: 'set-speed', epochsPerSecond: null });
    h.send({ type: 'play' });
    const diverged = await h.waitForFrame((f) => f.notice?.kind === 'diverged');
    expect(diverged.status).toBe('paused');
    expect(diverged.notice).toMatchObject({
      kind: 'diverged',
      cause: 'not-finite',
      epoch: 1,
      lastGoodEpoch: 0,
    });
    expect(noticeText(diverged.notice!)).toMatch(/blew up at epoch 1\b/);
    expect(epochsIn(h.frames)).toEqual([0]);
    expect(h.frames.every((f) => Array.from(f.losses).every(Number.isFinite))).toBe(true);
    expect(Array.from(diverged.live.params)).toEqual([1, 1, 1, 1, 1, 1, 0, 0, 0]);
    expect(diverged.live.epoch).toBe(0);
  });

  it('takes the table already checked (as the app sends it) and trains on it exactly as on the people', async () => {
    const people = [
      ...ARTICLE_PEOPLE,
      { id: 'bad', name: 'Bad', weight: 'abc', height: '60', gender: 'F' as const },
    ];
    const typed = startWorker();
    typed.send({ type: 'configure', config: { ...ARTICLE_CONFIG, people, scaling: 'standardize' } });
    typed.send({ type: 'step-epoch' });
    const fromPeople = await typed.waitForFrame((f) => f.live.epoch === 1);
    typed.close();
    const h = (harness = startWorker());
    h.send({
      type: 'configure',
      config: { ...ARTICLE_CONFIG, people: checkTable(people), scaling: 'standardize' },
    });
    h.send({ type: 'set-data', people: checkTable(people.slice(1)) }); // an edit arrives checked too
    h.send({ type: 'set-data', people: checkTable(people) });
    h.send({ type: 'step-epoch' });
    const fromChecked = await h.waitForFrame((f) => f.live.epoch === 1);
    expect(fromChecked.live.sampleCount).toBe(4);
    expect(Array.from(fromChecked.live.params)).toEqual(Array.from(fromPeople.live.params));
    expect(fromChecked.live.loss).toBe(fromPeople.live.loss);
  });

  it('edits to the table apply from the next epoch and a table with no valid rows cannot play', async () => {
    const h = await configured();
    h.send({ type: 'set-data', people: ARTICLE_PEOPLE.slice(0, 3) });
    h.send({ type: 'step-epoch' });
    const three = await h.waitForFrame((f) => f.live.epoch === 1);
    expect(three.live.sampleCount).toBe(3);
    h.send({ type: 'set-data', people: [{ id: 'x', name: 'X', weight: 'abc', height: '60', gender: 'F' }] });
    const from = h.frames.length;
    h.send({ type: 'play' });
    const refused = await h.waitForFrame((f) => f.notice?.kind === 'cannot-train', from);
    expect(refused.status).toBe('paused');
    expect(refused.notice).toEqual({ kind: 'cannot-train', reason: 'no-valid-rows' });
    expect(noticeText(refused.notice!)).toMatch(/No valid rows/);
  });
});

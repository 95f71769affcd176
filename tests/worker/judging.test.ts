import { afterEach, describe, expect, it } from 'vitest';
import { ARTICLE_ARCHITECTURE } from '../../src/core/architecture';
import { ARTICLE_PEOPLE } from '../../src/core/dataset';
import { networkOf } from '../../src/core/engine';
import { initialParams } from '../../src/core/init';
import { createTrainer, currentLoss, trainEpoch } from '../../src/core/trainer';
import { buildTrainingSet } from '../../src/core/trainingSet';
import { checkTable } from '../../src/core/checkedTable';
import { tableAccuracy } from '../../src/store/derived';
import { noticeText } from '../../src/viz/noticeText';
import { PlateauWatch } from '../../src/worker/plateau';
import type { RunConfig } from '../../src/worker/protocol';
import { ARTICLE_CONFIG, epochsIn, startWorker, type WorkerHarness } from './harness';

let harness: WorkerHarness;
afterEach(() => harness?.close());

async function configured(config: RunConfig = ARTICLE_CONFIG): Promise<WorkerHarness> {
  harness = startWorker();
  harness.send({ type: 'configure', config });
  await harness.waitForFrame((f) => f.runId === 1);
  harness.send({ type: 'set-speed', epochsPerSecond: null });
  return harness;
}

function referenceTrainer(config: RunConfig) {
  return createTrainer({
    params: initialParams(config.initialWeights, config.seed),
    set: buildTrainingSet(config.people, config.scaling),
    sampleOrder: config.sampleOrder,
    seed: config.seed,
    learningRate: config.learningRate,
  });
}

/** Runs until the worker pauses itself with this kind of notice. */
async function playUntil(h: WorkerHarness, kind: string, timeoutMs = 20_000) {
  const from = h.frames.length;
  h.send({ type: 'play' });
  return h.waitForFrame((f) => f.notice?.kind === kind, from, timeoutMs);
}

describe('accuracy over time', () => {
  it('arrives with every epoch, equal to the engine’s and to the Training status’s count', async () => {
    const h = await configured();
    h.send({ type: 'set-stop-at', epoch: 300 });
    await playUntil(h, 'stopped-at');
    const accuracies = h.frames.flatMap((f) => Array.from(f.accuracies));
    const params = h.frames.flatMap((f) => Array.from(f.params));
    expect(epochsIn(h.frames)).toHaveLength(301);
    expect(accuracies).toHaveLength(301);
    const reference = referenceTrainer(ARTICLE_CONFIG);
    const seen = new Set<number>();
    for (let epoch = 0; epoch <= 300; epoch++) {
      if (epoch > 0) trainEpoch(reference);
      else currentLoss(reference); // measures the starting accuracy
      if (accuracies[epoch] !== reference.accuracy) throw new Error(`epoch ${epoch}: not the engine’s`);
      const recorded = Float64Array.from(params.slice(epoch * 9, epoch * 9 + 9));
      expect(recorded).toEqual(reference.params);
      // and the one the status works out on the main thread when paused
      const shown = tableAccuracy(
        checkTable(ARTICLE_PEOPLE),
        networkOf(ARTICLE_ARCHITECTURE, reference.params, reference.set.scaling),
      );
      if (accuracies[epoch] !== shown.accuracy) throw new Error(`epoch ${epoch}: ${accuracies[epoch]}`);
      seen.add(accuracies[epoch]!);
    }
    // From All ones the network starts at chance and learns the four people: the accuracy really moves.
    expect(accuracies[0]).toBe(0.5);
    expect(accuracies[300]).toBe(1);
    expect(seen.size).toBeGreaterThan(1);
  });
});

describe('Stop at loss', () => {
  it('pauses at the first epoch whose loss is at or below it and says so; Play goes on past it', async () => {
    const h = await configured();
    h.send({ type: 'set-stop-at-loss', loss: 0.05 });
    const stopped = await playUntil(h, 'stopped-at-loss');

    const reference = referenceTrainer(ARTICLE_CONFIG);
    let expected = 0;
    let loss = currentLoss(reference);
    while (loss > 0.05) {
      loss = trainEpoch(reference);
      expected += 1;
    }
    expect(expected).toBeGreaterThan(10);
    expect(stopped.status).toBe('paused');
    expect(stopped.live.epoch).toBe(expected);
    expect(stopped.live.loss).toBe(loss);
    expect(stopped.notice).toEqual({ kind: 'stopped-at-loss', epoch: expected, loss, limit: 0.05 });
    expect(noticeText(stopped.notice!)).toBe(
      `Paused at epoch ${expected}: the loss ${Number(loss.toPrecision(4))} reached 0.05, as set in Stop at loss.`,
    );
    expect(epochsIn(h.frames)).toEqual(Array.from({ length: expected + 1 }, (_, i) => i));

    // Under the limit already: Play trains on instead of stopping again at once.
    const from = h.frames.length;
    h.send({ type: 'play' });
    await h.waitForFrame((f) => f.live.epoch > expected + 100, from);
    const beforePause = h.frames.length;
    h.send({ type: 'pause' });
    const paused = await h.waitForFrame((f) => f.status === 'paused', beforePause);
    expect(paused.notice).toBeNull();
  });

  it('no limit (null) never stops the run', async () => {
    const h = await configured();
    h.send({ type: 'set-stop-at-loss', loss: 0.05 });
    h.send({ type: 'set-stop-at-loss', loss: null });
    h.send({ type: 'set-stop-at', epoch: 2000 });
    const stopped = await playUntil(h, 'stopped-at');
    expect(stopped.live.epoch).toBe(2000);
    expect(stopped.live.loss).toBeLessThan(0.05);
  });
});

describe('the loss has stopped improving', () => {
  // Learning rate 1 with raw inputs saturates the sigmoids: the loss falls to what guessing 0.5 costs
  // and never gets better (rate 10 blows up: see below).
  const stuck: RunConfig = { ...ARTICLE_CONFIG, scaling: 'none', learningRate: 1 };

  it('is noticed on a stuck run, once, with its best loss and how long it has lasted; Reset clears it', async () => {
    const h = await configured(stuck);
    h.send({ type: 'set-stop-at', epoch: 3000 });
    await playUntil(h, 'stopped-at');
    const noticed = h.frames.filter((f) => f.live.plateau !== null);
    expect(noticed.length).toBeGreaterThan(0);
    const first = noticed[0]!.live.plateau!;
    // The same notice in every later frame: said once, not re-raised or re-counted.
    expect(noticed.every((f) => noticeText(f.live.plateau!) === noticeText(first))).toBe(true);
    expect(h.frames.indexOf(noticed[0]!) + noticed.length).toBe(h.frames.length);

    // What the rule says, worked out from the engine's own losses.
    const reference = referenceTrainer(stuck);
    let best = currentLoss(reference);
    let bestEpoch = 0;
    let noticedAt = -1;
    for (let epoch = 1; noticedAt < 0; epoch++) {
      const loss = trainEpoch(reference);
      if (loss < best * 0.99) [best, bestEpoch] = [loss, epoch];
      else if (epoch - bestEpoch >= Math.max(200, 0.1 * epoch)) noticedAt = epoch;
    }
    expect(first).toMatchObject({ best, since: bestEpoch, epoch: noticedAt });
    expect(noticeText(first)).toBe(
      `The loss has stopped improving (no better than ${Number(best.toPrecision(4))} for the last ` +
        `${(noticedAt - bestEpoch).toLocaleString('en-US')} epochs). Try a higher learning rate, ` +
        'more hidden neurons, or Reset with another seed.',
    );

    h.send({ type: 'reset' });
    const reset = await h.waitForFrame((f) => f.runId === 2);
    expect(reset.live.plateau).toBeNull();
  });

  it('is not raised on a run that is learning (the article’s defaults, 20,000 epochs)', async () => {
    const h = await configured({ ...ARTICLE_CONFIG, initialWeights: 'random', seed: 42 });
    h.send({ type: 'set-stop-at', epoch: 20_000 });
    const stopped = await playUntil(h, 'stopped-at');
    expect(stopped.live.loss).toBeLessThan(1e-3);
    expect(h.frames.every((f) => f.live.plateau === null)).toBe(true);
  });

  it('clears when the loss improves by 1 % again, and a later plateau is noticed anew', () => {
    const watch = new PlateauWatch();
    watch.setLearningRate(0.1);
    watch.restart(0.3, 0);
    for (let epoch = 1; epoch < 200; epoch++) watch.observe(0.299, epoch); // 0.3 % better: not progress
    expect(watch.notice).toBeNull();
    watch.observe(0.299, 200);
    expect(watch.notice).toMatchObject({ best: 0.3, since: 0, epoch: 200 });
    const first = watch.notice;
    watch.observe(0.298, 201);
    expect(watch.notice).toBe(first); // the same notice, said once
    watch.observe(0.2, 202);
    expect(watch.notice).toBeNull();
    // Past 2,000 epochs the window is a tenth of the run: from epoch 3,000 it ends at epoch 3,334.
    watch.observe(0.1, 3000);
    for (let epoch = 3001; epoch <= 3333; epoch++) watch.observe(0.1, epoch);
    expect(watch.notice).toBeNull();
    watch.observe(0.1, 3334);
    expect(watch.notice).toEqual({
      ...{ kind: 'plateau', best: 0.1, since: 3000, epoch: 3334 },
      ...{ rose: false, learningRate: 0.1, hidden: 2 },
    });
    expect(noticeText(watch.notice!)).toMatch(/no better than 0\.1 for the last 334 epochs/);
  });

  it('says nothing once the loss is next to nothing: the network fits its data', () => {
    const watch = new PlateauWatch();
    watch.restart(1e-7, 0);
    for (let epoch = 1; epoch <= 10_000; epoch++) watch.observe(1e-7, epoch);
    expect(watch.notice).toBeNull();
  });
});

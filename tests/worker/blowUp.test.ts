import { afterEach, describe, expect, it } from 'vitest';
import { ARTICLE_ARCHITECTURE } from '../../src/core/architecture';
import { ARTICLE_PEOPLE } from '../../src/core/dataset';
import { initialParams } from '../../src/core/init';
import { createTrainer, currentLoss } from '../../src/core/trainer';
import { buildTrainingSet } from '../../src/core/trainingSet';
import { noticeText } from '../../src/viz/noticeText';
import { EpochBatch } from '../../src/worker/batch';
import { BLOW_UP_WINDOW, BlowUpWatch } from '../../src/worker/blowUp';
import { PlateauWatch } from '../../src/worker/plateau';
import type { DivergedNotice, RunConfig } from '../../src/worker/protocol';
import { ARTICLE_CONFIG, epochsIn, startWorker, type WorkerHarness } from './harness';

let harness: WorkerHarness;
afterEach(() => harness?.close());

async function playing(config: RunConfig): Promise<WorkerHarness> {
  harness = startWorker();
  harness.send({ type: 'configure', config });
  await harness.waitForFrame((f) => f.runId === 1);
  harness.send({ type: 'set-speed', epochsPerSecond: null });
  harness.send({ type: 'play' });
  return harness;
}

// The lab's defaults (random weights, seed 42) with ReLU, cross-entropy, rate 10 and raw inputs: the loss
// jumps from 0.73 to 2.77 in one epoch and stays near 2.47 for good.
const relu: RunConfig = {
  ...ARTICLE_CONFIG,
  initialWeights: 'random',
  seed: 42,
  scaling: 'none',
  learningRate: 10,
  architecture: { ...ARTICLE_ARCHITECTURE, activation: 'relu', loss: 'bce' },
};

describe('a run that blows up while its loss is still finite', () => {
  it('pauses, goes back to its best epoch and says what happened and what to try', async () => {
    const h = await playing(relu);
    const blown = await h.waitForFrame((f) => f.notice?.kind === 'diverged');
    const notice = blown.notice as DivergedNotice;
    const start = createTrainer({
      params: initialParams('random', 42),
      set: buildTrainingSet(ARTICLE_PEOPLE, 'none'),
      sampleOrder: 'in-order',
      seed: 42,
      learningRate: 10,
      architecture: relu.architecture,
    });
    const startLoss = currentLoss(start);
    expect(notice).toMatchObject({
      cause: 'loss-far-above-best',
      epoch: BLOW_UP_WINDOW,
      lastGoodEpoch: 0,
      lastGoodLoss: startLoss,
    });
    expect(notice.loss).toBeGreaterThan(2.4);
    expect(blown.status).toBe('paused');
    expect(blown.live.epoch).toBe(0);
    expect(Array.from(blown.live.params)).toEqual(Array.from(start.params));
    expect(noticeText(notice)).toBe(
      `Training blew up at epoch 10: the loss rose to ${Number(notice.loss.toPrecision(4))} and stayed far ` +
        'above its best for 10 epochs. Each step at learning rate 10 moved the weights too far. ' +
        `The parameters are back at epoch 0 (loss ${Number(startLoss.toPrecision(4))}). ` +
        'Try a lower learning rate or Standardize in Input scaling, then press Play.',
    );
    // Trained on with a lower rate, the run goes on from the good epoch: epoch 1 again, once.
    const from = h.frames.length;
    h.send({ type: 'set-learning-rate', learningRate: 0.1 });
    h.send({ type: 'set-stop-at', epoch: 5 });
    h.send({ type: 'play' });
    await h.waitForFrame((f) => f.notice?.kind === 'stopped-at', from);
    expect(epochsIn(h.frames.slice(from))).toEqual([1, 2, 3, 4, 5]);
  });

  it('catches parameters that grow past their bound at the first epoch (rate 1,000,000)', async () => {
    const h = await playing({ ...ARTICLE_CONFIG, learningRate: 1e6 });
    const blown = await h.waitForFrame((f) => f.notice?.kind === 'diverged');
    expect(blown.notice).toMatchObject({ cause: 'params-too-large', epoch: 1, lastGoodEpoch: 0 });
    expect(Array.from(blown.live.params)).toEqual([1, 1, 1, 1, 1, 1, 0, 0, 0]);
    expect(epochsIn(h.frames)).toEqual([0]);
  });

  it('leaves a run that learns alone (the article’s defaults, 5,000 epochs)', async () => {
    const h = await playing({ ...ARTICLE_CONFIG, initialWeights: 'random', seed: 42 });
    h.send({ type: 'set-stop-at', epoch: 5000 });
    await h.waitForFrame((f) => f.notice?.kind === 'stopped-at', 0, 20_000);
    expect(h.frames.some((f) => f.notice?.kind === 'diverged')).toBe(false);
  });
});

describe('the blow-up rule', () => {
  const newTrainer = () =>
    createTrainer({
      params: initialParams('ones', 1),
      set: buildTrainingSet(ARTICLE_PEOPLE, 'article'),
      sampleOrder: 'in-order',
      seed: 1,
      learningRate: 0.1,
    });
  const record = (batch: EpochBatch, epoch: number, loss: number, param: number): void => {
    batch.record(
      epoch,
      loss,
      1,
      Float64Array.from({ length: 9 }, () => param),
    );
  };

  it('forgives a spike that comes back within the window, but not one that stays; never below the guess', () => {
    const watch = new BlowUpWatch(new EpochBatch());
    watch.anchor(newTrainer(), 0.1);
    for (let epoch = 1; epoch < BLOW_UP_WINDOW; epoch++) expect(watch.observe(0.9, epoch)).toBe(false);
    expect(watch.observe(0.05, BLOW_UP_WINDOW)).toBe(false); // came back: the count starts again
    // Far above the best (0.05) but under what guessing 0.5 costs (MSE 0.25): not a blow-up.
    for (let epoch = 11; epoch < 100; epoch++) expect(watch.observe(0.2, epoch)).toBe(false);
    for (let epoch = 100; epoch < 100 + BLOW_UP_WINDOW - 1; epoch++) watch.observe(0.3, epoch);
    expect(watch.observe(0.3, 100 + BLOW_UP_WINDOW - 1)).toBe(true);
  });

  it('goes back to the epoch with the lowest loss, not the last one before the blow-up', () => {
    const batch = new EpochBatch();
    const watch = new BlowUpWatch(batch);
    const t = newTrainer();
    watch.anchor(t, 0.4);
    record(batch, 0, 0.4, 1);
    [0.3, 0.2, 0.25, 0.6].forEach((loss, i) => {
      record(batch, i + 1, loss, i + 2);
      watch.observe(loss, i + 1);
    });
    t.epoch = 4;
    expect(watch.rollBack(t)).toEqual({ epoch: 2, loss: 0.2 });
    expect(t.epoch).toBe(2);
    expect(Array.from(t.params)).toEqual(new Array(9).fill(3));
    expect(batch.count).toBe(3); // epochs 0..2 are left to hand over
  });
});

describe('the plateau notice after the loss rose', () => {
  it('knows the loss rose on the plateau, and follows the learning rate', () => {
    const watch = new PlateauWatch();
    watch.setLearningRate(0.5);
    watch.restart(0.3, 0);
    for (let epoch = 1; epoch <= 200; epoch++) watch.observe(0.3, epoch);
    expect(watch.notice).toMatchObject({ rose: false, learningRate: 0.5 });
    expect(noticeText(watch.notice!)).toContain('Try a higher learning rate');
    watch.observe(0.4, 201);
    expect(watch.notice).toMatchObject({ rose: true });
    expect(noticeText(watch.notice!)).not.toContain('higher');
    watch.setLearningRate(10);
    expect(watch.notice).toMatchObject({ learningRate: 10 });
  });
});

describe('a setting that starts the run again while it plays', () => {
  it('starts it again from epoch 0 and plays on, as the advanced settings say', async () => {
    const h = await playing({ ...ARTICLE_CONFIG, initialWeights: 'random', seed: 42 });
    await h.waitForFrame((f) => f.live.epoch > 100);
    h.send({ type: 'configure', config: { ...ARTICLE_CONFIG, initialWeights: 'random', seed: 43 } });
    const next = await h.waitForFrame((f) => f.runId === 2 && f.live.epoch > 50);
    expect(next.status).toBe('running');
  });
});

import { describe, expect, it } from 'vitest';
import { ARTICLE_PEOPLE } from '../../src/core/dataset';
import { initialParams } from '../../src/core/init';
import { createTrainer, currentLoss, trainEpoch } from '../../src/core/trainer';
import { buildTrainingSet } from '../../src/core/trainingSet';
import { EpochBatch } from '../../src/worker/batch';
import { BlowUpWatch } from '../../src/worker/blowUp';
import { EpochRuns } from '../../src/worker/epochRuns';
import { PlateauWatch } from '../../src/worker/plateau';
import type { FrameMessage, RunConfig, WorkerMessage } from '../../src/worker/protocol';
import { StopRules } from '../../src/worker/stops';
import { TrainingSession } from '../../src/worker/session';

const CONFIG: RunConfig = {
  people: ARTICLE_PEOPLE,
  scaling: 'article',
  initialWeights: 'random',
  seed: 42,
  sampleOrder: 'in-order',
  learningRate: 0.1,
};

function articleTrainer() {
  return createTrainer({
    params: initialParams('random', 42),
    set: buildTrainingSet(ARTICLE_PEOPLE, 'article'),
    sampleOrder: 'in-order',
    seed: 42,
    learningRate: 0.1,
  });
}

describe('runs of epochs', () => {
  it('start with short calls (1, 2, 4 … epochs) so the JIT has seen every line before a long one', () => {
    const batch = new EpochBatch();
    const blowUp = new BlowUpWatch(batch);
    const trainer = articleTrainer();
    blowUp.anchor(trainer, currentLoss(trainer));
    const judge = { blewUp: () => {}, stopped: () => {}, refuse: () => {} };
    const runs = new EpochRuns(batch, blowUp, new PlateauWatch(), new StopRules(), judge);
    const sizes: number[] = [];
    for (let call = 0; call < 13; call++) {
      sizes.push(runs.train(trainer, 1024, false));
      batch.clear();
    }
    expect(sizes).toEqual([1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024, 1024, 1024]);
    // and every one of those epochs is the engine's
    const reference = articleTrainer();
    for (let e = 0; e < trainer.epoch; e++) trainEpoch(reference);
    expect(trainer.params).toEqual(reference.params);
  });
});

/** A session at full speed on a clock that moves 1 ms per look, with a page that hands every frame back at once. */
function session() {
  const frames: FrameMessage[] = [];
  const queued: (() => void)[] = [];
  let clock = 0;
  const s: TrainingSession = new TrainingSession({
    post: (message: WorkerMessage) => {
      if (message.type !== 'frame') return;
      frames.push(structuredClone(message)); // the page's copy; the buffers go back
      const { losses, accuracies, params } = message;
      s.handle({ type: 'recycle', losses, accuracies, params });
    },
    now: () => clock++,
    yieldThen: (task) => queued.push(task),
    after: (_ms, task) => queued.push(task),
  });
  s.handle({ type: 'configure', config: CONFIG });
  s.handle({ type: 'set-speed', epochsPerSecond: null });
  return {
    frames,
    send: s.handle.bind(s),
    runAll() {
      for (let task = queued.shift(); task; task = queued.shift()) task();
    },
  };
}

describe('a playing run in long calls', () => {
  it('reports every epoch once, in order, and stops exactly at the stop epoch', () => {
    const run = session();
    const stopAt = 10_007; // not a multiple of any call's size
    run.send({ type: 'set-stop-at', epoch: stopAt });
    run.send({ type: 'play' });
    run.runAll();
    const last = run.frames.at(-1)!;
    expect(last.status).toBe('paused');
    expect(last.notice).toEqual({ kind: 'stopped-at', epoch: stopAt });
    expect(last.live.epoch).toBe(stopAt);
    const epochs = run.frames.flatMap((f) => Array.from({ length: f.count }, (_, i) => f.firstEpoch + i));
    expect(epochs).toEqual(Array.from({ length: stopAt + 1 }, (_, i) => i));
    // every recorded epoch's loss is the engine's
    const reference = articleTrainer();
    const losses = run.frames.flatMap((f) => Array.from(f.losses.subarray(0, f.count)));
    for (let e = 1; e <= stopAt; e++) {
      const loss = trainEpoch(reference);
      if (!Object.is(losses[e], loss))
        throw new Error(`epoch ${e}: ${losses[e]} is not the engine's ${loss}`);
    }
    expect(last.live.params).toEqual(reference.params);
  });
});

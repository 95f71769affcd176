import { afterEach, describe, expect, it } from 'vitest';
import { ARTICLE_ARCHITECTURE, type Architecture } from '../../src/core/architecture';
import { checkTable } from '../../src/core/checkedTable';
import { metricsInto } from '../../src/core/engine';
import { METRICS_SIZE, METRIC_ACCURACY, METRIC_LOSS } from '../../src/core/netLoss';
import { testMaskOf } from '../../src/core/split';
import { OVERFITTING_RUN, noisyPeople } from '../../src/components/Tour/overfittingLab';
import { Evaluator, type EvaluatedMessage, type EvaluatorCommand } from '../../src/worker/evaluation';
import { EVALUATION_TIMEOUT_MS, type EvaluatorLink } from '../../src/worker/frameRelay';
import type { FrameMessage, RunConfig, WorkerMessage } from '../../src/worker/protocol';
import { splitSets } from '../../src/worker/runStart';
import { TrainingSession } from '../../src/worker/session';
import { startWorker, type WorkerHarness } from './harness';

const RUN = OVERFITTING_RUN;
const people = noisyPeople(RUN.people, RUN.dataSeed, RUN.labelNoise);
const testRows = testMaskOf(people, checkTable(people), RUN.seed, RUN.trainingShare)!;
const base: RunConfig = {
  people,
  scaling: 'standardize',
  initialWeights: 'random',
  seed: RUN.seed,
  sampleOrder: 'shuffled',
  learningRate: RUN.learningRate,
  testRows,
};
const WIDE: Architecture = { ...ARTICLE_ARCHITECTURE, hidden: 8, activation: 'tanh', batchSize: 1 };

/**
 * A session whose evaluation worker is an in-process Evaluator that answers only when told (`answer`),
 * on a clock that moves 1 ms per look (and on `advance`); every frame posted, every slice queued, kept.
 */
function harness(config: RunConfig, options: { evaluator?: 'answers' | 'none' | 'cannot-start' } = {}) {
  const frames: FrameMessage[] = [];
  const queued: (() => void)[] = [];
  const timers: { at: number; task: () => void }[] = [];
  const inbox: EvaluatorCommand[] = [];
  let clock = 0;
  let started = 0;
  let terminated = false;
  const kind = options.evaluator ?? 'answers';
  const session: TrainingSession = new TrainingSession({
    post: (message: WorkerMessage) => {
      if (message.type !== 'frame') return;
      // Keep a copy and hand the buffers back, as the page does: the session fills them again.
      frames.push(structuredClone(message));
      const { losses, accuracies, params, testLosses, testAccuracies } = message;
      session.handle({ type: 'recycle', losses, accuracies, params, testLosses, testAccuracies });
    },
    now: () => clock++, // each look moves it on: a slice ends after eight
    yieldThen: (task) => queued.push(task),
    after: (ms, task) => timers.push({ at: clock + ms, task }),
    ...(kind === 'none'
      ? {}
      : {
          startEvaluator: (): EvaluatorLink | null => {
            started += 1;
            if (kind === 'cannot-start') return null;
            return {
              post: (message) => inbox.push(structuredClone(message)),
              terminate: () => {
                terminated = true;
              },
            };
          },
        }),
  });
  const evaluator = new Evaluator((message: EvaluatedMessage) => session.relay.evaluated(message));
  session.handle({ type: 'configure', config });
  session.handle({ type: 'set-speed', epochsPerSecond: null });
  return {
    session,
    frames,
    inbox,
    started: () => started,
    terminated: () => terminated,
    /** Runs `slices` slices of training, 16 ms apart on the clock (a frame goes out after each). */
    play(slices: number) {
      session.handle({ type: 'play' });
      for (let i = 0; i < slices; i++) {
        clock += 16;
        queued.shift()?.();
      }
      session.handle({ type: 'pause' });
    },
    /** The evaluation worker answers everything sent to it so far. */
    answer() {
      while (inbox.length > 0) evaluator.handle(inbox.shift()!);
    },
    /** Moves the clock on, running the timers that come due. */
    advance(ms: number) {
      clock += ms;
      for (const timer of timers.splice(0).filter((t) => t.at <= clock || !timers.push(t))) timer.task();
    },
  };
}

/** Every epoch in the frames, with its parameters and test figures. */
function epochsOf(frames: FrameMessage[]) {
  const epochs: { epoch: number; params: Float64Array; testLoss: number; testAccuracy: number }[] = [];
  for (const frame of frames) {
    const stride = frame.paramsPerEpoch;
    for (let i = 0; i < frame.count; i++) {
      epochs.push({
        epoch: frame.firstEpoch + i,
        params: frame.params.slice(i * stride, (i + 1) * stride),
        testLoss: frame.testLosses![i]!,
        testAccuracy: frame.testAccuracies![i]!,
      });
    }
  }
  return epochs;
}

/** The straightforward computation: the engine's metrics of that epoch's parameters over the test rows. */
function expectExactTestMetrics(frames: FrameMessage[], architecture: Architecture, atLeast = 10) {
  const { test } = splitSets(people, base, testRows);
  const out = new Float64Array(METRICS_SIZE);
  const epochs = epochsOf(frames);
  expect(epochs.length).toBeGreaterThanOrEqual(atLeast);
  for (const { params, testLoss, testAccuracy } of epochs) {
    metricsInto(architecture, params, test!.inputs, test!.targets, test!.count, out);
    expect(testLoss).toBe(out[METRIC_LOSS]);
    expect(testAccuracy).toBe(out[METRIC_ACCURACY]);
  }
}

describe('test metrics measured on the evaluation worker', () => {
  it.each<[string, Architecture]>([
    ['the article’s network', ARTICLE_ARCHITECTURE],
    ['8 tanh neurons', WIDE],
  ])('%s: every played epoch’s test loss and accuracy are the engine’s, bit for bit', (_, architecture) => {
    const run = harness({ ...base, architecture });
    run.play(3);
    // Only the start (epoch 0) is out: the played epochs wait for their test figures.
    expect(epochsOf(run.frames).map((e) => e.epoch)).toEqual([0]);
    expect(run.inbox.some((message) => message.type === 'evaluate')).toBe(true);
    run.answer();
    expect(run.frames.at(-1)!.status).toBe('paused');
    expectExactTestMetrics(run.frames, architecture);
  });

  it('holds the frames in order, each with whole epochs, until their answers come', () => {
    const run = harness(base);
    run.play(4);
    run.answer();
    const epochs = epochsOf(run.frames).map((e) => e.epoch);
    expect(epochs).toEqual(Array.from({ length: epochs.length }, (_, i) => i));
    expect(epochsOf(run.frames).every((e) => Number.isFinite(e.testLoss))).toBe(true);
  });

  it('a step shows that epoch’s test metrics at once, with no answer from the evaluation worker', () => {
    const run = harness(base);
    run.session.handle({ type: 'step-epoch' });
    const frame = run.frames.at(-1)!;
    expect(frame.live.epoch).toBe(1);
    expect(Number.isFinite(frame.testLosses![frame.count - 1])).toBe(true);
    expect(run.started()).toBe(0); // nothing to hand over: no evaluation worker yet
    expectExactTestMetrics([frame], ARTICLE_ARCHITECTURE, 1);
  });

  it('starts no evaluation worker for a run without test rows', () => {
    const run = harness({ ...base, testRows: null });
    run.play(3);
    expect(run.started()).toBe(0);
    expect(run.frames.at(-1)!.status).toBe('paused');
  });

  it('measures in the loop when the evaluation worker failed, with the same numbers', () => {
    const run = harness(base);
    run.play(2);
    run.session.relay.failed();
    expect(run.terminated()).toBe(true);
    run.play(2); // and on from now on, without one
    expectExactTestMetrics(run.frames, ARTICLE_ARCHITECTURE);
    expect(run.frames.at(-1)!.status).toBe('paused');
  });

  it('gives up on an evaluation worker that stays silent, and sends what it owed', () => {
    const run = harness(base);
    run.play(2);
    const held = run.frames.length;
    run.advance(EVALUATION_TIMEOUT_MS / 2);
    expect(run.frames.length).toBe(held);
    run.advance(EVALUATION_TIMEOUT_MS);
    expect(run.frames.length).toBeGreaterThan(held);
    expect(run.terminated()).toBe(true);
    expectExactTestMetrics(run.frames, ARTICLE_ARCHITECTURE);
  });

  it('measures in the loop where no evaluation worker can start', () => {
    const run = harness(base, { evaluator: 'cannot-start' });
    run.play(3);
    expectExactTestMetrics(run.frames, ARTICLE_ARCHITECTURE);
  });

  it('after Reset, a late answer for the old run changes nothing in the new one', () => {
    const run = harness(base);
    run.play(2);
    run.session.handle({ type: 'reset' });
    run.answer();
    const last = run.frames.at(-1)!;
    expect(last.live.epoch).toBe(0);
    expect(run.frames.filter((f) => f.runId === last.runId).every((f) => f.count <= 1)).toBe(true);
    expectExactTestMetrics(run.frames, ARTICLE_ARCHITECTURE);
  });
});

describe('the training worker with its evaluation worker', () => {
  let worker: WorkerHarness | null = null;
  afterEach(() => worker?.close());

  it('plays with test rows: every epoch arrives once, in order, with its own exact test metrics', async () => {
    worker = startWorker();
    // @vitest/web-worker runs both workers on this one thread: at full speed the training loop would
    // starve the evaluation worker's loading, so this run trains at a set speed.
    worker.send({ type: 'set-speed', epochsPerSecond: 2000 });
    worker.send({ type: 'configure', config: base });
    worker.send({ type: 'play' });
    await worker.waitForFrame((frame) => frame.status === 'running' && frame.live.epoch >= 300);
    const from = worker.frames.length;
    worker.send({ type: 'pause' });
    await worker.waitForFrame((frame) => frame.status === 'paused', from);
    const epochs = epochsOf(worker.frames).map((e) => e.epoch);
    expect(epochs).toEqual(Array.from({ length: epochs.length }, (_, i) => i));
    expectExactTestMetrics(worker.frames, ARTICLE_ARCHITECTURE, 300);
  });
});

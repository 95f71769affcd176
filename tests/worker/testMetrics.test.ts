import { describe, expect, it } from 'vitest';
import { ARTICLE_ARCHITECTURE, type Architecture } from '../../src/core/architecture';
import { checkTable } from '../../src/core/checkedTable';
import { ARTICLE_PEOPLE } from '../../src/core/dataset';
import { metricsInto } from '../../src/core/engine';
import { METRICS_SIZE, METRIC_ACCURACY, METRIC_LOSS } from '../../src/core/netLoss';
import { splitTrainingSet, testMaskOf } from '../../src/core/split';
import { buildTrainingSet } from '../../src/core/trainingSet';
import type { FrameMessage, RunConfig, WorkerMessage } from '../../src/worker/protocol';
import { TrainingSession } from '../../src/worker/session';
import { OVERFITTING_RUN, noisyPeople } from '../../src/components/Tour/overfittingLab';

const WIDE: Architecture = { ...ARTICLE_ARCHITECTURE, hidden: 8, activation: 'tanh', batchSize: 1 };

/** A session driven by hand: every frame it posts, in order. */
function session(config: RunConfig) {
  const frames: FrameMessage[] = [];
  const worker = new TrainingSession({
    post: (message: WorkerMessage) => {
      if (message.type === 'frame') frames.push(message);
    },
    now: () => 0,
    yieldThen: () => {},
    after: () => {},
  });
  worker.handle({ type: 'configure', config });
  const epoch = () => {
    worker.handle({ type: 'step-epoch' });
    const frame = frames.at(-1)!;
    return { frame, i: frame.count - 1 };
  };
  return { worker, frames, epoch };
}

// The tour's overfitting step: its people, split, network and rate.
const RUN = OVERFITTING_RUN;
const people = noisyPeople(RUN.people, RUN.dataSeed, RUN.labelNoise);
const testRows = testMaskOf(people, checkTable(people), RUN.seed, RUN.trainingShare)!;
const config: RunConfig = {
  people,
  scaling: 'standardize',
  initialWeights: 'random',
  seed: RUN.seed,
  sampleOrder: 'shuffled',
  learningRate: RUN.learningRate,
  architecture: WIDE,
  testRows,
};

describe('test metrics in the worker', () => {
  it('records each epoch loss and accuracy over the test rows, as the engine measures them', () => {
    const { epoch } = session(config);
    const { test } = splitTrainingSet(buildTrainingSet(people, 'standardize'), testRows);
    const out = new Float64Array(METRICS_SIZE);
    for (let n = 0; n < 5; n++) {
      const { frame, i } = epoch();
      metricsInto(WIDE, frame.live.params, test!.inputs, test!.targets, test!.count, out);
      expect(frame.testLosses![i]).toBe(out[METRIC_LOSS]);
      expect(frame.testAccuracies![i]).toBe(out[METRIC_ACCURACY]);
      // the training loss is over the training rows only
      expect(frame.live.sampleCount).toBe(40 - test!.count);
    }
  });

  it('sends no test columns, and measures nothing, when every row trains', () => {
    const { frames, epoch } = session({ ...config, testRows: null });
    epoch();
    expect(
      frames.every((frame) => frame.testLosses === undefined && frame.testAccuracies === undefined),
    ).toBe(true);
    expect(frames.at(-1)!.live.sampleCount).toBe(40);
  });

  it('follows a new split from the next epoch, without a reset', () => {
    const { worker, epoch } = session({ ...config, testRows: null });
    epoch();
    worker.handle({ type: 'set-data', people, testRows });
    const { frame, i } = epoch();
    expect(Number.isFinite(frame.testLosses![i])).toBe(true);
    expect(frame.live.sampleCount).toBe(40 - testRows.reduce((a, b) => a + b, 0));
    worker.handle({ type: 'set-data', people: ARTICLE_PEOPLE, testRows: null });
    expect(epoch().frame.testLosses).toBeUndefined();
  });

  it('shows overfitting on 40 noisy people, half held out, with 8 tanh neurons: train falls while test rises', () => {
    const { epoch } = session(config);
    const train: number[] = [];
    const test: number[] = [];
    for (let n = 0; n < RUN.epochs; n++) {
      const { frame, i } = epoch();
      train.push(frame.losses[i]!);
      test.push(frame.testLosses![i]!);
    }
    const best = test.indexOf(Math.min(...test));
    expect(best).toBeLessThan(50); // the test loss is lowest early on ...
    expect(test.at(-1)!).toBeGreaterThan(1.3 * test[best]!); // ... and then rises well above it,
    expect(train.at(-1)!).toBeLessThan(train[best]! / 10); // while the training loss keeps falling
  });
});

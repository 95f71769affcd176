import { describe, expect, it } from 'vitest';
import { ARTICLE_ARCHITECTURE, type Architecture } from '../../src/core/architecture';
import { checkTable } from '../../src/core/checkedTable';
import { findExampleSet } from '../../src/core/datasets/registry';
import { exampleTable } from '../../src/core/datasets/table';
import { DEFAULT_OPTIMIZER, type OptimizerKind } from '../../src/core/optimizer';
import { testMaskOf } from '../../src/core/split';
import { checkLesson } from '../../src/components/Tour/lessonChecks';
import { OVERFITTING_RUN, noisyPeople } from '../../src/components/Tour/overfittingLab';
import type { FrameMessage, RunConfig, WorkerMessage } from '../../src/worker/protocol';
import { TrainingSession } from '../../src/worker/session';

/*
 * The lessons' runs, trained by the worker's own session: what each lesson promises the learner happens
 * with the numbers it sets up (lessons.ts), and its check (lessonChecks.ts) says so.
 */

/** Trains `epochs` epochs of `config`; every epoch's loss and test loss, in order. */
function train(config: RunConfig, epochs: number) {
  const frames: FrameMessage[] = [];
  const session = new TrainingSession({
    post: (message: WorkerMessage) => {
      if (message.type === 'frame') frames.push(message);
    },
    now: () => 0,
    yieldThen: () => {},
    after: () => {},
  });
  session.handle({ type: 'configure', config });
  const losses: number[] = [];
  const testLosses: number[] = [];
  const accuracies: number[] = [];
  for (let e = 0; e < epochs; e++) {
    session.handle({ type: 'step-epoch' });
    const frame = frames.at(-1)!;
    losses.push(frame.losses[frame.count - 1]!);
    testLosses.push(frame.testLosses?.[frame.count - 1] ?? Number.NaN);
    accuracies.push(frame.accuracies[frame.count - 1]!);
  }
  return { losses, testLosses, accuracies };
}

const RUN = OVERFITTING_RUN;
const people = noisyPeople(RUN.people, RUN.dataSeed, RUN.labelNoise);
const overfittingRun = (architecture: Architecture): RunConfig => ({
  people,
  scaling: 'standardize',
  initialWeights: 'random',
  seed: RUN.seed,
  sampleOrder: 'shuffled',
  learningRate: RUN.learningRate,
  architecture,
  testRows: testMaskOf(people, checkTable(people), RUN.seed, RUN.trainingShare)!,
});

/** A lesson's run on a generated set (lessons.ts setUpRun): 200 points, no noise, all training. */
function lessonRun(kind: string, architecture: Partial<Architecture>): RunConfig {
  const { people: points, dataLabels } = exampleTable(
    findExampleSet(kind)!,
    { kind, points: 200, noise: 0, seed: 1 },
    'imperial',
  );
  return {
    people: points,
    dataLabels,
    units: 'imperial',
    scaling: 'standardize',
    initialWeights: 'random',
    seed: 42,
    sampleOrder: 'in-order',
    learningRate: 0.1,
    architecture: { ...ARTICLE_ARCHITECTURE, ...architecture },
  };
}

const NO_FACTS = {
  hidden: 1,
  activation: 'tanh',
  regularization: 'none',
  epoch: 0,
  accuracy: Number.NaN,
  testLoss: Number.NaN,
  bestTestLoss: Number.NaN,
  keptLabels: [],
};

function overfittingCheck(architecture: Architecture) {
  const { testLosses } = train(overfittingRun(architecture), RUN.epochs);
  return checkLesson('overfitting', {
    ...NO_FACTS,
    regularization: architecture.regularization,
    epoch: RUN.epochs,
    testLoss: testLosses.at(-1)!,
    bestTestLoss: Math.min(...testLosses),
  });
}

describe('the lessons’ runs', () => {
  const wide: Architecture = { ...ARTICLE_ARCHITECTURE, hidden: RUN.hidden, activation: 'tanh' };

  it('Overfitting: without a penalty the test loss rises; with L2 at 0.03 it stays near its best', () => {
    const plain = overfittingCheck(wide);
    expect(plain.done).toBe(false);
    expect(plain.message).toMatch(/^The test loss rose/);
    const penalized = overfittingCheck({ ...wide, regularization: 'l2', regularizationRate: 0.03 });
    expect(penalized.message).toMatch(/^With the penalty the test loss stayed near its best/);
    expect(penalized.done).toBe(true);
  });

  it('Capacity and dead ReLUs: two ReLU neurons stay under the check on the circle, eight pass it', () => {
    const accuracyWith = (hidden: number) =>
      train(lessonRun('circle', { hidden, activation: 'relu' }), 400).accuracies.at(-1)!;
    const facts = { ...NO_FACTS, activation: 'relu', epoch: 400 };
    expect(checkLesson('relu-capacity', { ...facts, hidden: 2, accuracy: accuracyWith(2) }).done).toBe(false);
    expect(checkLesson('relu-capacity', { ...facts, hidden: 8, accuracy: accuracyWith(8) }).done).toBe(true);
  });

  it('Optimizers race: on the spiral, Adam ends lowest, then RMSProp, Momentum and SGD', () => {
    const finalLoss = (kind: OptimizerKind, momentum = 0) => {
      const net = { hidden: 8, activation: 'tanh', update: 'full-batch', momentum } as const;
      const optimizer = { ...DEFAULT_OPTIMIZER, kind };
      return train(lessonRun('spiral', { ...net, optimizer }), 400).losses.at(-1)!;
    };
    const race = [finalLoss('adam'), finalLoss('rmsprop'), finalLoss('sgd', 0.9), finalLoss('sgd')];
    expect(race).toEqual([...race].sort((a, b) => a - b));
  });
});

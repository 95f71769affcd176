import type { LessonId } from './lessons';
import { OVERFITTING_RUN } from './overfittingLab';

/** What a lesson's check reads of the lab: the run's network, where it is, and its results. */
export interface LessonFacts {
  readonly hidden: number;
  readonly activation: string;
  readonly regularization: string;
  readonly epoch: number;
  /** Accuracy over the training rows at the latest epoch (0..1); NaN before any. */
  readonly accuracy: number;
  /** The test loss at the latest epoch, and the lowest it reached this run (NaN without test rows). */
  readonly testLoss: number;
  readonly bestTestLoss: number;
  /** The labels of the runs kept on the Loss curve. */
  readonly keptLabels: readonly string[];
}

export interface LessonCheck {
  readonly done: boolean;
  readonly message: string;
}

const percent = (share: number) => `${Math.round(share * 100)} %`;

/** How far the test loss may end above its best and still count as not rising. */
export const TEST_LOSS_SLACK = 1.1;

function hiddenLayer(facts: LessonFacts): LessonCheck {
  if (facts.epoch === 0) return { done: false, message: 'Press Play to train.' };
  const accuracy = percent(facts.accuracy);
  if (facts.accuracy >= 0.95) {
    return {
      done: true,
      message: `Accuracy reached ${accuracy} with ${facts.hidden} hidden neurons: XOR needs more than one line.`,
    };
  }
  if (facts.hidden === 1) {
    return {
      done: false,
      message: `One neuron: accuracy ${accuracy}. One line cannot split XOR; now try 4 hidden neurons.`,
    };
  }
  return { done: false, message: `Accuracy ${accuracy} so far; the check passes at 95 %.` };
}

function reluCapacity(facts: LessonFacts): LessonCheck {
  if (facts.epoch === 0) return { done: false, message: 'Press Play to train.' };
  const accuracy = percent(facts.accuracy);
  if (facts.activation !== 'relu') {
    return { done: false, message: 'This lesson is about ReLU: set Hidden activation back to ReLU.' };
  }
  if (facts.accuracy >= 0.99) {
    return { done: true, message: `Accuracy reached ${accuracy} with ${facts.hidden} ReLU neurons.` };
  }
  return {
    done: false,
    message: `${facts.hidden} ReLU neurons: accuracy ${accuracy}. More neurons give the circle more edges, and spares for dead ones.`,
  };
}

/** Needs three kept runs, each of another optimizer (Keep run names it). */
function optimizerRace(facts: LessonFacts): LessonCheck {
  const distinct = new Set(facts.keptLabels).size;
  if (distinct >= 3) {
    return {
      done: true,
      message: `${distinct} runs kept: compare their curves on the Loss curve. The lower a curve ends, the further its optimizer got in the same epochs.`,
    };
  }
  return {
    done: false,
    message: `${distinct} of 3 runs kept. Train each optimizer until it stops, then press Keep run.`,
  };
}

function overfitting(facts: LessonFacts): LessonCheck {
  if (Number.isNaN(facts.testLoss)) return { done: false, message: 'No test loss yet: press Play.' };
  const rose = facts.testLoss > facts.bestTestLoss * TEST_LOSS_SLACK;
  const losses = `test loss ${facts.testLoss.toFixed(3)}, its best ${facts.bestTestLoss.toFixed(3)}`;
  if (facts.regularization === 'none') {
    return {
      done: false,
      message: rose
        ? `The test loss rose (${losses}): the network memorizes the noise. Now turn on L2 and train again.`
        : `Epoch ${facts.epoch}: ${losses}. Watch it turn and rise.`,
    };
  }
  if (facts.epoch < OVERFITTING_RUN.epochs)
    return { done: false, message: `With the penalty, epoch ${facts.epoch}: ${losses}.` };
  return rose
    ? { done: false, message: `The test loss still rose (${losses}): raise the regularization rate.` }
    : { done: true, message: `With the penalty the test loss stayed near its best (${losses}).` };
}

const CHECKS: Readonly<Record<LessonId, (facts: LessonFacts) => LessonCheck>> = {
  'hidden-layer': hiddenLayer,
  'relu-capacity': reluCapacity,
  'optimizer-race': optimizerRace,
  overfitting,
};

/** How the learner is doing in a lesson, in a sentence, and whether its goal is reached. */
export function checkLesson(id: LessonId, facts: LessonFacts): LessonCheck {
  return CHECKS[id](facts);
}

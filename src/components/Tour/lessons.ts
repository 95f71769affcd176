import { ARTICLE_ARCHITECTURE, type Architecture } from '../../core/architecture';
import { FIRST_SEED, type DataRecipe } from '../../core/datasets/types';
import { DEFAULT_OPTIMIZER } from '../../core/optimizer';
import {
  pause,
  reset,
  setArchitecture,
  setInitialWeights,
  setLearningRate,
  setSampleOrder,
  setScaling,
  setSeed,
  setSpeed,
  setStopAtEpoch,
} from '../../store/actions';
import { loadRecipe } from '../../store/exampleActions';
import { previewTrainingShare, setPlaneOption } from '../../store/split';
import { setUpOverfittingLab } from './overfittingLab';

/**
 * The lessons beside the tour: each sets the lab up with the lab's own actions (its data is one undo
 * step), says what to try, and names the figure to watch; lessonChecks.ts judges the learner's result.
 * The numbers (epochs, rates, sizes) are ones the engine was run with: the failure shows and the fix works.
 */
export type LessonId = 'hidden-layer' | 'relu-capacity' | 'optimizer-race' | 'overfitting';

export interface Lesson {
  readonly id: LessonId;
  readonly title: string;
  /** The accessible name of the figure or region to watch. */
  readonly target: string;
  readonly paragraphs: readonly string[];
  readonly setUp: () => void;
}

/** Epochs each lesson's runs stop at. */
export const LESSON_EPOCHS = 400;

/** A generated set with every point training, and a fresh run of `architecture` on it, paused at epoch 0. */
function setUpRun(
  recipe: Omit<DataRecipe, 'seed' | 'points'>,
  architecture: Partial<Architecture>,
  rate: number,
) {
  pause();
  loadRecipe({ ...recipe, points: 200, seed: FIRST_SEED });
  // Every point trains; shown, not committed as a second undo step: undo takes the lesson's table back whole.
  previewTrainingShare(1);
  setPlaneOption('showTestData', false);
  setArchitecture({ ...ARTICLE_ARCHITECTURE, ...architecture });
  setScaling('standardize');
  setInitialWeights('random');
  setSeed(42);
  setSampleOrder('in-order');
  setLearningRate(rate);
  reset();
  setSpeed(null);
  setStopAtEpoch(LESSON_EPOCHS);
}

export const LESSONS: readonly Lesson[] = [
  {
    id: 'hidden-layer',
    title: 'Why a hidden layer',
    target: 'Decision boundary',
    paragraphs: [
      'XOR: the points in two opposite corners are one class, the other two corners the other. One straight line cannot split them.',
      'The lab has one tanh hidden neuron, which draws one line. Press Play and watch it stall near 70 % accuracy. Then set Hidden neurons to 4 and press Play again: four lines together carve out the corners.',
    ],
    setUp: () => setUpRun({ kind: 'xor', noise: 0 }, { hidden: 1, activation: 'tanh' }, 0.1),
  },
  {
    id: 'relu-capacity',
    title: 'Capacity and dead ReLUs',
    target: 'Network',
    paragraphs: [
      'A circle of one class inside a ring of the other, and two ReLU neurons. A ReLU outputs 0 for every input where its sum is negative; one whose sum is negative for every point is dead: its gradient is 0, so it never learns again.',
      'Press Play: two neurons are too few (or one has died), and accuracy stays under 90 %. Raise Hidden neurons to 8 and train again until accuracy reaches 99 %.',
    ],
    setUp: () => setUpRun({ kind: 'circle', noise: 0 }, { hidden: 2, activation: 'relu' }, 0.1),
  },
  {
    id: 'optimizer-race',
    title: 'Optimizers race',
    target: 'Loss curve',
    paragraphs: [
      'A spiral, eight tanh neurons, one full-batch step per epoch, the same start and rate 0.1 for everyone.',
      'Press Play with SGD; when it stops, press Keep run. Choose Momentum in Optimizer, Play, Keep run; then RMSProp, then Adam. The kept curves race on the Loss curve: Adam and RMSProp scale each step by the gradient’s size and get furthest.',
    ],
    setUp: () =>
      setUpRun({ kind: 'spiral', noise: 0 }, { hidden: 8, activation: 'tanh', update: 'full-batch' }, 0.1),
  },
  {
    id: 'overfitting',
    title: 'Overfitting and regularization',
    target: 'Loss curve',
    paragraphs: [
      '40 noisy people, half held out as test data, and a network big enough to memorize them. It trains now: the training loss keeps falling while the test loss turns and rises.',
      'Then choose L2 in Regularization, set its rate to about 0.03, and press Play: the penalty keeps the weights small, and the test loss stays near its best.',
    ],
    setUp: () => {
      // the tour's overfitting run, from plain SGD and no penalty whatever was chosen before
      setArchitecture({ regularization: 'none', momentum: 0, optimizer: DEFAULT_OPTIMIZER });
      setUpOverfittingLab();
    },
  },
];

import { ARTICLE_PEOPLE, newPersonId, type Person } from '../../core/dataset';
import {
  play,
  replacePeople,
  selectRow,
  setSpeed,
  setStepPhase,
  setStopAtEpoch,
  stepEpoch,
  stepSample,
} from '../../store/actions';
import { setAllParams, setUpArticleLab } from '../../store/classroomActions';
import { OVERFITTING_RUN, setUpOverfittingLab } from './overfittingLab';
import { formatCount } from '../format';

/**
 * The guided tour, one step per section of the article (seed/intro-to-neural-networks.md). Each step
 * sets the lab up to show its point with the lab's own actions, and names the figure or region (by
 * its accessible name) that shows it.
 */
export type TourStepId =
  'neurons' | 'network' | 'training' | 'loss' | 'backprop' | 'sgd' | 'predictions' | 'overfitting';

export interface TourStep {
  readonly id: TourStepId;
  readonly title: string;
  /** The accessible name (aria-label) of the figure or region this step points at. */
  readonly target: string;
  /** A part of the target to scroll to (its aria-label), when the point is not at its top. */
  readonly detail?: string;
  readonly paragraphs: readonly string[];
  readonly setUp: () => void;
}

/** Every neuron w = [0, 1], b = 0: the article's feedforward example (article order w1..w6, b1..b3). */
export const ARTICLE_EXAMPLE_PARAMS = [0, 1, 0, 1, 0, 1, 0, 0, 0] as const;
/** The article's feedforward input x = [2, 3], as a row the article shift (−135, −66) turns into it. */
function articleExamplePerson(): Person {
  return { id: newPersonId(), name: 'Example x = [2, 3]', weight: '137', height: '69', gender: 'F' };
}
/** The article trains for 1000 epochs before it predicts Emily and Frank. */
export const ARTICLE_EPOCHS = 1000;
/** Alice is the first row: the article's backpropagation example. */
const ALICE_ROW = 0;

export const TOUR_STEPS: readonly TourStep[] = [
  {
    id: 'neurons',
    title: 'Building blocks: neurons',
    target: 'Network',
    paragraphs: [
      'A neuron multiplies each input by its weight, adds a bias b, and passes the sum through an activation function, here the sigmoid f(x) = 1 / (1 + e^−x). The sigmoid squeezes any number into (0, 1): big negative sums give about 0, big positive ones about 1.',
      'Passing inputs forward to get an output is called feedforward. The lab now has the article’s four people and starts with every weight 1 and every bias 0. In the Network figure, h1 is one neuron at work on Alice.',
    ],
    setUp: () => {
      setUpArticleLab();
      selectRow(ALICE_ROW);
    },
  },
  {
    id: 'network',
    title: 'Combining neurons into a network',
    target: 'Network',
    paragraphs: [
      'Two inputs (x1, x2), a hidden layer of two neurons (h1, h2) and one output neuron o1. The inputs of o1 are the outputs of h1 and h2: that is what makes this a network.',
      'The article gives every neuron w = [0, 1] and b = 0 and feeds x = [2, 3] forward. The lab’s weights and biases are now set that way, and for this step the table has one more row, the article’s input x = [2, 3] (137 lb and 69 in, after the shift): the Network figure shows it. Click a weight there to change it and watch the numbers below follow.',
    ],
    setUp: () => {
      setUpArticleLab();
      setAllParams(ARTICLE_EXAMPLE_PARAMS);
      // The figure shows the example the text works through; the next step puts the four people back.
      replacePeople([...ARTICLE_PEOPLE, articleExamplePerson()]);
      selectRow(ARTICLE_PEOPLE.length);
    },
  },
  {
    id: 'training',
    title: 'Training: four people',
    target: 'Dataset',
    paragraphs: [
      'The network learns to predict gender from weight and height, from four people: Alice, Bob, Charlie and Diana. Female is 1 and Male is 0, because a network can only output numbers.',
      'The article shifts every input by (−135, −66) so the numbers sit near 0 (Input scaling: Article shift). The table keeps the pounds and inches; the network sees the shifted pairs below.',
    ],
    setUp: setUpArticleLab,
  },
  {
    id: 'loss',
    title: 'Loss: mean squared error',
    target: 'Training status',
    paragraphs: [
      'To do better, the network needs a measure of how well it does: the loss. The article uses the mean squared error, MSE = (1/n) Σ (ytrue − ypred)², over the n = 4 people.',
      'Better predictions, lower loss: training a network means trying to minimise its loss. Training status shows the lab’s loss now, before any training.',
    ],
    setUp: setUpArticleLab,
  },
  {
    id: 'backprop',
    title: 'Backpropagation: the chain rule',
    target: 'Math',
    detail: 'Backpropagation, with numbers',
    paragraphs: [
      'How would the loss L change if w1 changed? The partial derivative ∂L/∂w1 says, and the chain rule computes it backwards through the network: ∂L/∂w1 = ∂L/∂ypred × ∂ypred/∂h1 × ∂h1/∂w1.',
      'The lab has just taken one step on Alice from the all-ones start (Step sample). The Math view shows the three factors and their product. A positive ∂L/∂w1 means a larger w1 raises the loss, so w1 should go down.',
    ],
    setUp: () => {
      setUpArticleLab();
      selectRow(ALICE_ROW);
      stepSample();
      setStepPhase('backward');
    },
  },
  {
    id: 'sgd',
    title: 'Stochastic gradient descent',
    target: 'Controls',
    paragraphs: [
      'Each weight and bias takes a small step against its partial derivative: w1 ← w1 − η ∂L/∂w1. η is the learning rate (the Learning rate slider; 0.1 here): how big each step is.',
      'Stochastic: one sample at a time. Choose a sample, compute every partial derivative, update every weight and bias, repeat. The lab has just run one epoch (one step per person); press Step epoch a few times and watch the loss fall.',
    ],
    setUp: () => {
      setUpArticleLab();
      stepEpoch();
      setStepPhase('update');
    },
  },
  {
    id: 'predictions',
    title: 'Predictions: Emily and Frank',
    target: 'Predict',
    paragraphs: [
      `Trained (here: ${formatCount(ARTICLE_EPOCHS)} epochs with the article’s settings), the network predicts people it has never seen, such as Emily (128 lb, 63 in) and Frank (155 lb, 68 in).`,
      'Round the output: above 0.5 is Female (1), below is Male (0). The nearer the output is to 1 or to 0, the more confident the network is. Try Emily and Frank in Predict, or anyone you like.',
    ],
    setUp: () => {
      setUpArticleLab();
      setSpeed(null);
      setStopAtEpoch(ARTICLE_EPOCHS);
      play();
    },
  },
  {
    id: 'overfitting',
    title: 'Test data and overfitting',
    target: 'Loss curve',
    paragraphs: [
      `Four people say little about everyone else. The lab now has ${OVERFITTING_RUN.people} made-up people whose groups overlap, with one label in ten flipped (noise), and holds half of them out of training (Training share ${OVERFITTING_RUN.trainingShare * 100} %): the test rows, hollow on the Decision boundary.`,
      `With ${OVERFITTING_RUN.hidden} hidden neurons at a high learning rate the network can learn every training row, noise and all. Watch the Loss curve: the training loss keeps falling while the dashed test loss turns and rises. That is overfitting: the network memorizes its examples instead of the pattern. Fewer neurons, more data or stopping early (where the test loss is lowest) help.`,
    ],
    setUp: setUpOverfittingLab,
  },
];

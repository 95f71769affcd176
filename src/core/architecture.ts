/**
 * The network's shape and how it trains, beyond the article's 2-2-1 defaults: 1 to 8 hidden neurons, the
 * hidden activation, the loss, how many samples make one update, and momentum.
 *
 * Parameter layout for H hidden neurons and F inputs (one Float64Array, (F + 2)H + 1 long), chosen so that
 * F = 2 (x1, x2) and H = 2 is exactly the article's w1..w6, b1..b3 and every existing index keeps its meaning:
 *   [f1→h1, f2→h1, …, f1→h2, …]     FH input weights    (w1 … wFH)
 *   [h1→o1, h2→o1, …]                H output weights   (wFH+1 … w(F+1)H)
 *   [b of h1, b of h2, …]            H hidden biases    (b1 … bH)
 *   [b of o1]                        1 output bias      (bH+1)
 * The weights come first, so a penalty on weights (regularization.ts) covers one prefix of the vector.
 * Every index helper takes the input count F last, defaulting to the article's 2.
 */
import { DEFAULT_FEATURES, FEATURE_SYMBOLS, hasPlainInputs, type Feature } from './features';
import type { Regularization } from './regularization';
import { DEFAULT_OPTIMIZER, type OptimizerSettings } from './optimizer';

const ARTICLE_INPUTS = 2;

export const MIN_HIDDEN = 1;
export const MAX_HIDDEN = 8;
export const DEFAULT_HIDDEN = 2;

export type HiddenActivation = 'sigmoid' | 'tanh' | 'relu';
export const ACTIVATION_LABELS: Readonly<Record<HiddenActivation, string>> = {
  sigmoid: 'Sigmoid',
  tanh: 'Tanh',
  relu: 'ReLU',
};

export type LossKind = 'mse' | 'bce';
export const LOSS_LABELS: Readonly<Record<LossKind, string>> = {
  mse: 'Mean squared error',
  bce: 'Binary cross-entropy',
};

/**
 * The output neuron's activation: a sigmoid for two classes (the article), or linear (identity) for a
 * numeric target, which can then be any number. The data decides it (see outputFor), not a setting.
 */
export type OutputActivation = 'sigmoid' | 'linear';

/** How many samples make one update: each sample (the article), a mini-batch of N, or the whole table. */
export type UpdateMode = 'sample' | 'mini-batch' | 'full-batch';
export const UPDATE_LABELS: Readonly<Record<UpdateMode, string>> = {
  sample: 'Per sample',
  'mini-batch': 'Mini-batch',
  'full-batch': 'Full batch',
};

export const MAX_BATCH_SIZE = 100_000;
export const MAX_MOMENTUM = 0.999;

/** Everything about the model and its optimizer that a run is created with. */
export interface Architecture {
  /** Hidden neurons, MIN_HIDDEN..MAX_HIDDEN. */
  readonly hidden: number;
  readonly activation: HiddenActivation;
  readonly loss: LossKind;
  readonly update: UpdateMode;
  /** Samples per mini-batch (used when update is 'mini-batch'). */
  readonly batchSize: number;
  /** Momentum coefficient in [0, MAX_MOMENTUM]; 0 is plain SGD. */
  readonly momentum: number;
  /** What the input neurons see, in FEATURES order, at least one (the article's x1, x2 by default). */
  readonly features: readonly Feature[];
  /** The weight penalty each update adds (none by default, so the article's numbers are untouched). */
  readonly regularization: Regularization;
  /** Its rate, used when regularization is not 'none'. */
  readonly regularizationRate: number;
  /** The output neuron; a sigmoid when left out. */
  readonly output?: OutputActivation;
  /** How each update steps (optimizer.ts); plain SGD (with `momentum`) when left out. */
  readonly optimizer?: OptimizerSettings;
  /**
   * Neurons per hidden layer, input side first, when there are 2..MAX_LAYERS layers (layerShape.ts);
   * left out for one layer, whose size is `hidden`. When present its first entry is `hidden`.
   */
  readonly hiddenLayers?: readonly number[];
}

/** The article's network and training: every reference number in docs/reference.md holds with these. */
export const ARTICLE_ARCHITECTURE: Architecture = {
  hidden: DEFAULT_HIDDEN,
  activation: 'sigmoid',
  loss: 'mse',
  update: 'sample',
  batchSize: 4,
  momentum: 0,
  features: DEFAULT_FEATURES,
  regularization: 'none',
  regularizationRate: 0.001,
  optimizer: DEFAULT_OPTIMIZER,
};

/*
 * Which parts of the article's specialized 2-2-1 code a network may run on. Only the engine asks
 * (engine.ts for predictions, losses and traces, trainer.ts for training): the article's network keeps
 * the code its reference numbers come from, and every other network takes the general code.
 */

/** Its forward pass is the article's: x1, x2 into two sigmoid hidden neurons and a sigmoid output. */
export function hasArticleForward(
  net: Pick<Architecture, 'hidden' | 'activation' | 'output' | 'hiddenLayers'> &
    Partial<Pick<Architecture, 'features'>>,
): boolean {
  return (
    net.hidden === 2 &&
    (net.hiddenLayers === undefined || net.hiddenLayers.length === 1) &&
    net.activation === 'sigmoid' &&
    net.output !== 'linear' &&
    (net.features === undefined || hasPlainInputs(net.features))
  );
}

/** Its forward pass, loss and gradients are the article's: two sigmoid hidden neurons and MSE. */
export function hasArticleMath(
  net: Pick<Architecture, 'hidden' | 'activation' | 'loss' | 'output' | 'hiddenLayers'> &
    Partial<Pick<Architecture, 'features'>>,
): boolean {
  return hasArticleForward(net) && net.loss === 'mse';
}

/** The article's network trained as the article trains it: one plain SGD step per sample, no penalty. */
export function isArticleArchitecture(arch: Architecture): boolean {
  return (
    hasArticleMath(arch) &&
    arch.update === 'sample' &&
    arch.momentum === 0 &&
    arch.regularization === 'none' &&
    (arch.optimizer === undefined || arch.optimizer.kind === 'sgd')
  );
}

/** How many input neurons the network has (F). */
export const inputCount = (arch: Pick<Architecture, 'features'>): number => arch.features.length;

export const paramCount = (hidden: number, inputs = ARTICLE_INPUTS): number => (inputs + 2) * hidden + 1;
/** How many of the parameters are weights (they come first; the H + 1 biases follow). */
export const weightCount = (hidden: number, inputs = ARTICLE_INPUTS): number => (inputs + 1) * hidden;
/** Weight from input `input` (0 = the first feature, x1 by default) to hidden neuron `neuron` (0-based). */
export const inputWeightIndex = (neuron: number, input: number, inputs = ARTICLE_INPUTS): number =>
  inputs * neuron + input;
/** Weight from hidden neuron `neuron` to the output. */
export const outputWeightIndex = (hidden: number, neuron: number, inputs = ARTICLE_INPUTS): number =>
  inputs * hidden + neuron;
export const hiddenBiasIndex = (hidden: number, neuron: number, inputs = ARTICLE_INPUTS): number =>
  (inputs + 1) * hidden + neuron;
export const outputBiasIndex = (hidden: number, inputs = ARTICLE_INPUTS): number => (inputs + 2) * hidden;

/** Parameter names in layout order: w1 … w(F+1)H, b1 … bH+1 (the article's w1 … w6, b1 … b3 for F = H = 2). */
export function paramNames(hidden: number, inputs = ARTICLE_INPUTS): string[] {
  const names: string[] = [];
  for (let i = 1; i <= weightCount(hidden, inputs); i++) names.push(`w${i}`);
  for (let i = 1; i <= hidden + 1; i++) names.push(`b${i}`);
  return names;
}

/** What parameter `index` connects, e.g. "weight x1 → h2", "weight x1² → h1" or "bias of o1". */
export function paramRole(
  hidden: number,
  index: number,
  features: readonly Feature[] = DEFAULT_FEATURES,
): string {
  const inputs = features.length;
  if (index < inputs * hidden) {
    const feature = features[index % inputs]!;
    return `weight ${FEATURE_SYMBOLS[feature]} → h${Math.floor(index / inputs) + 1}`;
  }
  if (index < (inputs + 1) * hidden) return `weight h${index - inputs * hidden + 1} → o1`;
  if (index < (inputs + 2) * hidden) return `bias of h${index - (inputs + 1) * hidden + 1}`;
  return 'bias of o1';
}

/** The hidden-neuron count a parameter vector of this length belongs to with F inputs, or null. */
export function hiddenFromParamCount(count: number, inputs = ARTICLE_INPUTS): number | null {
  const hidden = (count - 1) / (inputs + 2);
  return Number.isInteger(hidden) && hidden >= MIN_HIDDEN && hidden <= MAX_HIDDEN ? hidden : null;
}

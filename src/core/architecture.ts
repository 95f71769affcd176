/**
 * The network's shape and how it trains, beyond the article's 2-2-1 defaults: 1 to 8 hidden neurons, the
 * hidden activation, the loss, how many samples make one update, and momentum.
 *
 * Parameter layout for H hidden neurons (one Float64Array, 4H + 1 long), chosen so that H = 2 is exactly the
 * article's w1..w6, b1..b3 and every existing index keeps its meaning:
 *   [x1→h1, x2→h1, x1→h2, x2→h2, …]  2H input weights   (w1 … w2H)
 *   [h1→o1, h2→o1, …]                H output weights   (w2H+1 … w3H)
 *   [b of h1, b of h2, …]            H hidden biases    (b1 … bH)
 *   [b of o1]                        1 output bias      (bH+1)
 */

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
  /** The output neuron; a sigmoid when left out. */
  readonly output?: OutputActivation;
}

/** The article's network and training: every reference number in docs/reference.md holds with these. */
export const ARTICLE_ARCHITECTURE: Architecture = {
  hidden: DEFAULT_HIDDEN,
  activation: 'sigmoid',
  loss: 'mse',
  update: 'sample',
  batchSize: 4,
  momentum: 0,
};

/*
 * Which parts of the article's specialized 2-2-1 code a network may run on. Only the engine asks
 * (engine.ts for predictions, losses and traces, trainer.ts for training): the article's network keeps
 * the code its reference numbers come from, and every other network takes the general code.
 */

/** Its forward pass is the article's: two sigmoid hidden neurons. */
export function hasArticleForward(net: Pick<Architecture, 'hidden' | 'activation' | 'output'>): boolean {
  return net.hidden === 2 && net.activation === 'sigmoid' && net.output !== 'linear';
}

/** Its forward pass, loss and gradients are the article's: two sigmoid hidden neurons and MSE. */
export function hasArticleMath(
  net: Pick<Architecture, 'hidden' | 'activation' | 'loss' | 'output'>,
): boolean {
  return hasArticleForward(net) && net.loss === 'mse';
}

/** The article's network trained as the article trains it: one plain SGD step per sample. */
export function isArticleArchitecture(arch: Architecture): boolean {
  return hasArticleMath(arch) && arch.update === 'sample' && arch.momentum === 0;
}

export const paramCount = (hidden: number): number => 4 * hidden + 1;
/** Weight from input `input` (0 = x1, 1 = x2) to hidden neuron `neuron` (0-based). */
export const inputWeightIndex = (neuron: number, input: number): number => 2 * neuron + input;
/** Weight from hidden neuron `neuron` to the output. */
export const outputWeightIndex = (hidden: number, neuron: number): number => 2 * hidden + neuron;
export const hiddenBiasIndex = (hidden: number, neuron: number): number => 3 * hidden + neuron;
export const outputBiasIndex = (hidden: number): number => 4 * hidden;

/** Parameter names in layout order: w1 … w3H, b1 … bH+1 (the article's for H = 2). */
export function paramNames(hidden: number): string[] {
  const names: string[] = [];
  for (let i = 1; i <= 3 * hidden; i++) names.push(`w${i}`);
  for (let i = 1; i <= hidden + 1; i++) names.push(`b${i}`);
  return names;
}

/** What parameter `index` connects, e.g. "weight x1 → h2" or "bias of o1". */
export function paramRole(hidden: number, index: number): string {
  if (index < 2 * hidden) return `weight x${(index % 2) + 1} → h${Math.floor(index / 2) + 1}`;
  if (index < 3 * hidden) return `weight h${index - 2 * hidden + 1} → o1`;
  if (index < 4 * hidden) return `bias of h${index - 3 * hidden + 1}`;
  return 'bias of o1';
}

/** The hidden-neuron count a parameter vector of this length belongs to, or null. */
export function hiddenFromParamCount(count: number): number | null {
  const hidden = (count - 1) / 4;
  return Number.isInteger(hidden) && hidden >= MIN_HIDDEN && hidden <= MAX_HIDDEN ? hidden : null;
}

import {
  ARTICLE_ARCHITECTURE,
  MAX_MOMENTUM,
  MAX_HIDDEN,
  MIN_HIDDEN,
  isArticleArchitecture,
  paramCount,
  type Architecture,
} from './architecture';
import { factorCount, forwardSize } from './bufferLayout';
import { datasetMetricsInto } from './loss';
import { METRICS_SIZE, METRIC_ACCURACY, METRIC_LOSS, netDatasetMetricsInto } from './netLoss';
import type { Params } from './network';
import { createRng, shuffleInPlace, type RngState } from './rng';
import type { TrainingSet } from './trainingSet';
import { samplesPerUpdate, trainArticleSample, trainGenericSample } from './trainerStep';

export type SampleOrder = 'in-order' | 'shuffled';

export const SAMPLE_ORDER_LABELS: Readonly<Record<SampleOrder, string>> = {
  'in-order': 'In order',
  shuffled: 'Shuffled',
};

/**
 * Everything a run needs, in one mutable record: the live parameters, the data, where in the epoch we
 * are, the seeded shuffle stream, the optimizer's state, and scratch buffers the hot loop reuses (it
 * allocates nothing).
 */
export interface Trainer {
  /** paramCount(architecture.hidden) parameters, in the layout of architecture.ts. */
  readonly params: Params;
  readonly architecture: Architecture;
  set: TrainingSet;
  order: Uint32Array;
  sampleOrder: SampleOrder;
  readonly rng: RngState;
  learningRate: number;
  /** Completed epochs. */
  epoch: number;
  /** Position in `order` of the next sample of the current epoch (0 = at an epoch boundary). */
  cursor: number;
  /** Index into `set` of the sample trained last, -1 before any. */
  lastSample: number;
  /** Forward values, chain-rule factors and own gradient of the sample trained last (bufferLayout.ts). */
  readonly forward: Float64Array;
  readonly factors: Float64Array;
  readonly grad: Float64Array;
  /** Samples per parameter update: 1, the mini-batch size, or Infinity (full batch). */
  readonly samplesPerUpdate: number;
  /** Gradients of the current batch summed so far, and how many samples they are (0 after each step). */
  readonly batchGrad: Float64Array;
  batchFill: number;
  readonly momentum: number;
  /** Momentum's velocity per parameter (all 0 without momentum). */
  readonly velocity: Float64Array;
  /** Accuracy of the parameters the last loss was measured at (currentLoss, trainEpoch); NaN before. */
  accuracy: number;
  /** The article's architecture on its specialized 2-2-1 code (what the reference numbers come from). */
  readonly articlePath: boolean;
}

/** The shuffle stream gets its own seed so it never shares draws with the initial weights. */
const SHUFFLE_SEED_SALT = 0x9e3779b9;

export interface TrainerOptions {
  readonly params: ArrayLike<number>;
  readonly set: TrainingSet;
  readonly sampleOrder: SampleOrder;
  readonly seed: number;
  readonly learningRate: number;
  /** The network and its optimizer; ARTICLE_ARCHITECTURE when left out. */
  readonly architecture?: Architecture;
  /** Train the article's architecture on the generic path too (tests and benches compare the two). */
  readonly generic?: boolean;
}

function identityOrder(count: number): Uint32Array {
  const order = new Uint32Array(count);
  for (let i = 0; i < count; i++) order[i] = i;
  return order;
}

export function createTrainer(options: TrainerOptions): Trainer {
  const architecture = options.architecture ?? ARTICLE_ARCHITECTURE;
  const { hidden } = architecture;
  if (!Number.isInteger(hidden) || hidden < MIN_HIDDEN || hidden > MAX_HIDDEN) {
    throw new RangeError(`hidden neurons must be ${MIN_HIDDEN}..${MAX_HIDDEN}, got ${hidden}`);
  }
  const count = paramCount(hidden);
  if (options.params.length !== count) {
    throw new RangeError(
      `expected ${count} parameters for ${hidden} hidden neurons, got ${options.params.length}`,
    );
  }
  const params = new Float64Array(count);
  params.set(options.params);
  const momentum = Number.isFinite(architecture.momentum)
    ? Math.min(MAX_MOMENTUM, Math.max(0, architecture.momentum))
    : 0;
  return {
    params,
    architecture,
    set: options.set,
    order: identityOrder(options.set.count),
    sampleOrder: options.sampleOrder,
    rng: createRng((options.seed ^ SHUFFLE_SEED_SALT) >>> 0),
    learningRate: options.learningRate,
    epoch: 0,
    cursor: 0,
    lastSample: -1,
    forward: new Float64Array(forwardSize(hidden)),
    factors: new Float64Array(factorCount(hidden)),
    grad: new Float64Array(count),
    samplesPerUpdate: samplesPerUpdate(architecture),
    batchGrad: new Float64Array(count),
    batchFill: 0,
    momentum,
    velocity: new Float64Array(count),
    accuracy: Number.NaN,
    articlePath: !options.generic && isArticleArchitecture(architecture),
  };
}

/** Swaps in new data (an edited table); the next sample starts a fresh epoch (and a fresh batch) over it. */
export function replaceTrainingSet(trainer: Trainer, set: TrainingSet): void {
  trainer.set = set;
  trainer.order = identityOrder(set.count);
  trainer.cursor = 0;
  trainer.lastSample = -1;
  trainer.batchFill = 0;
}

/**
 * Forgets the optimizer's memory (a half-filled batch, momentum's velocity) and goes back to an epoch
 * boundary. Call it after setting the parameters from outside (a rollback, a resume from the timeline),
 * where the old velocity would push the new parameters somewhere they never were.
 */
export function restartOptimizer(trainer: Trainer): void {
  trainer.cursor = 0;
  trainer.batchFill = 0;
  trainer.velocity.fill(0);
}

/**
 * Trains one sample: forward, backward, then an update now (per sample) or when its batch is complete.
 * Returns true when it completed an epoch.
 */
export function trainSample(trainer: Trainer): boolean {
  const { set, order } = trainer;
  if (set.count === 0) return false;
  if (trainer.cursor === 0) {
    if (trainer.sampleOrder === 'shuffled') shuffleInPlace(order, set.count, trainer.rng);
    trainer.batchFill = 0; // batches never span epochs (even when someone moved the cursor back)
  }
  const sample = order[trainer.cursor]!;
  trainer.cursor += 1;
  const endsEpoch = trainer.cursor >= set.count;
  if (trainer.articlePath) trainArticleSample(trainer, sample);
  else trainGenericSample(trainer, sample, endsEpoch);
  trainer.lastSample = sample;
  if (!endsEpoch) return false;
  trainer.cursor = 0;
  trainer.epoch += 1;
  return true;
}

/**
 * Trains the rest of the current epoch (a whole one from a boundary) and returns the epoch loss: the
 * dataset loss after that epoch's updates, as the article's code prints it. `trainer.accuracy` is
 * measured in the same pass.
 */
export function trainEpoch(trainer: Trainer): number {
  if (trainer.set.count === 0) return Number.NaN;
  while (!trainSample(trainer)) {
    // each call trains one sample; the loop ends on the epoch's last one
  }
  return currentLoss(trainer);
}

const metrics = new Float64Array(METRICS_SIZE);

/** The dataset loss (MSE or BCE) of the current parameters; sets `trainer.accuracy` in the same pass. */
export function currentLoss(trainer: Trainer): number {
  const { set, params, architecture: net } = trainer;
  if (net.hidden === 2 && net.activation === 'sigmoid' && net.loss === 'mse') {
    datasetMetricsInto(params, set.inputs, set.targets, set.count, metrics);
  } else {
    netDatasetMetricsInto(net, params, set.inputs, set.targets, set.count, metrics);
  }
  trainer.accuracy = metrics[METRIC_ACCURACY]!;
  return metrics[METRIC_LOSS]!;
}

import {
  ARTICLE_ARCHITECTURE,
  MAX_MOMENTUM,
  MAX_HIDDEN,
  MIN_HIDDEN,
  inputCount,
  isArticleArchitecture,
  type Architecture,
} from './architecture';
import { trainArticleSamples } from './articleEpoch';
import {
  hiddenSizes,
  isValidSizes,
  networkForwardSize,
  networkParamCount,
  networkWeightCount,
} from './layerShape';
import { metricsInto } from './engine';
import { METRICS_SIZE, METRIC_ACCURACY, METRIC_LOSS } from './netLoss';
import type { Params } from './network';
import { createRng, shuffleInPlace, type RngState } from './rng';
import type { TrainingSet } from './trainingSet';
import { backwardInto } from './backward';
import { forwardInto } from './forward';
import { penaltyOf, type Penalty } from './regularization';
import { applySgdStep } from './sgd';
import { clearOptimizerState, createOptimizerState, optimizerOf, type OptimizerState } from './optimizer';
import {
  createTraceBuffers,
  samplesPerUpdate,
  settleTrace,
  trainGenericEpochRest,
  trainGenericSample,
  type TraceBuffers,
} from './trainerStep';

export type SampleOrder = 'in-order' | 'shuffled';

export const SAMPLE_ORDER_LABELS: Readonly<Record<SampleOrder, string>> = {
  'in-order': 'In order',
  shuffled: 'Shuffled',
};

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
  return new Trainer(options);
}

/**
 * Everything a run needs, in one mutable record: the live parameters, the data, where in the epoch we
 * are, the seeded shuffle stream, the optimizer's state, and scratch buffers the hot loop reuses (it
 * allocates nothing). Made by createTrainer. A class, not an object literal, so that the `factors` and
 * `grad` getters live on the prototype: accessors in an object literal slow the hot loop (by a tenth).
 */
export class Trainer {
  /** networkParamCount(architecture) parameters, in the layout of layerShape.ts. */
  readonly params: Params;
  readonly architecture: Architecture;
  set: TrainingSet;
  order: Uint32Array;
  sampleOrder: SampleOrder;
  readonly rng: RngState;
  learningRate: number;
  /** Completed epochs. */
  epoch = 0;
  /** Position in `order` of the next sample of the current epoch (0 = at an epoch boundary). */
  cursor = 0;
  /** Index into `set` of the sample trained last, -1 before any. */
  lastSample = -1;
  /** Forward values of the sample trained last (bufferLayout.ts); `factors` and `grad` below. */
  readonly forward: Float64Array;
  /** The buffers behind `factors` and `grad`, and what a pending trace is worked out from. */
  readonly trace: TraceBuffers;
  /** Samples per parameter update: 1, the mini-batch size, or Infinity (full batch). */
  readonly samplesPerUpdate: number;
  /** Gradients of the current batch summed so far (all 0 after each step), and how many samples they are. */
  readonly batchGrad: Float64Array;
  batchFill = 0;
  /** Momentum coefficient in [0, MAX_MOMENTUM]; 0 takes the plain SGD step (always 0 for RMSProp and Adam). */
  readonly momentum: number;
  /** Momentum's velocity per parameter (all 0 without momentum); `optimizer.velocity`. */
  readonly velocity: Float64Array;
  /** The weight penalty every step adds (regularization.ts), or null for none. */
  readonly penalty: Penalty | null;
  /** Accuracy of the parameters the last loss was measured at (currentLoss, trainEpoch); NaN before. */
  accuracy = Number.NaN;
  /** The article's architecture on its specialized 2-2-1 code (what the reference numbers come from). */
  readonly articlePath: boolean;
  /** The optimizer's options and what it remembers between steps (optimizer.ts). */
  readonly optimizer: OptimizerState;

  constructor(options: TrainerOptions) {
    const architecture = options.architecture ?? ARTICLE_ARCHITECTURE;
    const { momentum } = architecture;
    const sizes = hiddenSizes(architecture);
    if (!isValidSizes(sizes)) {
      throw new RangeError(
        `hidden neurons must be ${MIN_HIDDEN}..${MAX_HIDDEN} a layer, got ${sizes.join('-')}`,
      );
    }
    const inputs = inputCount(architecture);
    const count = networkParamCount(architecture);
    if (options.params.length !== count) {
      throw new RangeError(
        `expected ${count} parameters for ${sizes.join('-')} hidden neurons and ${inputs} inputs, got ${options.params.length}`,
      );
    }
    this.params = new Float64Array(count);
    this.params.set(options.params);
    this.architecture = architecture;
    this.set = options.set;
    this.order = identityOrder(options.set.count);
    this.sampleOrder = options.sampleOrder;
    this.rng = createRng((options.seed ^ SHUFFLE_SEED_SALT) >>> 0);
    this.learningRate = options.learningRate;
    this.forward = new Float64Array(networkForwardSize(architecture));
    this.trace = createTraceBuffers(architecture);
    this.samplesPerUpdate = samplesPerUpdate(architecture);
    this.batchGrad = new Float64Array(count);
    this.optimizer = createOptimizerState(optimizerOf(architecture), count);
    const withMomentum = this.optimizer.settings.kind === 'sgd' && Number.isFinite(momentum);
    this.momentum = withMomentum ? Math.min(MAX_MOMENTUM, Math.max(0, momentum)) : 0;
    this.velocity = this.optimizer.velocity;
    const { regularization, regularizationRate } = architecture;
    this.penalty = penaltyOf(regularization, regularizationRate, networkWeightCount(architecture));
    this.articlePath = !options.generic && isArticleArchitecture(architecture);
  }

  /**
   * Chain-rule factors and own gradient of the sample trained last (bufferLayout.ts). After trainEpoch
   * in a batch mode they are worked out when first read: the hot loop has no use for them.
   */
  get factors(): Float64Array {
    settleTrace(this.architecture, this.forward, this.trace);
    return this.trace.factors;
  }

  get grad(): Float64Array {
    settleTrace(this.architecture, this.forward, this.trace);
    return this.trace.grad;
  }
}

/** Swaps in new data (an edited table); the next sample starts a fresh epoch (and a fresh batch) over it. */
export function replaceTrainingSet(trainer: Trainer, set: TrainingSet): void {
  trainer.set = set;
  trainer.order = identityOrder(set.count);
  trainer.cursor = 0;
  trainer.lastSample = -1;
  dropBatch(trainer);
}

/** Forgets a half-filled batch. */
function dropBatch(trainer: Trainer): void {
  if (trainer.batchFill === 0) return;
  trainer.batchGrad.fill(0);
  trainer.batchFill = 0;
}

/**
 * Forgets the optimizer's memory (a half-filled batch, momentum's velocity, Adam's and RMSProp's
 * moments and step count) and goes back to an epoch
 * boundary. Call it after setting the parameters from outside (a rollback, a resume from the timeline),
 * where the old velocity would push the new parameters somewhere they never were.
 */
export function restartOptimizer(trainer: Trainer): void {
  trainer.cursor = 0;
  dropBatch(trainer);
  clearOptimizerState(trainer.optimizer);
}

/** Shuffles (in `Shuffled` order) and forgets a half-filled batch: batches never span epochs. */
function beginEpoch(trainer: Trainer): void {
  if (trainer.sampleOrder === 'shuffled') shuffleInPlace(trainer.order, trainer.set.count, trainer.rng);
  dropBatch(trainer); // also when someone moved the cursor back mid-batch
}

/**
 * Trains one sample: forward, backward, then an update now (per sample) or when its batch is complete.
 * Returns true when it completed an epoch. The article's network keeps its own 2-2-1 code, exactly as it
 * was before the other architectures came (the benchmarks hold it to 0.9x a plain loop).
 */
export function trainSample(trainer: Trainer): boolean {
  if (!trainer.articlePath) return trainGenericNext(trainer);
  const { set, order, params, trace } = trainer;
  if (set.count === 0) return false;
  if (trainer.cursor === 0 && trainer.sampleOrder === 'shuffled') {
    shuffleInPlace(order, set.count, trainer.rng);
  }
  const sample = order[trainer.cursor]!;
  const x1 = set.inputs[2 * sample]!;
  const x2 = set.inputs[2 * sample + 1]!;
  forwardInto(params, x1, x2, trainer.forward);
  backwardInto(params, x1, x2, set.targets[sample]!, trainer.forward, trace.factors, trace.grad);
  applySgdStep(params, trace.grad, trainer.learningRate);
  return finishSample(trainer, sample);
}

function trainGenericNext(trainer: Trainer): boolean {
  const { set } = trainer;
  if (set.count === 0) return false;
  if (trainer.cursor === 0) beginEpoch(trainer);
  const sample = trainer.order[trainer.cursor]!;
  trainGenericSample(trainer, sample, trainer.cursor + 1 >= set.count);
  return finishSample(trainer, sample);
}

/** Moves past the sample just trained; true when that completed an epoch. */
function finishSample(trainer: Trainer, sample: number): boolean {
  trainer.lastSample = sample;
  trainer.cursor += 1;
  if (trainer.cursor < trainer.set.count) return false;
  trainer.cursor = 0;
  trainer.epoch += 1;
  return true;
}

/**
 * Trains the rest of the current epoch (a whole one from a boundary) and returns the epoch loss: the
 * dataset loss after that epoch's updates, as the article's code prints it. `trainer.accuracy` is
 * measured in the same pass. Afterwards forward, factors and grad describe the epoch's last sample, as
 * after trainSample.
 */
export function trainEpoch(trainer: Trainer): number {
  const count = trainer.set.count;
  if (count === 0) return Number.NaN;
  if (trainer.articlePath) {
    trainArticleSamples(trainer, count - 1);
    while (!trainSample(trainer)) {
      // the epoch's last sample, with its trace (a cursor moved back mid-epoch may leave more)
    }
  } else {
    if (trainer.cursor === 0) beginEpoch(trainer);
    trainGenericEpochRest(trainer);
  }
  return currentLoss(trainer);
}

const metrics = new Float64Array(METRICS_SIZE);

/** The dataset loss (MSE or BCE) of the current parameters; sets `trainer.accuracy` in the same pass. */
export function currentLoss(trainer: Trainer): number {
  const { set, params, architecture } = trainer;
  metricsInto(architecture, params, set.inputs, set.targets, set.count, metrics);
  trainer.accuracy = metrics[METRIC_ACCURACY]!;
  return metrics[METRIC_LOSS]!;
}

import { FACTOR_COUNT, backwardInto } from './backward';
import { FORWARD_SIZE, forwardInto } from './forward';
import { datasetLoss } from './loss';
import { PARAM_COUNT, type Params } from './network';
import { createRng, shuffleInPlace, type RngState } from './rng';
import { applySgdStep } from './sgd';
import type { TrainingSet } from './trainingSet';

export type SampleOrder = 'in-order' | 'shuffled';

export const SAMPLE_ORDER_LABELS: Readonly<Record<SampleOrder, string>> = {
  'in-order': 'In order',
  shuffled: 'Shuffled',
};

/**
 * Everything a run needs, in one mutable record: the live parameters, the data, where in the epoch we
 * are, the seeded shuffle stream, and scratch buffers the hot loop reuses (it allocates nothing).
 */
export interface Trainer {
  readonly params: Params;
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
  /** Forward values, chain-rule factors and gradient of the sample trained last. */
  readonly forward: Float64Array;
  readonly factors: Float64Array;
  readonly grad: Float64Array;
}

/** The shuffle stream gets its own seed so it never shares draws with the initial weights. */
const SHUFFLE_SEED_SALT = 0x9e3779b9;

export interface TrainerOptions {
  readonly params: ArrayLike<number>;
  readonly set: TrainingSet;
  readonly sampleOrder: SampleOrder;
  readonly seed: number;
  readonly learningRate: number;
}

function identityOrder(count: number): Uint32Array {
  const order = new Uint32Array(count);
  for (let i = 0; i < count; i++) order[i] = i;
  return order;
}

export function createTrainer(options: TrainerOptions): Trainer {
  const params = new Float64Array(PARAM_COUNT);
  params.set(options.params);
  return {
    params,
    set: options.set,
    order: identityOrder(options.set.count),
    sampleOrder: options.sampleOrder,
    rng: createRng((options.seed ^ SHUFFLE_SEED_SALT) >>> 0),
    learningRate: options.learningRate,
    epoch: 0,
    cursor: 0,
    lastSample: -1,
    forward: new Float64Array(FORWARD_SIZE),
    factors: new Float64Array(FACTOR_COUNT),
    grad: new Float64Array(PARAM_COUNT),
  };
}

/** Swaps in new data (an edited table); the next sample starts a fresh epoch over it. */
export function replaceTrainingSet(trainer: Trainer, set: TrainingSet): void {
  trainer.set = set;
  trainer.order = identityOrder(set.count);
  trainer.cursor = 0;
  trainer.lastSample = -1;
}

/** One SGD step on one sample: forward, backward, update. Returns true when it completed an epoch. */
export function trainSample(trainer: Trainer): boolean {
  const { set, order, params } = trainer;
  if (set.count === 0) return false;
  if (trainer.cursor === 0 && trainer.sampleOrder === 'shuffled') {
    shuffleInPlace(order, set.count, trainer.rng);
  }
  const sample = order[trainer.cursor]!;
  const x1 = set.inputs[2 * sample]!;
  const x2 = set.inputs[2 * sample + 1]!;
  forwardInto(params, x1, x2, trainer.forward);
  backwardInto(params, x1, x2, set.targets[sample]!, trainer.forward, trainer.factors, trainer.grad);
  applySgdStep(params, trainer.grad, trainer.learningRate);
  trainer.lastSample = sample;
  trainer.cursor += 1;
  if (trainer.cursor < set.count) return false;
  trainer.cursor = 0;
  trainer.epoch += 1;
  return true;
}

/**
 * Trains the rest of the current epoch (a whole one from a boundary) and returns the epoch loss:
 * the dataset MSE after that epoch's updates, as the article's code prints it.
 */
export function trainEpoch(trainer: Trainer): number {
  if (trainer.set.count === 0) return Number.NaN;
  while (!trainSample(trainer)) {
    // each call trains one sample; the loop ends on the epoch's last one
  }
  return currentLoss(trainer);
}

/** The dataset MSE of the current parameters. */
export function currentLoss(trainer: Trainer): number {
  return datasetLoss(trainer.params, trainer.set.inputs, trainer.set.targets, trainer.set.count);
}

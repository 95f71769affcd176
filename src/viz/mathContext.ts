import { shapeFor } from '../core/engine';
import {
  ARTICLE_ARCHITECTURE,
  type Architecture,
  type HiddenActivation,
  type LossKind,
  type OutputActivation,
  type UpdateMode,
} from '../core/architecture';
import { DEFAULT_FEATURES, type Feature } from '../core/features';
import type { Regularization } from '../core/regularization';
import { optimizerOf, type OptimizerSettings } from '../core/optimizer';
import type { StepRecord } from '../store/derived';

/**
 * What the formulas depend on besides the step's numbers: the network's size, its hidden activation, the
 * loss, and how updates are made. The article's network and training are the default.
 */
export interface MathContext {
  readonly hidden: number;
  readonly activation: HiddenActivation;
  readonly loss: LossKind;
  readonly update: UpdateMode;
  /** Samples averaged into one update: 1 per sample, the batch size, or every valid row (full batch). */
  readonly batch: number;
  readonly momentum: number;
  /** What the input neurons see (the article's x1, x2 by default). */
  readonly features: readonly Feature[];
  /** The weight penalty each update adds, and its rate. */
  readonly regularization: Regularization;
  readonly regularizationRate: number;
  /** The output neuron: a sigmoid unless a numeric target made it linear. */
  readonly output?: OutputActivation;
  /** RMSProp or Adam and their options; absent for SGD (with `momentum`). */
  readonly optimizer?: OptimizerSettings;
  /** Each hidden layer's size with two or more layers (core/layerShape.ts); `hidden` is the first's. */
  readonly hiddenLayers?: readonly number[];
}

export const ARTICLE_CONTEXT: MathContext = {
  hidden: 2,
  activation: 'sigmoid',
  loss: 'mse',
  update: 'sample',
  batch: 1,
  momentum: 0,
  features: DEFAULT_FEATURES,
  regularization: 'none',
  regularizationRate: 0,
};

/** The context of `record` under `architecture`, with `validRows` samples in a full batch. */
export function mathContext(
  record: StepRecord,
  architecture: Architecture = ARTICLE_ARCHITECTURE,
  validRows = 1,
): MathContext {
  // Sized by the step's own parameters: just after a change of network the step may still be the last run's.
  const shape = shapeFor(record.paramsBefore, record.architecture ?? architecture);
  const { activation, loss, update, momentum, features, regularization, regularizationRate, hidden } = shape;
  const batch =
    update === 'sample' ? 1 : update === 'full-batch' ? Math.max(1, validRows) : architecture.batchSize;
  const output = shape.output === 'linear' ? { output: shape.output } : {};
  const optimizer = optimizerOf(shape);
  const adaptive = optimizer.kind === 'sgd' ? {} : { optimizer };
  const layers = shape.hiddenLayers === undefined ? {} : { hiddenLayers: shape.hiddenLayers };
  return {
    hidden,
    activation,
    loss,
    update,
    batch,
    momentum: adaptive.optimizer ? 0 : momentum,
    features,
    regularization,
    regularizationRate,
    ...output,
    ...adaptive,
    ...layers,
  };
}

/** The article's rule: one update per sample, plain SGD (a weight penalty keeps it one step per sample). */
export function isPlainSgd(context: MathContext): boolean {
  return context.batch === 1 && context.momentum === 0 && context.optimizer === undefined;
}

/** Whether each update adds a weight penalty. */
export function hasPenalty(context: MathContext): boolean {
  return context.regularization !== 'none' && context.regularizationRate > 0;
}

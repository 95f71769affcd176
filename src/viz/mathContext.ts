import {
  ARTICLE_ARCHITECTURE,
  hiddenFromParamCount,
  type Architecture,
  type HiddenActivation,
  type LossKind,
  type OutputActivation,
  type UpdateMode,
} from '../core/architecture';
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
  /** The output neuron: a sigmoid unless a numeric target made it linear. */
  readonly output?: OutputActivation;
}

export const ARTICLE_CONTEXT: MathContext = {
  hidden: 2,
  activation: 'sigmoid',
  loss: 'mse',
  update: 'sample',
  batch: 1,
  momentum: 0,
};

/** The context of `record` under `architecture`, with `validRows` samples in a full batch. */
export function mathContext(
  record: StepRecord,
  architecture: Architecture = ARTICLE_ARCHITECTURE,
  validRows = 1,
): MathContext {
  const { activation, loss, update, momentum } = architecture;
  const hidden = hiddenFromParamCount(record.paramsBefore.length) ?? architecture.hidden;
  const batch =
    update === 'sample' ? 1 : update === 'full-batch' ? Math.max(1, validRows) : architecture.batchSize;
  const output = architecture.output === 'linear' ? { output: architecture.output } : {};
  return { hidden, activation, loss, update, batch, momentum, ...output };
}

/** The article's rule: one update per sample, plain SGD. */
export function isPlainSgd(context: MathContext): boolean {
  return context.batch === 1 && context.momentum === 0;
}

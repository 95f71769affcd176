import {
  hiddenFromParamCount,
  inputWeightIndex,
  outputBiasIndex,
  outputWeightIndex,
  paramCount,
  paramNames,
  type LossKind,
} from '../../core/architecture';
import { featureValue, isFeature, type Feature } from '../../core/features';
import { ARTICLE_CONTEXT, type MathContext } from '../../viz/mathContext';
import { phaseNumber, updatePhase, updateRule, type UpdateRule } from './updatePhase';

export { beforeAfter, phaseNumber, type UpdateRule } from './updatePhase';
import {
  LOSS_SLOPE_SLOT,
  hiddenOutputSlot,
  outputByHiddenSlot,
  outputSlot,
  outputSumSlot,
} from '../../core/bufferLayout';
import { sampleLossFromSum } from '../../core/netLoss';
import type { StepRecord } from '../../store/derived';
import type { StepPhase } from '../../core/stepPhases';
import type { NeuronId } from './layout';

/**
 * What one phase of an SGD step touches on the `Network` figure, and the numbers it shows there. Pure:
 * it reads the same StepRecord the Math view shows, so the figure and the formulas always agree.
 */
export interface Highlight {
  /** The phase touches it: drawn in full while the rest dims. */
  readonly active: boolean;
  /** Its place in the phase's wave (0 first), for the staggered animation. */
  readonly stage: number;
  /** On w1's path x1 → h1 → o1, the one the Math view derives. */
  readonly onPath: boolean;
}

export type Tone = 'positive' | 'negative' | 'zero';

export interface ParamPhase extends Highlight {
  /** The value the weight or bias is drawn (and named) with. */
  readonly value: number;
  /** The visible label in place of `w1 = 1`; null keeps the usual one. */
  readonly label: string | null;
  /** Appended to the accessible name, e.g. `gradient dL/dw1 = 0.0215`. */
  readonly spoken: string | null;
  /** Sign of the gradient flowing back along it (backward only), for its colour. */
  readonly tone: Tone | null;
  /** Which way the values move along it: inputs → output, or output → inputs. */
  readonly flow: 'forward' | 'backward' | null;
}

export interface NeuronPhase extends Highlight {
  /** The neuron's value in this step: the scaled input, or its output. */
  readonly value: number;
  /** A chain-rule factor shown beside it (backward), e.g. `dypred/dh1 = 0.249`. */
  readonly factor: string | null;
}

export interface PhaseView {
  readonly phase: StepPhase;
  /** Indexed like the parameters (architecture.ts layout: w1..w6, b1..b3 for the article's network). */
  readonly params: readonly ParamPhase[];
  /** By neuron id: x1, x2, h1 … hH, o1. */
  readonly neurons: Readonly<Partial<Record<NeuronId, NeuronPhase>>>;
  /**
   * How the step updates: the article's SGD (each parameter moves now), a batch (this sample adds its
   * share; the step comes once the batch is done) or momentum (the gradient's push joins the last step).
   */
  readonly rule: UpdateRule;
  /** Which network the step shows now: before it, or after it (the update of a plain SGD step). */
  readonly shows: 'before' | 'after';
  /** Lines of the badge beside o1 (loss: the loss and dL/dypred; backward: dL/dypred); else empty. */
  readonly badge: readonly string[];
}

function toneOf(value: number): Tone {
  return value > 0 ? 'positive' : value < 0 ? 'negative' : 'zero';
}

/**
 * Output layer (w(FH+1) … w((F+1)H) and the output bias) or hidden layer (the input weights, hidden
 * biases), for F inputs.
 */
function isOutputParam(hidden: number, inputs: number, param: number): boolean {
  const first = outputWeightIndex(hidden, 0, inputs);
  return (param >= first && param < first + hidden) || param === outputBiasIndex(hidden, inputs);
}

/** w1 → h1 → o1: the path of the gradient the Math view derives (w1, then h1's weight to the output). */
function isPathParam(hidden: number, inputs: number, param: number): boolean {
  return param === inputWeightIndex(0, 0, inputs) || param === outputWeightIndex(hidden, 0, inputs);
}

/** On w1's path: the first input (x1 for the article), h1 and o1. */
function isPathNeuron(id: NeuronId, features: readonly Feature[]): boolean {
  return id === features[0] || id === 'h1' || id === 'o1';
}

/** Stage of a neuron's layer in the forward wave (inputs, hidden, output); the backward one reverses it. */
function neuronLayer(id: NeuronId): number {
  if (isFeature(id)) return 0;
  return id === 'o1' ? 2 : 1;
}

function paramPhase(record: StepRecord, phase: StepPhase, param: number, context: MathContext): ParamPhase {
  const { hidden } = context;
  const inputs = context.features.length;
  const name = paramNames(hidden, inputs)[param]!;
  const before = record.paramsBefore[param]!;
  const gradient = record.grad[param]!;
  const output = isOutputParam(hidden, inputs, param);
  const base = { active: phase !== 'loss', onPath: false, tone: null, flow: null, label: null, spoken: null };
  switch (phase) {
    case 'forward':
      return { ...base, value: before, stage: output ? 3 : 1, flow: 'forward' };
    case 'loss':
      return { ...base, value: before, stage: 0 };
    case 'backward': {
      const text = `dL/d${name} = ${phaseNumber(gradient)}`;
      return {
        ...base,
        value: before,
        stage: output ? 1 : 3,
        onPath: isPathParam(hidden, inputs, param),
        label: text,
        spoken: `gradient ${text}`,
        tone: toneOf(gradient),
        flow: 'backward',
      };
    }
    case 'update':
      return updatePhase(record, param, context, { ...base, value: before, stage: 0 });
  }
}

function neuronValue(record: StepRecord, id: NeuronId, hidden: number): number {
  if (isFeature(id)) return featureValue(id, record.x1, record.x2);
  if (id === 'o1') return record.forward[outputSlot(hidden)]!;
  return record.forward[hiddenOutputSlot(Number(id.slice(1)) - 1)]!;
}

function neuronPhase(
  record: StepRecord,
  phase: StepPhase,
  id: NeuronId,
  hidden: number,
  features: readonly Feature[],
): NeuronPhase {
  const value = neuronValue(record, id, hidden);
  const layer = neuronLayer(id);
  const inactive = { value, active: false, stage: 0, onPath: false, factor: null };
  switch (phase) {
    case 'forward':
      return { ...inactive, active: true, stage: layer * 2 };
    case 'loss':
      return id === 'o1' ? { ...inactive, active: true } : inactive;
    case 'backward': {
      // Only w1's path lights back to the inputs: its input (x1 for the article) is what dh1/dw1 multiplies.
      if (isFeature(id) && id !== features[0]) return inactive;
      const factor =
        id === 'o1'
          ? `dL/dypred = ${phaseNumber(record.factors[LOSS_SLOPE_SLOT]!)}`
          : id === 'h1'
            ? `dypred/dh1 = ${phaseNumber(record.factors[outputByHiddenSlot(0)]!)}`
            : null;
      return {
        ...inactive,
        active: true,
        stage: (2 - layer) * 2,
        onPath: isPathNeuron(id, features),
        factor,
      };
    }
    case 'update':
      return inactive;
  }
}

/** How the loss of one sample is written: (y − ŷ)², or cross-entropy's −ln ŷ (y = 1) or −ln(1 − ŷ). */
function lossExpression(loss: LossKind, target: number, yPred: string): string {
  if (loss === 'mse') return `(${target} − ${yPred})²`;
  return target === 1 ? `−ln ${yPred}` : `−ln(1 − ${yPred})`;
}

/** The loss of this one sample and its slope, as the badge beside o1 prints them. */
function lossBadge(record: StepRecord, hidden: number, loss: LossKind): string[] {
  const yPred = record.forward[outputSlot(hidden)]!;
  const value = sampleLossFromSum(loss, record.target, record.forward[outputSumSlot(hidden)]!, yPred);
  return [
    `L = ${lossExpression(loss, record.target, phaseNumber(yPred))} = ${phaseNumber(value)}`,
    `dL/dypred = ${phaseNumber(record.factors[LOSS_SLOPE_SLOT]!)}`,
  ];
}

/** What `phase` of the step in `record` touches, for the network and update rule of `context`. */
export function stepPhaseView(
  record: StepRecord,
  phase: StepPhase,
  given: MathContext = ARTICLE_CONTEXT,
): PhaseView {
  const { features } = given;
  const hidden = hiddenFromParamCount(record.paramsBefore.length, features.length) ?? given.hidden;
  const context = { ...given, hidden };
  const params = Array.from({ length: paramCount(hidden, features.length) }, (_, param) =>
    paramPhase(record, phase, param, context),
  );
  const ids: NeuronId[] = [...features];
  for (let j = 1; j <= hidden; j++) ids.push(`h${j}`);
  ids.push('o1');
  const neurons: Partial<Record<NeuronId, NeuronPhase>> = Object.fromEntries(
    ids.map((id) => [id, neuronPhase(record, phase, id, hidden, features)]),
  );
  // Backward starts where the loss left off: dL/dypred, in the same badge beside o1.
  const badge =
    phase === 'loss'
      ? lossBadge(record, hidden, context.loss)
      : phase === 'backward'
        ? [neurons.o1!.factor!]
        : [];
  const rule = updateRule(context);
  const shows = phase === 'update' && rule === 'sgd' ? 'after' : 'before';
  return { phase, params, neurons, badge, rule, shows };
}

import { DL_DYPRED, DYPRED_DH1 } from '../../core/backward';
import { H1, H2, O1 } from '../../core/forward';
import { squaredError } from '../../core/loss';
import { B3, PARAM_COUNT, PARAM_NAMES, W5, W6 } from '../../core/network';
import type { StepRecord } from '../../store/derived';
import type { StepPhase } from '../../store/labStore';
import { formatValue } from '../format';
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
  /** Indexed like the parameters: w1..w6, b1..b3. */
  readonly params: readonly ParamPhase[];
  readonly neurons: Readonly<Record<NeuronId, NeuronPhase>>;
  /** Lines of the badge beside o1 (loss: the loss and dL/dypred; backward: dL/dypred); else empty. */
  readonly badge: readonly string[];
}

/** 3 significant digits like the Math view, with a typographic minus for reading. */
export function phaseNumber(value: number): string {
  return formatValue(value, 3).replace(/^-/, '−');
}

/**
 * Before and after an update, with just enough digits to tell them apart: `1 → 0.998`, but
 * `1 → 1.001` rather than `1 → 1` when the change is smaller than the third digit.
 */
export function beforeAfter(before: number, after: number): string {
  let digits = 3;
  const shown = (value: number) => formatValue(value, digits).replace(/^-/, '−');
  while (digits < 6 && before !== after && shown(before) === shown(after)) digits += 1;
  return `${shown(before)} → ${shown(after)}`;
}

/** A change always carries its sign: `−0.00215`, `+0.0238`. */
function signedChange(value: number): string {
  return value > 0 ? `+${phaseNumber(value)}` : phaseNumber(value);
}

function toneOf(value: number): Tone {
  return value > 0 ? 'positive' : value < 0 ? 'negative' : 'zero';
}

/** Output layer (w5, w6, b3) or hidden layer (w1..w4, b1, b2). */
function isOutputParam(param: number): boolean {
  return param === W5 || param === W6 || param === B3;
}

/** w1 and w5 carry w1's gradient: w1 → h1 → o1. */
const PATH_PARAMS: ReadonlySet<string> = new Set(['w1', 'w5']);
const PATH_NEURONS: ReadonlySet<NeuronId> = new Set(['x1', 'h1', 'o1']);

/** Stage of each neuron in the forward wave (inputs, hidden, output) and the backward one (reversed). */
const NEURON_LAYER: Readonly<Record<NeuronId, number>> = { x1: 0, x2: 0, h1: 1, h2: 1, o1: 2 };

function paramPhase(record: StepRecord, phase: StepPhase, param: number): ParamPhase {
  const name = PARAM_NAMES[param]!;
  const before = record.paramsBefore[param]!;
  const gradient = record.grad[param]!;
  const output = isOutputParam(param);
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
        onPath: PATH_PARAMS.has(name),
        label: text,
        spoken: `gradient ${text}`,
        tone: toneOf(gradient),
        flow: 'backward',
      };
    }
    case 'update': {
      const after = record.paramsAfter[param]!;
      const move = beforeAfter(before, after);
      const change = signedChange(after - before);
      return {
        ...base,
        value: after,
        stage: 0,
        label: `${move} (${change})`,
        spoken: `updated ${move}, change ${change} (−learning rate × gradient)`,
      };
    }
  }
}

function neuronValue(record: StepRecord, id: NeuronId): number {
  if (id === 'x1') return record.x1;
  if (id === 'x2') return record.x2;
  return record.forward[id === 'h1' ? H1 : id === 'h2' ? H2 : O1]!;
}

function neuronPhase(record: StepRecord, phase: StepPhase, id: NeuronId): NeuronPhase {
  const value = neuronValue(record, id);
  const layer = NEURON_LAYER[id];
  const inactive = { value, active: false, stage: 0, onPath: false, factor: null };
  switch (phase) {
    case 'forward':
      return { ...inactive, active: true, stage: layer * 2 };
    case 'loss':
      return id === 'o1' ? { ...inactive, active: true } : inactive;
    case 'backward': {
      // Only w1's path lights back to the inputs: x1 is what dh1/dw1 multiplies.
      if (id === 'x2') return inactive;
      const factor =
        id === 'o1'
          ? `dL/dypred = ${phaseNumber(record.factors[DL_DYPRED]!)}`
          : id === 'h1'
            ? `dypred/dh1 = ${phaseNumber(record.factors[DYPRED_DH1]!)}`
            : null;
      return { ...inactive, active: true, stage: (2 - layer) * 2, onPath: PATH_NEURONS.has(id), factor };
    }
    case 'update':
      return inactive;
  }
}

/** The loss of this one sample and its slope, as the badge beside o1 prints them. */
function lossBadge(record: StepRecord): string[] {
  const yPred = record.forward[O1]!;
  const loss = squaredError(record.target, yPred);
  return [
    `L = (${record.target} − ${phaseNumber(yPred)})² = ${phaseNumber(loss)}`,
    `dL/dypred = ${phaseNumber(record.factors[DL_DYPRED]!)}`,
  ];
}

export function stepPhaseView(record: StepRecord, phase: StepPhase): PhaseView {
  const params = Array.from({ length: PARAM_COUNT }, (_, param) => paramPhase(record, phase, param));
  const ids: NeuronId[] = ['x1', 'x2', 'h1', 'h2', 'o1'];
  const neurons = Object.fromEntries(ids.map((id) => [id, neuronPhase(record, phase, id)])) as Record<
    NeuronId,
    NeuronPhase
  >;
  // Backward starts where the loss left off: dL/dypred, in the same badge beside o1.
  const badge = phase === 'loss' ? lossBadge(record) : phase === 'backward' ? [neurons.o1.factor!] : [];
  return { phase, params, neurons, badge };
}

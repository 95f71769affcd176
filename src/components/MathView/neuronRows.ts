/** Pieces shared by the formulas: TeX notation helpers and one neuron's weighted-sum row. */
import { H1, H2, SUM_H1, SUM_H2, SUM_O1, O1 } from '../../core/forward';
import { B1, B2, B3, PARAM_NAMES, W1, W2, W3, W4, W5, W6 } from '../../core/network';
import type { StepRecord } from '../../store/derived';
import { plainNumber, plainOperand, texNumber, texOperand } from './numbers';

/** A number shown in a formula, at full float64 precision (for hover and focus). */
export interface ExactValue {
  readonly label: string;
  readonly exact: number;
}

export const Y_TRUE = 'y_{\\mathrm{true}}';
export const Y_PRED = 'y_{\\mathrm{pred}}';

/** `w1` -> `w_1`: the article's subscripts. */
export function sub(name: string): string {
  return `${name.slice(0, 1)}_${name.slice(1)}`;
}

export function partial(top: string, bottom: string): string {
  return `\\frac{\\partial ${top}}{\\partial ${bottom}}`;
}

export function aligned(rows: readonly string[]): string {
  return `\\begin{aligned} ${rows.join(' \\\\ ')} \\end{aligned}`;
}

/** One sigmoid neuron of the 2-2-1 network: which inputs, weights and bias it reads, which slots it fills. */
export interface NeuronSpec {
  readonly out: string;
  readonly inputs: readonly [string, string];
  readonly weights: readonly [number, number];
  readonly bias: number;
  readonly sumSlot: number;
  readonly outSlot: number;
}

export const NEURON_H1: NeuronSpec = {
  out: 'h1',
  inputs: ['x1', 'x2'],
  weights: [W1, W2],
  bias: B1,
  sumSlot: SUM_H1,
  outSlot: H1,
};
export const NEURON_H2: NeuronSpec = {
  out: 'h2',
  inputs: ['x1', 'x2'],
  weights: [W3, W4],
  bias: B2,
  sumSlot: SUM_H2,
  outSlot: H2,
};
export const NEURON_O1: NeuronSpec = {
  out: 'o1',
  inputs: ['h1', 'h2'],
  weights: [W5, W6],
  bias: B3,
  sumSlot: SUM_O1,
  outSlot: O1,
};

function inputValue(record: StepRecord, name: string): number {
  if (name === 'x1') return record.x1;
  if (name === 'x2') return record.x2;
  return record.forward[name === 'h1' ? H1 : H2]!;
}

export interface FilledRow {
  readonly tex: string;
  readonly plain: string;
  readonly values: readonly ExactValue[];
}

/**
 * `h_1 &= f(w_1 x_1 + w_2 x_2 + b_1) = f(1 \cdot (-2) + 1 \cdot (-1) + 0) = f(-3) = 0.0474`. `stacked`
 * (the single-neuron formula) puts each step on its own aligned row and writes out the sigmoid.
 */
export function neuronRow(record: StepRecord, spec: NeuronSpec, stacked = false): FilledRow {
  const p = record.paramsBefore;
  const [wa, wb] = spec.weights.map((index) => PARAM_NAMES[index]!);
  const [a, b] = spec.inputs;
  const bias = PARAM_NAMES[spec.bias]!;
  const [wav, wbv, biasv] = [p[spec.weights[0]]!, p[spec.weights[1]]!, p[spec.bias]!];
  const [av, bv] = [inputValue(record, a), inputValue(record, b)];
  const sum = record.forward[spec.sumSlot]!;
  const out = record.forward[spec.outSlot]!;
  const sigmoidTex = stacked ? ` = \\frac{1}{1 + e^{${texNumber(-sum)}}}` : '';
  const equals = stacked ? ' \\\\ &= ' : ' = ';
  const tex =
    `${sub(spec.out)} &= f(${sub(wa!)} ${sub(a)} + ${sub(wb!)} ${sub(b)} + ${sub(bias)})${equals}` +
    `f(${texOperand(wav)} \\cdot ${texOperand(av)} + ${texOperand(wbv)} \\cdot ${texOperand(bv)} + ` +
    `${texOperand(biasv)})${equals}f(${texNumber(sum)})${sigmoidTex} = ${texNumber(out)}`;
  const plain =
    `${spec.out} = f(${wa}·${a} + ${wb}·${b} + ${bias}) = f(${plainOperand(wav)} × ${plainOperand(av)} + ` +
    `${plainOperand(wbv)} × ${plainOperand(bv)} + ${plainOperand(biasv)}) = f(${plainNumber(sum)}) = ${plainNumber(out)}`;
  const values: ExactValue[] = [
    { label: wa!, exact: wav },
    { label: a, exact: av },
    { label: wb!, exact: wbv },
    { label: b, exact: bv },
    { label: bias, exact: biasv },
    { label: `${wa}·${a} + ${wb}·${b} + ${bias}`, exact: sum },
    { label: spec.out === 'o1' ? 'o1 = ypred' : spec.out, exact: out },
  ];
  return { tex, plain, values };
}

/** Pieces shared by the formulas: TeX notation helpers and one neuron's weighted-sum row. */
import {
  hiddenBiasIndex,
  inputWeightIndex,
  outputBiasIndex,
  outputWeightIndex,
  paramNames,
} from '../../core/architecture';
import { hiddenOutputSlot, hiddenSumSlot, outputSlot, outputSumSlot } from '../../core/bufferLayout';
import type { StepRecord } from '../../store/derived';
import { notationFor, writtenOut, type Notation } from './notation';
import { plainNumber, plainOperand, texNumber, texOperand } from './numbers';

/** A number shown in a formula, at full float64 precision (for hover and focus). */
export interface ExactValue {
  readonly label: string;
  readonly exact: number;
}

export const Y_TRUE = 'y_{\\mathrm{true}}';
export const Y_PRED = 'y_{\\mathrm{pred}}';

/** `w1` -> `w_1`, `w17` -> `w_{17}`: the article's subscripts. */
export function sub(name: string): string {
  const index = name.slice(1);
  return `${name.slice(0, 1)}_${index.length > 1 ? `{${index}}` : index}`;
}

export function partial(top: string, bottom: string): string {
  return `\\frac{\\partial ${top}}{\\partial ${bottom}}`;
}

export function aligned(rows: readonly string[]): string {
  return `\\begin{aligned} ${rows.join(' \\\\ ')} \\end{aligned}`;
}

/** One neuron: which inputs, weights and bias it reads, which forward slots it fills, its function. */
export interface NeuronSpec {
  readonly out: string;
  readonly inputs: readonly string[];
  readonly weights: readonly number[];
  readonly bias: number;
  readonly sumSlot: number;
  readonly outSlot: number;
  readonly isOutput: boolean;
}

/** Hidden neuron `neuron` (0-based) of a network with `hidden` hidden neurons. */
export function hiddenSpec(hidden: number, neuron: number): NeuronSpec {
  return {
    out: `h${neuron + 1}`,
    inputs: ['x1', 'x2'],
    weights: [inputWeightIndex(neuron, 0), inputWeightIndex(neuron, 1)],
    bias: hiddenBiasIndex(hidden, neuron),
    sumSlot: hiddenSumSlot(neuron),
    outSlot: hiddenOutputSlot(neuron),
    isOutput: false,
  };
}

export function outputSpec(hidden: number): NeuronSpec {
  const neurons = Array.from({ length: hidden }, (_, j) => j);
  return {
    out: 'o1',
    inputs: neurons.map((j) => `h${j + 1}`),
    weights: neurons.map((j) => outputWeightIndex(hidden, j)),
    bias: outputBiasIndex(hidden),
    sumSlot: outputSumSlot(hidden),
    outSlot: outputSlot(hidden),
    isOutput: true,
  };
}

/** Sums of more than three terms show the first two, an ellipsis, and the last. */
export const MAX_WRITTEN_TERMS = 3;

/** Which terms of an n-term sum are written: all of them, or the first two, `null` (…), the last. */
export function writtenTerms(count: number): (number | null)[] {
  if (count <= MAX_WRITTEN_TERMS) return Array.from({ length: count }, (_, i) => i);
  return [0, 1, null, count - 1];
}

function inputValue(record: StepRecord, name: string): number {
  if (name === 'x1') return record.x1;
  if (name === 'x2') return record.x2;
  return record.forward[hiddenOutputSlot(Number(name.slice(1)) - 1)]!;
}

/** `w_5 h_1 + w_6 h_2 + b_3` (TeX) and `w5·h1 + w6·h2 + b3` (plain), with an ellipsis past three terms. */
export function symbolicSum(spec: NeuronSpec, names: readonly string[]): { tex: string; plain: string } {
  const terms = writtenTerms(spec.inputs.length);
  const tex = terms.map((i) =>
    i === null ? '\\dots' : `${sub(names[spec.weights[i]!]!)} ${sub(spec.inputs[i]!)}`,
  );
  const plain = terms.map((i) => (i === null ? '…' : `${names[spec.weights[i]!]}·${spec.inputs[i]}`));
  const bias = names[spec.bias]!;
  return { tex: [...tex, sub(bias)].join(' + '), plain: [...plain, bias].join(' + ') };
}

export interface FilledRow {
  readonly tex: string;
  readonly plain: string;
  readonly values: readonly ExactValue[];
}

/**
 * `h_1 &= f(w_1 x_1 + w_2 x_2 + b_1) = f(1 \cdot (-2) + 1 \cdot (-1) + 0) = f(-3) = 0.0474`. `stacked`
 * (the single-neuron formula) puts each step on its own aligned row and writes out the activation.
 */
export function neuronRow(
  record: StepRecord,
  spec: NeuronSpec,
  stacked = false,
  notation: Notation = notationFor('sigmoid'),
): FilledRow {
  const p = record.paramsBefore;
  const names = paramNames((p.length - 1) / 4);
  const fn = spec.isOutput ? notation.outputTex : 'f';
  const fnPlain = spec.isOutput ? notation.outputPlain : 'f';
  const terms = writtenTerms(spec.inputs.length);
  const symbolic = symbolicSum(spec, names);
  const biasValue = p[spec.bias]!;
  const sum = record.forward[spec.sumSlot]!;
  const out = record.forward[spec.outSlot]!;
  const numbersTex = terms.map((i) =>
    i === null
      ? '\\dots'
      : `${texOperand(p[spec.weights[i]!]!)} \\cdot ${texOperand(inputValue(record, spec.inputs[i]!))}`,
  );
  const numbersPlain = terms.map((i) =>
    i === null
      ? '…'
      : `${plainOperand(p[spec.weights[i]!]!)} × ${plainOperand(inputValue(record, spec.inputs[i]!))}`,
  );
  const spelled = stacked ? ` = ${writtenOut(notation, sum)}` : '';
  const equals = stacked ? ' \\\\ &= ' : ' = ';
  const tex =
    `${sub(spec.out)} &= ${fn}(${symbolic.tex})${equals}` +
    `${fn}(${[...numbersTex, texOperand(biasValue)].join(' + ')})${equals}` +
    `${fn}(${texNumber(sum)})${spelled} = ${texNumber(out)}`;
  const plain =
    `${spec.out} = ${fnPlain}(${symbolic.plain}) = ${fnPlain}(${[...numbersPlain, plainOperand(biasValue)].join(' + ')}) = ` +
    `${fnPlain}(${plainNumber(sum)}) = ${plainNumber(out)}`;
  const values: ExactValue[] = [];
  for (const i of terms) {
    if (i === null) continue;
    values.push({ label: names[spec.weights[i]!]!, exact: p[spec.weights[i]!]! });
    values.push({ label: spec.inputs[i]!, exact: inputValue(record, spec.inputs[i]!) });
  }
  values.push(
    { label: names[spec.bias]!, exact: biasValue },
    { label: symbolic.plain, exact: sum },
    { label: spec.isOutput ? 'o1 = ypred' : spec.out, exact: out },
  );
  return { tex, plain, values };
}

/** Pieces shared by the formulas: TeX notation helpers and one neuron's weighted-sum row. */
import {
  hiddenBiasIndex,
  inputWeightIndex,
  outputBiasIndex,
  outputWeightIndex,
  paramNames,
} from '../../core/architecture';
import { DEFAULT_FEATURES, FEATURES, FEATURE_SYMBOLS, featureValue, type Feature } from '../../core/features';
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

/** Feature inputs as TeX: x_1^2, x_1 x_2, \sin x_1 (x1 and x2 keep the article's subscripts). */
const FEATURE_TEX: Readonly<Record<Feature, string>> = {
  x1: 'x_1',
  x2: 'x_2',
  x1Squared: 'x_1^2',
  x2Squared: 'x_2^2',
  x1TimesX2: 'x_1 x_2',
  sinX1: '\\sin x_1',
  sinX2: '\\sin x_2',
};

/** The feature written `symbol` (x1², x1·x2, …), or undefined for a neuron's name. */
function featureWritten(symbol: string): Feature | undefined {
  return FEATURES.find((feature) => FEATURE_SYMBOLS[feature] === symbol);
}

/** `w1` -> `w_1`, `w17` -> `w_{17}`: the article's subscripts; a feature input as its TeX. */
export function sub(name: string): string {
  const feature = featureWritten(name);
  if (feature !== undefined) return FEATURE_TEX[feature];
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
  /** The network's input count F, which the parameter names follow. */
  readonly featureCount: number;
}

/** Hidden neuron `neuron` (0-based) of a network with `hidden` hidden neurons reading `features`. */
export function hiddenSpec(
  hidden: number,
  neuron: number,
  features: readonly Feature[] = DEFAULT_FEATURES,
): NeuronSpec {
  const count = features.length;
  return {
    out: `h${neuron + 1}`,
    inputs: features.map((feature) => FEATURE_SYMBOLS[feature]),
    weights: features.map((_, input) => inputWeightIndex(neuron, input, count)),
    bias: hiddenBiasIndex(hidden, neuron, count),
    sumSlot: hiddenSumSlot(neuron),
    outSlot: hiddenOutputSlot(neuron),
    isOutput: false,
    featureCount: count,
  };
}

export function outputSpec(hidden: number, featureCount = 2): NeuronSpec {
  const neurons = Array.from({ length: hidden }, (_, j) => j);
  return {
    out: 'o1',
    inputs: neurons.map((j) => `h${j + 1}`),
    weights: neurons.map((j) => outputWeightIndex(hidden, j, featureCount)),
    bias: outputBiasIndex(hidden, featureCount),
    sumSlot: outputSumSlot(hidden),
    outSlot: outputSlot(hidden),
    isOutput: true,
    featureCount,
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
  const feature = featureWritten(name);
  if (feature !== undefined) return featureValue(feature, record.x1, record.x2);
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
  const names = paramNames((p.length - 1) / (spec.featureCount + 2), spec.featureCount);
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

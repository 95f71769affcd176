import { DH1_DB1, DH1_DW1, DL_DYPRED, DYPRED_DB3, DYPRED_DH1 } from '../../core/backward';
import { O1, SUM_H1, SUM_O1 } from '../../core/forward';
import { W1, W5 } from '../../core/network';
import type { StepRecord } from '../../store/derived';
import {
  NEURON_H1,
  NEURON_H2,
  NEURON_O1,
  Y_PRED,
  Y_TRUE,
  aligned,
  neuronRow,
  partial,
  type ExactValue,
} from './neuronRows';
import { plainNumber, plainOperand, texNumber, texOperand } from './numbers';

export type { ExactValue } from './neuronRows';

/**
 * The article's formulas, in the article's order, filled with one SGD step's live numbers. Pure: no
 * React, no DOM. Every number in the TeX comes from `texNumber` (digits our own code formatted); user
 * text such as a person's name never goes in, so the TeX is safe for KaTeX.
 */
export type FormulaId = 'neuron' | 'feedforward' | 'loss' | 'backprop' | 'update';

export interface FilledFormula {
  readonly id: FormulaId;
  /** Symbolic = numeric, for KaTeX. */
  readonly tex: string;
  /** The same, as text for screen readers. */
  readonly plain: string;
  readonly values: readonly ExactValue[];
}

/** x1, x2 and h1 appear in more than one row; list each once. */
function firstOfEachLabel(values: readonly ExactValue[]): ExactValue[] {
  return values.filter((value, index) => values.findIndex((other) => other.label === value.label) === index);
}

/** One neuron, h1, with the sigmoid written out: f(x) = 1 / (1 + e^-x). */
export function neuronFormula(record: StepRecord): FilledFormula {
  const row = neuronRow(record, NEURON_H1, true);
  return {
    id: 'neuron',
    tex: aligned([row.tex, 'f(x) &= \\frac{1}{1 + e^{-x}}']),
    plain: `${row.plain}, where f(x) = 1 / (1 + e^(-x)) is the sigmoid`,
    values: row.values,
  };
}

/** The feedforward of the whole network: h1, h2, then o1 = ypred. */
export function feedforwardFormula(record: StepRecord): FilledFormula {
  const rows = [NEURON_H1, NEURON_H2, NEURON_O1].map((spec) => neuronRow(record, spec));
  return {
    id: 'feedforward',
    tex: aligned(rows.map((row) => row.tex)),
    plain: rows.map((row) => row.plain).join('; '),
    values: firstOfEachLabel(rows.flatMap((row) => row.values)),
  };
}

/** The MSE loss of this one sample: (ytrue - ypred)². */
export function lossFormula(record: StepRecord): FilledFormula {
  const yPred = record.forward[O1]!;
  const loss = (record.target - yPred) ** 2;
  return {
    id: 'loss',
    tex: `L = (${Y_TRUE} - ${Y_PRED})^2 = (${texNumber(record.target)} - ${texOperand(yPred)})^2 = ${texNumber(loss)}`,
    plain: `L = (ytrue - ypred)² = (${plainNumber(record.target)} - ${plainOperand(yPred)})² = ${plainNumber(loss)}`,
    values: [
      { label: 'ytrue', exact: record.target },
      { label: 'ypred', exact: yPred },
      { label: 'L', exact: loss },
    ],
  };
}

/** dL/dw1 by the chain rule, then where each of its three factors comes from. */
export function backpropFormula(record: StepRecord): FilledFormula {
  const f = record.factors;
  const [dLdYpred, dYpredDh1, dh1Dw1] = [f[DL_DYPRED]!, f[DYPRED_DH1]!, f[DH1_DW1]!];
  const [slopeO1, slopeH1] = [f[DYPRED_DB3]!, f[DH1_DB1]!];
  const gradW1 = record.grad[W1]!;
  const yPred = record.forward[O1]!;
  const [w5, x1] = [record.paramsBefore[W5]!, record.x1];
  const [sumO1, sumH1] = [record.forward[SUM_O1]!, record.forward[SUM_H1]!];
  const tex = aligned([
    `${partial('L', 'w_1')} &= ${partial('L', Y_PRED)} ${partial(Y_PRED, 'h_1')} ${partial('h_1', 'w_1')} ` +
      `= (${texNumber(dLdYpred)})(${texNumber(dYpredDh1)})(${texNumber(dh1Dw1)}) = ${texNumber(gradW1)}`,
    `${partial('L', Y_PRED)} &= -2(${Y_TRUE} - ${Y_PRED}) ` +
      `= -2(${texNumber(record.target)} - ${texOperand(yPred)}) = ${texNumber(dLdYpred)}`,
    `${partial(Y_PRED, 'h_1')} &= w_5 \\cdot f'(w_5 h_1 + w_6 h_2 + b_3) ` +
      `= ${texOperand(w5)} \\cdot f'(${texNumber(sumO1)}) = ${texNumber(dYpredDh1)}`,
    `${partial('h_1', 'w_1')} &= x_1 \\cdot f'(w_1 x_1 + w_2 x_2 + b_1) ` +
      `= ${texOperand(x1)} \\cdot f'(${texNumber(sumH1)}) = ${texNumber(dh1Dw1)}`,
  ]);
  const plain = [
    `dL/dw1 = dL/dypred × dypred/dh1 × dh1/dw1 = ${plainOperand(dLdYpred)} × ${plainOperand(dYpredDh1)} × ` +
      `${plainOperand(dh1Dw1)} = ${plainNumber(gradW1)}`,
    `dL/dypred = -2 × (ytrue - ypred) = -2 × (${plainNumber(record.target)} - ${plainOperand(yPred)}) = ${plainNumber(dLdYpred)}`,
    `dypred/dh1 = w5 × f'(w5·h1 + w6·h2 + b3) = ${plainOperand(w5)} × f'(${plainNumber(sumO1)}) = ${plainNumber(dYpredDh1)}`,
    `dh1/dw1 = x1 × f'(w1·x1 + w2·x2 + b1) = ${plainOperand(x1)} × f'(${plainNumber(sumH1)}) = ${plainNumber(dh1Dw1)}`,
  ].join('; ');
  return {
    id: 'backprop',
    tex,
    plain,
    values: [
      { label: 'dL/dypred', exact: dLdYpred },
      { label: 'dypred/dh1', exact: dYpredDh1 },
      { label: 'dh1/dw1', exact: dh1Dw1 },
      { label: 'dL/dw1', exact: gradW1 },
      { label: 'w5', exact: w5 },
      { label: "f'(w5·h1 + w6·h2 + b3)", exact: slopeO1 },
      { label: 'x1', exact: x1 },
      { label: "f'(w1·x1 + w2·x2 + b1)", exact: slopeH1 },
    ],
  };
}

/** The SGD update of w1: it moves against its gradient by learning rate × gradient. */
export function updateFormula(record: StepRecord): FilledFormula {
  const [before, after] = [record.paramsBefore[W1]!, record.paramsAfter[W1]!];
  const [rate, gradW1] = [record.learningRate, record.grad[W1]!];
  return {
    id: 'update',
    tex:
      `w_1 \\leftarrow w_1 - \\eta \\cdot ${partial('L', 'w_1')} = ` +
      `${texNumber(before)} - ${texOperand(rate)} \\times ${texOperand(gradW1)} = ${texNumber(after)}`,
    plain:
      `w1 ← w1 - η × dL/dw1 = ${plainNumber(before)} - ${plainOperand(rate)} × ${plainOperand(gradW1)} = ` +
      plainNumber(after),
    values: [
      { label: 'w1 before', exact: before },
      { label: 'η (learning rate)', exact: rate },
      { label: 'dL/dw1', exact: gradW1 },
      { label: 'change (-η × dL/dw1)', exact: -rate * gradW1 },
      { label: 'w1 after', exact: after },
    ],
  };
}

/** All five, in the article's order. */
export function stepFormulas(record: StepRecord): FilledFormula[] {
  return [
    neuronFormula(record),
    feedforwardFormula(record),
    lossFormula(record),
    backpropFormula(record),
    updateFormula(record),
  ];
}

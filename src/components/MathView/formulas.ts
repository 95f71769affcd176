import type { StepRecord } from '../../store/derived';
import { lossFormula, backpropFormula } from './chainFormulas';
import { ARTICLE_CONTEXT, type MathContext } from '../../viz/mathContext';
import { aligned, hiddenSpec, neuronRow, outputSpec, type ExactValue } from './neuronRows';
import { LINEAR_OUTPUT_ROW, definitionRow, notationFor } from './notation';
import { updateFormula } from './updateFormula';

export type { ExactValue } from './neuronRows';
export { lossFormula, backpropFormula } from './chainFormulas';
export { updateFormula } from './updateFormula';

/**
 * The article's formulas, in the article's order, filled with one SGD step's live numbers, for the
 * network and training in `context` (the article's by default, where they read exactly as the article
 * writes them). Pure: no React, no DOM. Every number in the TeX comes from `texNumber` (digits our own code
 * formatted); user text such as a person's name never goes in, so the TeX is safe for KaTeX.
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

/** One neuron, h1, with its activation written out (the sigmoid: f(x) = 1 / (1 + e^-x)). */
export function neuronFormula(record: StepRecord, context: MathContext = ARTICLE_CONTEXT): FilledFormula {
  const notation = notationFor(context.activation);
  const row = neuronRow(record, hiddenSpec(context.hidden, 0, context.features), true, notation);
  const definition = definitionRow(notation);
  return {
    id: 'neuron',
    tex: aligned([row.tex, definition.tex]),
    plain: `${row.plain}, where ${definition.plain}`,
    values: row.values,
  };
}

/**
 * The feedforward of the whole network: each hidden neuron, then o1 = ypred. Past three hidden neurons
 * the middle ones make way for a vertical ellipsis (h1, h2, ⋮, h8), as the sums do for their terms.
 */
export function feedforwardFormula(
  record: StepRecord,
  context: MathContext = ARTICLE_CONTEXT,
): FilledFormula {
  const notation = notationFor(context.activation, context.output);
  const { hidden } = context;
  const shown = hidden <= 3 ? Array.from({ length: hidden }, (_, j) => j) : [0, 1, null, hidden - 1];
  const hiddenRows = shown.map((j) =>
    j === null ? null : neuronRow(record, hiddenSpec(hidden, j, context.features), false, notation),
  );
  const output = neuronRow(record, outputSpec(hidden, context.features.length), false, notation);
  const rows = [...hiddenRows, output];
  const linear = notation.linearOutput ? [LINEAR_OUTPUT_ROW] : [];
  return {
    id: 'feedforward',
    tex: aligned([
      ...rows.map((row) => (row === null ? '&\\;\\;\\vdots' : row.tex)),
      ...linear.map((row) => row.tex),
    ]),
    plain: [...rows.map((row) => (row === null ? '…' : row.plain)), ...linear.map((row) => row.plain)].join(
      '; ',
    ),
    values: firstOfEachLabel(rows.flatMap((row) => (row === null ? [] : row.values))),
  };
}

/** All five, in the article's order. */
export function stepFormulas(record: StepRecord, context: MathContext = ARTICLE_CONTEXT): FilledFormula[] {
  return [
    neuronFormula(record, context),
    feedforwardFormula(record, context),
    lossFormula(record, context),
    backpropFormula(record, context),
    updateFormula(record, context),
  ];
}

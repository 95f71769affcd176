import { outputWeightIndex, paramNames } from '../../core/architecture';
import { FEATURE_SYMBOLS, featureValue } from '../../core/features';
import {
  LOSS_SLOPE_SLOT,
  hiddenByBiasSlot,
  hiddenByWeightSlot,
  hiddenSumSlot,
  outputByBiasSlot,
  outputByHiddenSlot,
  outputSlot,
  outputSumSlot,
} from '../../core/bufferLayout';
import { sampleLossFromSum } from '../../core/netLoss';
import type { StepRecord } from '../../store/derived';
import type { FilledFormula } from './formulas';
import { ARTICLE_CONTEXT, type MathContext } from '../../viz/mathContext';
import {
  Y_PRED,
  Y_TRUE,
  aligned,
  hiddenSpec,
  outputSpec,
  partial,
  sub,
  symbolicSum,
  type ExactValue,
} from './neuronRows';
import { notationFor, slopeRows } from './notation';
import { plainNumber, plainOperand, texNumber, texOperand } from './numbers';

/**
 * The loss of this one sample: the article's squared error (ytrue - ypred)², or binary cross-entropy
 * -[ytrue ln ypred + (1 - ytrue) ln(1 - ypred)], with its value from the engine's own loss.
 */
export function lossFormula(record: StepRecord, context: MathContext = ARTICLE_CONTEXT): FilledFormula {
  const yPred = record.forward[outputSlot(context.hidden)]!;
  const sum = record.forward[outputSumSlot(context.hidden)]!;
  const loss = sampleLossFromSum(context.loss, record.target, sum, yPred);
  const values = [
    { label: 'ytrue', exact: record.target },
    { label: 'ypred', exact: yPred },
    { label: 'L', exact: loss },
  ];
  const [y, p] = [texNumber(record.target), texNumber(yPred)];
  const [yPlain, pPlain] = [plainNumber(record.target), plainNumber(yPred)];
  if (context.loss === 'bce') {
    return {
      id: 'loss',
      tex:
        `L = -[${Y_TRUE} \\ln ${Y_PRED} + (1 - ${Y_TRUE}) \\ln(1 - ${Y_PRED})] ` +
        `= -[${y} \\cdot \\ln ${p} + (1 - ${y}) \\cdot \\ln(1 - ${p})] = ${texNumber(loss)}`,
      plain:
        `L = -[ytrue × ln(ypred) + (1 - ytrue) × ln(1 - ypred)] = ` +
        `-[${yPlain} × ln(${pPlain}) + (1 - ${yPlain}) × ln(1 - ${pPlain})] = ${plainNumber(loss)}`,
      values,
    };
  }
  return {
    id: 'loss',
    tex: `L = (${Y_TRUE} - ${Y_PRED})^2 = (${y} - ${texOperand(yPred)})^2 = ${texNumber(loss)}`,
    plain: `L = (ytrue - ypred)² = (${yPlain} - ${plainOperand(yPred)})² = ${plainNumber(loss)}`,
    values,
  };
}

/** dL/dypred written out for the loss: -2(ytrue - ypred), or -ytrue/ypred + (1 - ytrue)/(1 - ypred). */
function lossSlopeRow(record: StepRecord, context: MathContext, dLdYpred: number, yPred: number) {
  const [y, p] = [texNumber(record.target), texNumber(yPred)];
  if (context.loss === 'bce') {
    return {
      tex:
        `${partial('L', Y_PRED)} &= -\\frac{${Y_TRUE}}{${Y_PRED}} + \\frac{1 - ${Y_TRUE}}{1 - ${Y_PRED}} ` +
        `= -\\frac{${y}}{${p}} + \\frac{1 - ${y}}{1 - ${p}} = ${texNumber(dLdYpred)}`,
      plain:
        `dL/dypred = -ytrue / ypred + (1 - ytrue) / (1 - ypred) = -${plainNumber(record.target)} / ` +
        `${plainNumber(yPred)} + (1 - ${plainNumber(record.target)}) / (1 - ${plainNumber(yPred)}) = ${plainNumber(dLdYpred)}`,
    };
  }
  return {
    tex:
      `${partial('L', Y_PRED)} &= -2(${Y_TRUE} - ${Y_PRED}) ` +
      `= -2(${y} - ${texOperand(yPred)}) = ${texNumber(dLdYpred)}`,
    plain: `dL/dypred = -2 × (ytrue - ypred) = -2 × (${plainNumber(record.target)} - ${plainOperand(yPred)}) = ${plainNumber(dLdYpred)}`,
  };
}

/**
 * dL/dw1 by the chain rule, then where each of its three factors comes from. Every factor is the
 * engine's own (the step's factor buffer), never recomputed here.
 */
export function backpropFormula(record: StepRecord, context: MathContext = ARTICLE_CONTEXT): FilledFormula {
  const { hidden, features } = context;
  const inputs = features.length;
  const notation = notationFor(context.activation, context.output);
  const names = paramNames(hidden, inputs);
  const f = record.factors;
  const dLdYpred = f[LOSS_SLOPE_SLOT]!;
  const dYpredDh1 = f[outputByHiddenSlot(0)]!;
  const dh1Dw1 = f[hiddenByWeightSlot(hidden, 0, 0, inputs)]!;
  const [slopeO1, slopeH1] = [f[outputByBiasSlot(hidden)]!, f[hiddenByBiasSlot(hidden, 0, inputs)]!];
  const gradW1 = record.grad[0]!;
  const yPred = record.forward[outputSlot(hidden)]!;
  const outWeight = outputWeightIndex(hidden, 0, inputs);
  // w1 reads the first input: x1 for the article, else whichever feature comes first (x1², sin x1, …)
  const first = features[0] ?? 'x1';
  const [inputName, x1] = [FEATURE_SYMBOLS[first], featureValue(first, record.x1, record.x2)];
  const wOut = record.paramsBefore[outWeight]!;
  const [sumO1, sumH1] = [record.forward[outputSumSlot(hidden)]!, record.forward[hiddenSumSlot(0)]!];
  const outSum = symbolicSum(outputSpec(hidden, inputs), names);
  const h1Sum = symbolicSum(hiddenSpec(hidden, 0, features), names);
  const [out, outPlain] = [notation.outputTex, notation.outputPlain];
  const wName = names[outWeight]!;
  const slope = lossSlopeRow(record, context, dLdYpred, yPred);
  const slopes = slopeRows(notation);
  const tex = aligned([
    `${partial('L', 'w_1')} &= ${partial('L', Y_PRED)} ${partial(Y_PRED, 'h_1')} ${partial('h_1', 'w_1')} ` +
      `= (${texNumber(dLdYpred)})(${texNumber(dYpredDh1)})(${texNumber(dh1Dw1)}) = ${texNumber(gradW1)}`,
    slope.tex,
    `${partial(Y_PRED, 'h_1')} &= ${sub(wName)} \\cdot ${out}'(${outSum.tex}) ` +
      `= ${texOperand(wOut)} \\cdot ${out}'(${texNumber(sumO1)}) = ${texNumber(dYpredDh1)}`,
    `${partial('h_1', 'w_1')} &= ${sub(inputName)} \\cdot f'(${h1Sum.tex}) ` +
      `= ${texOperand(x1)} \\cdot f'(${texNumber(sumH1)}) = ${texNumber(dh1Dw1)}`,
    ...slopes.map((row) => row.tex),
  ]);
  const plain = [
    `dL/dw1 = dL/dypred × dypred/dh1 × dh1/dw1 = ${plainOperand(dLdYpred)} × ${plainOperand(dYpredDh1)} × ` +
      `${plainOperand(dh1Dw1)} = ${plainNumber(gradW1)}`,
    slope.plain,
    `dypred/dh1 = ${wName} × ${outPlain}'(${outSum.plain}) = ${plainOperand(wOut)} × ${outPlain}'(${plainNumber(sumO1)}) = ${plainNumber(dYpredDh1)}`,
    `dh1/dw1 = ${inputName} × f'(${h1Sum.plain}) = ${plainOperand(x1)} × f'(${plainNumber(sumH1)}) = ${plainNumber(dh1Dw1)}`,
    ...slopes.map((row) => row.plain),
  ].join('; ');
  const values: ExactValue[] = [
    { label: 'dL/dypred', exact: dLdYpred },
    { label: 'dypred/dh1', exact: dYpredDh1 },
    { label: 'dh1/dw1', exact: dh1Dw1 },
    { label: 'dL/dw1', exact: gradW1 },
    { label: wName, exact: wOut },
    { label: `${outPlain}'(${outSum.plain})`, exact: slopeO1 },
    { label: inputName, exact: x1 },
    { label: `f'(${h1Sum.plain})`, exact: slopeH1 },
  ];
  return { id: 'backprop', tex, plain, values };
}

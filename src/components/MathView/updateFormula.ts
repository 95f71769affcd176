import type { StepRecord } from '../../store/derived';
import type { FilledFormula } from './formulas';
import { ARTICLE_CONTEXT, hasPenalty, isPlainSgd, type MathContext } from '../../viz/mathContext';
import { aligned, partial, type ExactValue } from './neuronRows';
import { plainNumber, plainOperand, texNumber, texOperand } from './numbers';
import { penaltyPush } from './penaltyTerms';
import { adaptiveUpdate } from './optimizerFormula';

/** The article's SGD update of w1: it moves against its gradient by learning rate × gradient. */
function sgdUpdate(record: StepRecord): FilledFormula {
  const [before, after] = [record.paramsBefore[0]!, record.paramsAfter[0]!];
  const [rate, gradW1] = [record.learningRate, record.grad[0]!];
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

/**
 * The update rule for mini-batches and momentum. The step averages B samples' gradients (B = 1 per
 * sample) and, with momentum, moves by a velocity that remembers the earlier steps:
 *   v ← μ v − η · mean gradient,  w ← w + v.
 * This sample's numbers fill what it contributes: −(η / B) × dL/dw1.
 */
function generalUpdate(record: StepRecord, context: MathContext): FilledFormula {
  const { batch, momentum } = context;
  const [rate, gradW1, before] = [record.learningRate, record.grad[0]!, record.paramsBefore[0]!];
  const share = (-rate / batch) * gradW1;
  const gradient =
    batch === 1 ? partial('L', 'w_1') : `\\frac{1}{B} \\sum_{b=1}^{B} ${partial('L_b', 'w_1')}`;
  const gradientPlain = batch === 1 ? 'dL/dw1' : '(1/B) × Σ dL_b/dw1 over the batch';
  const rule =
    momentum > 0
      ? [`v_1 &\\leftarrow \\mu v_1 - \\eta \\cdot ${gradient}`, 'w_1 &\\leftarrow w_1 + v_1']
      : [`w_1 &\\leftarrow w_1 - \\eta \\cdot ${gradient}`];
  const rulePlain =
    momentum > 0
      ? [`v1 ← μ × v1 - η × ${gradientPlain}`, 'w1 ← w1 + v1']
      : [`w1 ← w1 - η × ${gradientPlain}`];
  const constants = [
    ...(momentum > 0 ? [`\\mu = ${texNumber(momentum)}`] : []),
    `\\eta = ${texNumber(rate)}`,
    ...(batch > 1 ? [`B = ${texNumber(batch)}`] : []),
  ];
  const constantsPlain = [
    ...(momentum > 0 ? [`μ = ${plainNumber(momentum)}`] : []),
    `η = ${plainNumber(rate)}`,
    ...(batch > 1 ? [`B = ${plainNumber(batch)}`] : []),
  ];
  const shareTex =
    batch === 1
      ? `-\\eta \\cdot ${partial('L', 'w_1')} &= -${texOperand(rate)} \\times ${texOperand(gradW1)}`
      : `-\\frac{\\eta}{B} ${partial('L', 'w_1')} &= -\\frac{${texNumber(rate)}}{${texNumber(batch)}} \\times ${texOperand(gradW1)}`;
  const sharePlain =
    batch === 1
      ? `-η × dL/dw1 = -${plainOperand(rate)} × ${plainOperand(gradW1)}`
      : `this sample's share -(η/B) × dL/dw1 = -(${plainNumber(rate)}/${plainNumber(batch)}) × ${plainOperand(gradW1)}`;
  const values: ExactValue[] = [
    { label: 'w1 before', exact: before },
    { label: 'η (learning rate)', exact: rate },
    ...(momentum > 0 ? [{ label: 'μ (momentum)', exact: momentum }] : []),
    ...(batch > 1 ? [{ label: 'B (samples per update)', exact: batch }] : []),
    { label: 'dL/dw1', exact: gradW1 },
    { label: batch === 1 ? '-η × dL/dw1' : "this sample's share, -(η/B) × dL/dw1", exact: share },
  ];
  return {
    id: 'update',
    tex: aligned([...rule, `& ${constants.join(', \\; ')}`, `${shareTex} = ${texNumber(share)}`]),
    plain: [...rulePlain, constantsPlain.join(', '), `${sharePlain} = ${plainNumber(share)}`].join('; '),
    values,
  };
}

/**
 * The per-sample SGD step with a weight penalty: w1 moves against its data gradient plus the penalty's,
 * dL/dw1 + λ R'(w1), taken at w1 before the step (the engine's sgd.ts).
 */
function penalizedSgdUpdate(record: StepRecord, context: MathContext): FilledFormula {
  const [before, after] = [record.paramsBefore[0]!, record.paramsAfter[0]!];
  const [rate, gradW1] = [record.learningRate, record.grad[0]!];
  const push = penaltyPush(context, 'w1', before);
  const total = gradW1 + push.value;
  return {
    id: 'update',
    tex: aligned([
      `w_1 &\\leftarrow w_1 - \\eta \\cdot \\left(${partial('L', 'w_1')} + ${push.tex}\\right)`,
      `&= ${texNumber(before)} - ${texOperand(rate)} \\times (${texOperand(gradW1)} + ${push.texNumbers})`,
      `&= ${texNumber(before)} - ${texOperand(rate)} \\times ${texOperand(total)} = ${texNumber(after)}`,
    ]),
    plain:
      `w1 ← w1 - η × (dL/dw1 + ${push.plain}) = ${plainNumber(before)} - ${plainOperand(rate)} × ` +
      `(${plainOperand(gradW1)} + ${push.plainNumbers}) = ${plainNumber(after)}`,
    values: [
      { label: 'w1 before', exact: before },
      { label: 'η (learning rate)', exact: rate },
      { label: 'dL/dw1', exact: gradW1 },
      { label: `penalty's gradient ${push.plain}`, exact: push.value },
      { label: 'change (-η × (dL/dw1 + penalty))', exact: -rate * total },
      { label: 'w1 after', exact: after },
    ],
  };
}

/** The general rule's rows with the penalty's line under them: it joins the mean gradient once per step. */
function withPenaltyLine(record: StepRecord, context: MathContext): FilledFormula {
  const formula = generalUpdate(record, context);
  const push = penaltyPush(context, 'w1', record.paramsBefore[0]!);
  const rate = record.learningRate;
  const change = -rate * push.value;
  const penaltyRow =
    `-\\eta \\cdot ${push.tex} &= -${texOperand(rate)} \\times ${push.texNumbers} = ${texNumber(change)}` +
    ` \\;\\text{(once per step)}`;
  const inner = formula.tex.slice('\\begin{aligned} '.length, -' \\end{aligned}'.length);
  const plain =
    `${formula.plain}; the penalty adds -η × ${push.plain} = -${plainOperand(rate)} × ${push.plainNumbers} = ` +
    `${plainNumber(change)} once per step`;
  const values = [...formula.values, { label: `penalty's gradient ${push.plain}`, exact: push.value }];
  return { ...formula, tex: aligned([inner, penaltyRow]), plain, values };
}

/** How w1 is updated: the article's plain SGD step, the rule with mini-batches and momentum, or RMSProp's or Adam's. */
export function updateFormula(record: StepRecord, context: MathContext = ARTICLE_CONTEXT): FilledFormula {
  if (context.optimizer) return adaptiveUpdate(record, context, context.optimizer);
  if (!hasPenalty(context)) return isPlainSgd(context) ? sgdUpdate(record) : generalUpdate(record, context);
  if (isPlainSgd(context)) return penalizedSgdUpdate(record, context);
  return withPenaltyLine(record, context);
}

import type { OptimizerSettings } from '../../core/optimizer';
import type { StepRecord } from '../../store/derived';
import type { MathContext } from '../../viz/mathContext';
import type { FilledFormula } from './formulas';
import { aligned, partial, type ExactValue } from './neuronRows';
import { plainNumber, plainOperand, texNumber, texOperand } from './numbers';
import { penaltyPush } from './penaltyTerms';

/** The rule's rows, in TeX and in words, for RMSProp or Adam on w1 with gradient g. */
function ruleRows(optimizer: OptimizerSettings): { tex: string[]; plain: string[] } {
  if (optimizer.kind === 'rmsprop') {
    return {
      tex: [
        's_1 &\\leftarrow \\alpha s_1 + (1 - \\alpha)\\, g^2',
        'w_1 &\\leftarrow w_1 - \\eta \\, \\frac{g}{\\sqrt{s_1} + \\epsilon}',
      ],
      plain: ['s1 ← α × s1 + (1 - α) × g²', 'w1 ← w1 - η × g / (√s1 + ε)'],
    };
  }
  return {
    tex: [
      'm_1 &\\leftarrow \\beta_1 m_1 + (1 - \\beta_1)\\, g, \\quad v_1 \\leftarrow \\beta_2 v_1 + (1 - \\beta_2)\\, g^2',
      '\\hat m_1 &= \\frac{m_1}{1 - \\beta_1^{\\,t}}, \\quad \\hat v_1 = \\frac{v_1}{1 - \\beta_2^{\\,t}}',
      'w_1 &\\leftarrow w_1 - \\eta \\, \\frac{\\hat m_1}{\\sqrt{\\hat v_1} + \\epsilon}',
    ],
    plain: [
      'm1 ← β1 × m1 + (1 - β1) × g, v1 ← β2 × v1 + (1 - β2) × g²',
      'm̂1 = m1 / (1 - β1^t), v̂1 = v1 / (1 - β2^t)',
      'w1 ← w1 - η × m̂1 / (√v̂1 + ε)',
    ],
  };
}

/** The options the rule reads, as TeX, words and exact values. */
function constantsOf(optimizer: OptimizerSettings, rate: number, batch: number) {
  const named: [string, string, string, number][] =
    optimizer.kind === 'rmsprop'
      ? [['\\alpha', 'α', 'α (decay)', optimizer.alpha]]
      : [
          ['\\beta_1', 'β1', 'β1 (first moment decay)', optimizer.beta1],
          ['\\beta_2', 'β2', 'β2 (second moment decay)', optimizer.beta2],
        ];
  named.push(['\\epsilon', 'ε', 'ε (epsilon)', optimizer.epsilon], ['\\eta', 'η', 'η (learning rate)', rate]);
  if (batch > 1) named.push(['B', 'B', 'B (samples per update)', batch]);
  return {
    tex: named.map(([tex, , , value]) => `${tex} = ${texNumber(value)}`).join(', \\; '),
    plain: named.map(([, plain, , value]) => `${plain} = ${plainNumber(value)}`).join(', '),
    values: named.map(([, , label, exact]): ExactValue => ({ label, exact })),
  };
}

/**
 * RMSProp's or Adam's update of w1 (optimizer.ts, PyTorch's formulas): the rule with its state, its
 * options, and what this sample gives g, the gradient the step divides by its running size. The state's
 * live numbers are in the Optimizer state table beside it.
 */
export function adaptiveUpdate(
  record: StepRecord,
  context: MathContext,
  optimizer: OptimizerSettings,
): FilledFormula {
  const { batch } = context;
  const gradW1 = record.grad[0]!;
  const mean = batch === 1 ? partial('L', 'w_1') : `\\frac{1}{B} \\sum_{b=1}^{B} ${partial('L_b', 'w_1')}`;
  const meanPlain = batch === 1 ? 'dL/dw1' : '(1/B) × Σ dL_b/dw1 over the batch';
  const penalized = context.regularization !== 'none' && context.regularizationRate > 0;
  const push = penalized ? penaltyPush(context, 'w1', record.paramsBefore[0]!) : null;
  const g = push ? `g &= ${mean} + ${push.tex}` : `g &= ${mean}`;
  const gPlain = push ? `g = ${meanPlain} + ${push.plain}` : `g = ${meanPlain}`;
  const rule = ruleRows(optimizer);
  const constants = constantsOf(optimizer, record.learningRate, batch);
  const share = gradW1 / batch;
  const shareTex =
    batch === 1
      ? `${partial('L', 'w_1')} &= ${texNumber(gradW1)}`
      : `\\frac{1}{B} ${partial('L', 'w_1')} &= \\frac{${texOperand(gradW1)}}{${texNumber(batch)}} = ${texNumber(share)}`;
  const sharePlain =
    batch === 1
      ? `this sample's dL/dw1 = ${plainNumber(gradW1)}`
      : `this sample's share of g, (1/B) × dL/dw1 = ${plainOperand(gradW1)} / ${plainNumber(batch)} = ${plainNumber(share)}`;
  return {
    id: 'update',
    tex: aligned([g, ...rule.tex, `& ${constants.tex}`, shareTex]),
    plain: [gPlain, ...rule.plain, constants.plain, sharePlain].join('; '),
    values: [
      { label: 'w1 before', exact: record.paramsBefore[0]! },
      ...constants.values,
      { label: 'dL/dw1', exact: gradW1 },
      ...(push ? [{ label: `penalty's gradient ${push.plain}`, exact: push.value }] : []),
    ],
  };
}

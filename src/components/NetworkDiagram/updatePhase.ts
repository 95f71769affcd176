import type { StepRecord } from '../../store/derived';
import { formatValue } from '../format';
import { isPlainSgd, type MathContext } from '../../viz/mathContext';
import type { ParamPhase } from './stepPhaseView';

/* The numbers the phases write on the figure, and what the update writes for each update rule. */

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

export type UpdateRule = 'sgd' | 'batch' | 'momentum' | 'adaptive';

export function updateRule(context: MathContext): UpdateRule {
  if (isPlainSgd(context)) return 'sgd';
  if (context.optimizer) return 'adaptive';
  return context.batch > 1 ? 'batch' : 'momentum';
}

/**
 * The update on one parameter. Plain SGD moves it now, before → after. With a batch or momentum the step
 * itself also depends on other samples or on earlier steps, so the figure shows what this sample's
 * gradient contributes (−η/B × gradient, or −η × gradient) and keeps the parameter where it was.
 */
export function updatePhase(
  record: StepRecord,
  param: number,
  context: MathContext,
  base: ParamPhase,
): ParamPhase {
  const before = record.paramsBefore[param]!;
  const rule = updateRule(context);
  if (rule === 'sgd') {
    const after = record.paramsAfter[param]!;
    const move = beforeAfter(before, after);
    const change = signedChange(after - before);
    return {
      ...base,
      value: after,
      label: `${move} (${change})`,
      spoken: `updated ${move}, change ${change} (−learning rate × gradient)`,
    };
  }
  if (rule === 'adaptive') {
    // RMSProp and Adam size the step by the gradient's running scale, not by η × gradient alone.
    const gradient = phaseNumber(record.grad[param]! / context.batch);
    return {
      ...base,
      value: before,
      label: `g ${gradient}`,
      spoken: `this sample's gradient ${gradient}, which the optimizer divides by the running size of the gradients`,
    };
  }
  const share = (-record.learningRate / context.batch) * record.grad[param]!;
  const text = signedChange(share);
  return {
    ...base,
    value: before,
    label: rule === 'batch' ? `share ${text}` : `push ${text}`,
    spoken:
      rule === 'batch'
        ? `this sample's share of the batch's step ${text} (−learning rate ÷ ${context.batch} × gradient)`
        : `the gradient's push ${text} (−learning rate × gradient), added to momentum × the last step`,
  };
}

/**
 * The weight penalty in the formulas' own notation: R'(w) for one weight (L1's sign, L2's w) and the
 * total penalty over the weights, with the step's numbers. Pure; the update formula, the gradient table
 * and the penalty note share it so the three always agree with the engine (regularization.ts).
 */
import { networkWeightCount } from '../../core/layerShape';
import { penaltySlope, penaltyTotal } from '../../core/regularization';
import type { MathContext } from '../../viz/mathContext';
import { sub } from './neuronRows';
import { texNumber, texOperand, plainNumber, plainOperand } from './numbers';

export interface PenaltyPush {
  /** λ · R'(w) in TeX and in words, symbolic and with its numbers. */
  readonly tex: string;
  readonly texNumbers: string;
  readonly plain: string;
  readonly plainNumbers: string;
  /** λ · R'(w): what the penalty adds to dL/dw. */
  readonly value: number;
}

/** λ · R'(w) for the weight called `name` with value `weight` (L2: λ w, L1: λ sign(w)). */
export function penaltyPush(context: MathContext, name: string, weight: number): PenaltyPush {
  const rate = context.regularizationRate;
  const value = rate * penaltySlope(context.regularization, weight);
  const l2 = context.regularization === 'l2';
  const tex = l2 ? `\\lambda ${sub(name)}` : `\\lambda \\, \\mathrm{sign}(${sub(name)})`;
  const texNumbers = l2
    ? `${texOperand(rate)} \\times ${texOperand(weight)}`
    : `${texOperand(rate)} \\times \\mathrm{sign}(${texNumber(weight)})`;
  const plain = l2 ? `λ × ${name}` : `λ × sign(${name})`;
  const plainNumbers = l2
    ? `${plainOperand(rate)} × ${plainOperand(weight)}`
    : `${plainOperand(rate)} × sign(${plainNumber(weight)})`;
  return { tex, texNumbers, plain, plainNumbers, value };
}

/** How many leading parameters are weights in the context's network (the penalty's reach). */
export function penalizedWeights(context: MathContext): number {
  return networkWeightCount(context);
}

/** λ · Σ R(w) over the weights at `params`. */
export function penaltyOfParams(context: MathContext, params: ArrayLike<number>): number {
  return penaltyTotal(context.regularization, context.regularizationRate, params, penalizedWeights(context));
}

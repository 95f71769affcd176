import type { Params } from './network';
import { penaltySlope, type Penalty } from './regularization';

/*
 * Each step takes an optional weight penalty (regularization.ts): the first `penalty.weights` parameters
 * move by their data gradient plus rate · dR/dw, taken at the weights before the step. Without one the
 * loops are the plain ones, so the article's numbers stay bit-exact.
 */

/** The gradient parameter i steps by: its data gradient, plus the penalty's slope for a weight. */
export function stepGradient(
  params: Params,
  dataGradient: number,
  i: number,
  penalty: Penalty | null,
): number {
  return penalty !== null && i < penalty.weights
    ? dataGradient + penalty.rate * penaltySlope(penalty.kind, params[i]!)
    : dataGradient;
}

/** The SGD update: every parameter moves against its partial derivative, p -= rate * dL/dp. */
export function applySgdStep(
  params: Params,
  grad: Float64Array,
  learningRate: number,
  penalty: Penalty | null = null,
): void {
  if (penalty === null) {
    for (let i = 0; i < params.length; i++) params[i] = params[i]! - learningRate * grad[i]!;
    return;
  }
  for (let i = 0; i < params.length; i++) {
    params[i] = params[i]! - learningRate * stepGradient(params, grad[i]!, i, penalty);
  }
}

/**
 * The step with momentum: each parameter keeps a velocity, v ← μ v − rate · dL/dp, and moves by it,
 * p ← p + v. With μ = 0 this is the same step as applySgdStep in exact arithmetic, not always in bits;
 * callers use applySgdStep then.
 */
export function applyMomentumStep(
  params: Params,
  grad: Float64Array,
  learningRate: number,
  velocity: Float64Array,
  momentum: number,
  penalty: Penalty | null = null,
): void {
  for (let i = 0; i < params.length; i++) {
    const v = momentum * velocity[i]! - learningRate * stepGradient(params, grad[i]!, i, penalty);
    velocity[i] = v;
    params[i] = params[i]! + v;
  }
}

/**
 * A mini-batch's step: the mean gradient is `sum / count`, taken with the plain step (momentum 0) or with
 * momentum; `sum` is zeroed on the way, ready for the next batch. One pass, allocation-free.
 */
export function applyMeanStep(
  params: Params,
  sum: Float64Array,
  count: number,
  learningRate: number,
  velocity: Float64Array,
  momentum: number,
  penalty: Penalty | null = null,
): void {
  if (momentum === 0) {
    for (let i = 0; i < params.length; i++) {
      params[i] = params[i]! - learningRate * stepGradient(params, sum[i]! / count, i, penalty);
      sum[i] = 0;
    }
    return;
  }
  for (let i = 0; i < params.length; i++) {
    const v = momentum * velocity[i]! - learningRate * stepGradient(params, sum[i]! / count, i, penalty);
    velocity[i] = v;
    params[i] = params[i]! + v;
    sum[i] = 0;
  }
}

import type { Params } from './network';

/** The SGD update: every parameter moves against its partial derivative, p -= rate * dL/dp. */
export function applySgdStep(params: Params, grad: Float64Array, learningRate: number): void {
  for (let i = 0; i < params.length; i++) params[i] = params[i]! - learningRate * grad[i]!;
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
): void {
  for (let i = 0; i < params.length; i++) {
    const v = momentum * velocity[i]! - learningRate * grad[i]!;
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
): void {
  if (momentum === 0) {
    for (let i = 0; i < params.length; i++) {
      params[i] = params[i]! - learningRate * (sum[i]! / count);
      sum[i] = 0;
    }
    return;
  }
  for (let i = 0; i < params.length; i++) {
    const v = momentum * velocity[i]! - learningRate * (sum[i]! / count);
    velocity[i] = v;
    params[i] = params[i]! + v;
    sum[i] = 0;
  }
}

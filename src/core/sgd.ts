import type { Params } from './network';

/** The SGD update: every parameter moves against its partial derivative, p -= rate * dL/dp. */
export function applySgdStep(params: Params, grad: Float64Array, learningRate: number): void {
  for (let i = 0; i < params.length; i++) params[i] = params[i]! - learningRate * grad[i]!;
}

import { sigmoidSlopeFromOutput } from './activation';
import { FORWARD_SIZE, H1, H2, O1, forwardInto } from './forward';
import { B1, B2, B3, PARAM_COUNT, W1, W2, W3, W4, W5, W6, type Params } from './network';

/**
 * Slots of the chain-rule factor buffer, named as the article writes them
 * (dL/dypred, dypred/dh1, dh1/dw1, ...). The math view reads these instead of recomputing them.
 */
export const DL_DYPRED = 0;
export const DYPRED_DH1 = 1;
export const DYPRED_DH2 = 2;
export const DYPRED_DW5 = 3;
export const DYPRED_DW6 = 4;
export const DYPRED_DB3 = 5;
export const DH1_DW1 = 6;
export const DH1_DW2 = 7;
export const DH1_DB1 = 8;
export const DH2_DW3 = 9;
export const DH2_DW4 = 10;
export const DH2_DB2 = 11;
export const FACTOR_COUNT = 12;

export const FACTOR_NAMES = [
  'dL/dypred',
  'dypred/dh1',
  'dypred/dh2',
  'dypred/dw5',
  'dypred/dw6',
  'dypred/db3',
  'dh1/dw1',
  'dh1/dw2',
  'dh1/db1',
  'dh2/dw3',
  'dh2/dw4',
  'dh2/db2',
] as const;

/**
 * Backpropagation for one sample: fills `factors` with every chain-rule factor and `grad` with
 * dL/dparam for the nine parameters (article order). `forward` must hold the forward values of the
 * same params and inputs. Allocation-free.
 */
export function backwardInto(
  params: Params,
  x1: number,
  x2: number,
  yTrue: number,
  forward: Float64Array,
  factors: Float64Array,
  grad: Float64Array,
): void {
  const h1 = forward[H1]!;
  const h2 = forward[H2]!;
  const yPred = forward[O1]!;
  const slopeO1 = sigmoidSlopeFromOutput(yPred);
  const slopeH1 = sigmoidSlopeFromOutput(h1);
  const slopeH2 = sigmoidSlopeFromOutput(h2);

  const dLdYpred = -2 * (yTrue - yPred);
  const dYpredDh1 = params[W5]! * slopeO1;
  const dYpredDh2 = params[W6]! * slopeO1;
  factors[DL_DYPRED] = dLdYpred;
  factors[DYPRED_DH1] = dYpredDh1;
  factors[DYPRED_DH2] = dYpredDh2;
  factors[DYPRED_DW5] = h1 * slopeO1;
  factors[DYPRED_DW6] = h2 * slopeO1;
  factors[DYPRED_DB3] = slopeO1;
  factors[DH1_DW1] = x1 * slopeH1;
  factors[DH1_DW2] = x2 * slopeH1;
  factors[DH1_DB1] = slopeH1;
  factors[DH2_DW3] = x1 * slopeH2;
  factors[DH2_DW4] = x2 * slopeH2;
  factors[DH2_DB2] = slopeH2;

  const backToH1 = dLdYpred * dYpredDh1;
  const backToH2 = dLdYpred * dYpredDh2;
  grad[W1] = backToH1 * factors[DH1_DW1];
  grad[W2] = backToH1 * factors[DH1_DW2];
  grad[B1] = backToH1 * slopeH1;
  grad[W3] = backToH2 * factors[DH2_DW3];
  grad[W4] = backToH2 * factors[DH2_DW4];
  grad[B2] = backToH2 * slopeH2;
  grad[W5] = dLdYpred * factors[DYPRED_DW5];
  grad[W6] = dLdYpred * factors[DYPRED_DW6];
  grad[B3] = dLdYpred * slopeO1;
}

/** Everything one sample's step needs to be read: forward values, factors and gradient. */
export interface SampleTrace {
  readonly forward: Float64Array;
  readonly factors: Float64Array;
  readonly grad: Float64Array;
}

/** Forward and backward for one sample, for views and tests (allocates its result). */
export function traceSample(params: Params, x1: number, x2: number, yTrue: number): SampleTrace {
  const forward = new Float64Array(FORWARD_SIZE);
  const factors = new Float64Array(FACTOR_COUNT);
  const grad = new Float64Array(PARAM_COUNT);
  forwardInto(params, x1, x2, forward);
  backwardInto(params, x1, x2, yTrue, forward, factors, grad);
  return { forward, factors, grad };
}

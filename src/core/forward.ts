import { sigmoid } from './activation';
import { B1, B2, B3, W1, W2, W3, W4, W5, W6, type Params } from './network';

/** Slots of a forward buffer: each neuron's weighted sum and its output. */
export const SUM_H1 = 0;
export const H1 = 1;
export const SUM_H2 = 2;
export const H2 = 3;
export const SUM_O1 = 4;
export const O1 = 5;
export const FORWARD_SIZE = 6;

export interface ForwardValues {
  readonly sumH1: number;
  readonly h1: number;
  readonly sumH2: number;
  readonly h2: number;
  readonly sumO1: number;
  /** The network's prediction, ypred. */
  readonly o1: number;
}

/** Feedforward into a caller-owned buffer (the hot loop reuses one; nothing is allocated). */
export function forwardInto(params: Params, x1: number, x2: number, out: Float64Array): void {
  const sumH1 = params[W1]! * x1 + params[W2]! * x2 + params[B1]!;
  const h1 = sigmoid(sumH1);
  const sumH2 = params[W3]! * x1 + params[W4]! * x2 + params[B2]!;
  const h2 = sigmoid(sumH2);
  const sumO1 = params[W5]! * h1 + params[W6]! * h2 + params[B3]!;
  out[SUM_H1] = sumH1;
  out[H1] = h1;
  out[SUM_H2] = sumH2;
  out[H2] = h2;
  out[SUM_O1] = sumO1;
  out[O1] = sigmoid(sumO1);
}

export function readForward(buffer: Float64Array): ForwardValues {
  return {
    sumH1: buffer[SUM_H1]!,
    h1: buffer[H1]!,
    sumH2: buffer[SUM_H2]!,
    h2: buffer[H2]!,
    sumO1: buffer[SUM_O1]!,
    o1: buffer[O1]!,
  };
}

/** Feedforward for views and tests: returns every intermediate value as a plain object. */
export function forwardPass(params: Params, x1: number, x2: number): ForwardValues {
  const buffer = new Float64Array(FORWARD_SIZE);
  forwardInto(params, x1, x2, buffer);
  return readForward(buffer);
}

/** Only the prediction ypred; allocation-free. */
export function predict(params: Params, x1: number, x2: number): number {
  const h1 = sigmoid(params[W1]! * x1 + params[W2]! * x2 + params[B1]!);
  const h2 = sigmoid(params[W3]! * x1 + params[W4]! * x2 + params[B2]!);
  return sigmoid(params[W5]! * h1 + params[W6]! * h2 + params[B3]!);
}

/**
 * Feedforward for any architecture: H hidden neurons with the chosen activation, one sigmoid output.
 * Parameters in the layout of architecture.ts, values in the forward layout of bufferLayout.ts. For the
 * article's shape (H = 2, sigmoid) every value is bit-equal to forward.ts, which stays the fast path.
 *
 * The activation is dispatched once per call, outside the neuron loops.
 */
import { sigmoid } from './activation';
import { MAX_HIDDEN, type Architecture } from './architecture';
import { forwardSize } from './bufferLayout';

/** What the math of one sample depends on (an Architecture is one). */
export type NetworkShape = Pick<Architecture, 'hidden' | 'activation' | 'loss'>;
export type ForwardShape = Pick<Architecture, 'hidden' | 'activation'>;

/** Hidden sums into out[2j], activations into out[2j + 1]. */
function hiddenLayerInto(net: ForwardShape, params: Float64Array, x1: number, x2: number, out: Float64Array) {
  const hidden = net.hidden;
  const biases = 3 * hidden;
  for (let j = 0; j < hidden; j++) {
    out[2 * j] = params[2 * j]! * x1 + params[2 * j + 1]! * x2 + params[biases + j]!;
  }
  switch (net.activation) {
    case 'sigmoid':
      for (let j = 0; j < hidden; j++) out[2 * j + 1] = sigmoid(out[2 * j]!);
      break;
    case 'tanh':
      for (let j = 0; j < hidden; j++) out[2 * j + 1] = Math.tanh(out[2 * j]!);
      break;
    case 'relu':
      for (let j = 0; j < hidden; j++) {
        const sum = out[2 * j]!;
        out[2 * j + 1] = sum > 0 ? sum : 0;
      }
      break;
  }
}

/** The output neuron's weighted sum z, over hidden outputs at out[2j + 1] (summed in neuron order, bias last). */
function outputSum(hidden: number, params: Float64Array, out: Float64Array): number {
  const weights = 2 * hidden;
  let sum = params[weights]! * out[1]!;
  for (let j = 1; j < hidden; j++) sum += params[weights + j]! * out[2 * j + 1]!;
  return sum + params[4 * hidden]!;
}

/** Feedforward into a caller-owned buffer of forwardSize(H) slots; allocation-free. */
export function netForwardInto(
  net: ForwardShape,
  params: Float64Array,
  x1: number,
  x2: number,
  out: Float64Array,
): void {
  hiddenLayerInto(net, params, x1, x2, out);
  const sum = outputSum(net.hidden, params, out);
  out[2 * net.hidden] = sum;
  out[2 * net.hidden + 1] = sigmoid(sum);
}

/** Feedforward for views and tests: a fresh forward buffer. */
export function netForwardPass(
  net: ForwardShape,
  params: Float64Array,
  x1: number,
  x2: number,
): Float64Array {
  const out = new Float64Array(forwardSize(net.hidden));
  netForwardInto(net, params, x1, x2, out);
  return out;
}

/**
 * The output neuron's sum z (ypred = sigmoid(z)). `scratch` holds at least forwardSize(H) slots; pass
 * one to stay allocation-free.
 */
export function netOutputSum(
  net: ForwardShape,
  params: Float64Array,
  x1: number,
  x2: number,
  scratch: Float64Array,
): number {
  hiddenLayerInto(net, params, x1, x2, scratch);
  return outputSum(net.hidden, params, scratch);
}

/** Hidden outputs for a prediction (the largest network, so one buffer serves every shape). */
const predictScratch = new Float64Array(forwardSize(MAX_HIDDEN));

/** Only the prediction ypred; allocation-free. */
export function netPredict(net: ForwardShape, params: Float64Array, x1: number, x2: number): number {
  return sigmoid(netOutputSum(net, params, x1, x2, predictScratch));
}

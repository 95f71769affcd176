/**
 * Feedforward for any architecture: H hidden neurons with the chosen activation, one sigmoid output (or
 * a linear one for a numeric target).
 * Parameters in the layout of architecture.ts, values in the forward layout of bufferLayout.ts. For the
 * article's shape (H = 2, sigmoid) every value is bit-equal to forward.ts, which stays the fast path.

 */
import type { Architecture } from './architecture';
import { forwardSize, outputSlot } from './bufferLayout';
import { hasPlainInputs } from './features';
import { MAX_TOTAL_HIDDEN, isLayered, networkForwardSize, planFor, totalHidden } from './layerShape';
import { featuredForwardInto } from './netFeatured';
import { layeredForwardInto } from './netLayered';

/** What the math of one sample depends on (an Architecture is one). */
export type NetworkShape = ForwardShape & Pick<Architecture, 'loss'>;
/** Without `features` a shape has the article's inputs x1, x2. */
export type ForwardShape = Pick<Architecture, 'hidden' | 'activation' | 'output' | 'hiddenLayers'> &
  Partial<Pick<Architecture, 'features'>>;

// One small function per activation, each with the sigmoid written out and no float64 return: small
// enough for V8 to inline into the training loop (a 3-way switch around the loops is not), and an
// un-inlined call returning a float64 would box it, so the hot loop would allocate.

function sigmoidLayerInto(hidden: number, params: Float64Array, x1: number, x2: number, out: Float64Array) {
  const biases = 3 * hidden;
  for (let j = 0; j < hidden; j++) {
    const sum = params[2 * j]! * x1 + params[2 * j + 1]! * x2 + params[biases + j]!;
    out[2 * j] = sum;
    out[2 * j + 1] = 1 / (1 + Math.exp(-sum));
  }
}

function tanhLayerInto(hidden: number, params: Float64Array, x1: number, x2: number, out: Float64Array) {
  const biases = 3 * hidden;
  for (let j = 0; j < hidden; j++) {
    const sum = params[2 * j]! * x1 + params[2 * j + 1]! * x2 + params[biases + j]!;
    out[2 * j] = sum;
    out[2 * j + 1] = Math.tanh(sum);
  }
}

function reluLayerInto(hidden: number, params: Float64Array, x1: number, x2: number, out: Float64Array) {
  const biases = 3 * hidden;
  for (let j = 0; j < hidden; j++) {
    const sum = params[2 * j]! * x1 + params[2 * j + 1]! * x2 + params[biases + j]!;
    out[2 * j] = sum;
    out[2 * j + 1] = sum > 0 ? sum : 0;
  }
}

/** The output neuron: its sum in neuron order, bias last (for H = 2 exactly forward.ts's w5*h1 + w6*h2 + b3). */
function outputInto(hidden: number, params: Float64Array, out: Float64Array) {
  const weights = 2 * hidden;
  let sum = params[weights]! * out[1]!;
  for (let j = 1; j < hidden; j++) sum += params[weights + j]! * out[2 * j + 1]!;
  sum += params[4 * hidden]!;
  out[weights] = sum;
  out[weights + 1] = 1 / (1 + Math.exp(-sum));
}

/** A linear output: the same sum, passed on as it is (ŷ = z). */
function linearOutputInto(hidden: number, params: Float64Array, out: Float64Array) {
  const weights = 2 * hidden;
  let sum = params[weights]! * out[1]!;
  for (let j = 1; j < hidden; j++) sum += params[weights + j]! * out[2 * j + 1]!;
  sum += params[4 * hidden]!;
  out[weights] = sum;
  out[weights + 1] = sum;
}

/**
 * Feedforward into a caller-owned buffer of networkForwardSize slots; allocation-free. The activation is
 * dispatched once per call, not per neuron; feature inputs other than x1, x2 go to netFeatured.ts, and
 * two or more hidden layers to netLayered.ts.
 */
export function netForwardInto(
  net: ForwardShape,
  params: Float64Array,
  x1: number,
  x2: number,
  out: Float64Array,
): void {
  const { hidden, activation } = net;
  if (isLayered(net)) {
    layeredForwardInto(planFor(net), net, params, x1, x2, out);
    return;
  }
  if (net.features !== undefined && !hasPlainInputs(net.features)) {
    featuredForwardInto(net, net.features, params, x1, x2, out);
    return;
  }
  if (activation === 'sigmoid') sigmoidLayerInto(hidden, params, x1, x2, out);
  else if (activation === 'tanh') tanhLayerInto(hidden, params, x1, x2, out);
  else reluLayerInto(hidden, params, x1, x2, out);
  if (net.output === 'linear') linearOutputInto(hidden, params, out);
  else outputInto(hidden, params, out);
}

/** Feedforward for views and tests: a fresh forward buffer. */
export function netForwardPass(
  net: ForwardShape,
  params: Float64Array,
  x1: number,
  x2: number,
): Float64Array {
  const out = new Float64Array(networkForwardSize(net));
  netForwardInto(net, params, x1, x2, out);
  return out;
}

/** Forward values for a prediction (the largest network, so one buffer serves every shape). */
const predictScratch = new Float64Array(forwardSize(MAX_TOTAL_HIDDEN));

/** Only the prediction ypred; allocation-free. */
export function netPredict(net: ForwardShape, params: Float64Array, x1: number, x2: number): number {
  netForwardInto(net, params, x1, x2, predictScratch);
  return predictScratch[outputSlot(totalHidden(net))]!;
}

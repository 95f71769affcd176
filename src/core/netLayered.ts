/**
 * Forward and backward for a network of any number of hidden layers (layerShape.ts: its parameter,
 * forward and factor layouts), on any inputs and activations. Nothing here allocates: the plan is made
 * once per shape, and the inputs and the slopes carried back live in scratch buffers sized for the
 * largest network.
 *
 * Every product is formed in the order of the 1-layer code (netForward.ts, netBackward.ts), so on a
 * 1-layer shape this gives bit-equal values (a property test holds it to that): a weight's gradient is
 * (what reaches its neuron's output, dL/dh) × (its input × the neuron's slope).
 */
import type { Architecture } from './architecture';
import { featuresInto, hasPlainInputs, MAX_FEATURES, type Feature } from './features';
import { MAX_TOTAL_HIDDEN, type LayerPlan } from './layerShape';

type LayeredForwardShape = Pick<Architecture, 'activation' | 'output'> &
  Partial<Pick<Architecture, 'features'>>;
type LayeredLossShape = LayeredForwardShape & Pick<Architecture, 'loss'>;

const forwardInputs = new Float64Array(MAX_FEATURES);
const backwardInputs = new Float64Array(MAX_FEATURES);
/** dL/dh for every hidden neuron, numbered across the layers. */
const carried = new Float64Array(MAX_TOTAL_HIDDEN);

/** The input neurons' values: x1, x2 themselves, or the feature inputs worked out from them. */
function inputsInto(
  features: readonly Feature[] | undefined,
  x1: number,
  x2: number,
  out: Float64Array,
): void {
  if (features === undefined || hasPlainInputs(features)) {
    out[0] = x1;
    out[1] = x2;
  } else {
    featuresInto(features, x1, x2, out);
  }
}

/** Feedforward into `out` (the forward layout of layerShape.ts). */
export function layeredForwardInto(
  plan: LayerPlan,
  net: LayeredForwardShape,
  params: Float64Array,
  x1: number,
  x2: number,
  out: Float64Array,
): void {
  const { sizes, layers, weightStart, biasStart, nodeStart } = plan;
  const activation = net.activation;
  inputsInto(net.features, x1, x2, forwardInputs);
  // Layer 1 reads the inputs; each later layer reads the outputs of the one before (out[2k + 1]).
  const fanIn = sizes[0]!;
  for (let j = 0; j < sizes[1]!; j++) {
    const w = j * fanIn;
    let sum = params[w]! * forwardInputs[0]!;
    for (let i = 1; i < fanIn; i++) sum += params[w + i]! * forwardInputs[i]!;
    sum += params[biasStart[1]! + j]!;
    out[2 * j] = sum;
    out[2 * j + 1] =
      activation === 'sigmoid'
        ? 1 / (1 + Math.exp(-sum))
        : activation === 'tanh'
          ? Math.tanh(sum)
          : sum > 0
            ? sum
            : 0;
  }
  for (let l = 2; l <= layers; l++) {
    const size = sizes[l]!;
    const before = sizes[l - 1]!;
    const from = 2 * nodeStart[l - 1]! + 1;
    const to = 2 * nodeStart[l]!;
    for (let j = 0; j < size; j++) {
      const w = weightStart[l]! + j * before;
      let sum = params[w]! * out[from]!;
      for (let i = 1; i < before; i++) sum += params[w + i]! * out[from + 2 * i]!;
      sum += params[biasStart[l]! + j]!;
      out[to + 2 * j] = sum;
      out[to + 2 * j + 1] =
        activation === 'sigmoid'
          ? 1 / (1 + Math.exp(-sum))
          : activation === 'tanh'
            ? Math.tanh(sum)
            : sum > 0
              ? sum
              : 0;
    }
  }
  const from = 2 * nodeStart[layers]! + 1;
  const w = weightStart[layers + 1]!;
  let sum = params[w]! * out[from]!;
  for (let i = 1; i < sizes[layers]!; i++) sum += params[w + i]! * out[from + 2 * i]!;
  sum += params[biasStart[layers + 1]!]!;
  const o = plan.totalHidden;
  out[2 * o] = sum;
  out[2 * o + 1] = net.output === 'linear' ? sum : 1 / (1 + Math.exp(-sum));
}

/**
 * The gradient of one sample into `grad` (written, or added into a batch's running sum when
 * `accumulate`), and, when `factors` is given, the layered factors but factors[0] (dL/dypred, which the
 * caller writes). `forward` must hold the forward values of the same params and inputs.
 */
export function layeredBackwardInto(
  plan: LayerPlan,
  net: LayeredLossShape,
  params: Float64Array,
  x1: number,
  x2: number,
  yTrue: number,
  forward: Float64Array,
  factors: Float64Array | null,
  grad: Float64Array,
  accumulate: boolean,
): void {
  const { sizes, layers, weightStart, biasStart, nodeStart } = plan;
  const activation = net.activation;
  inputsInto(net.features, x1, x2, backwardInputs);
  const yPred = forward[2 * plan.totalHidden + 1]!;
  const slopeOut = net.output === 'linear' ? 1 : yPred * (1 - yPred);
  const bce = net.loss === 'bce';
  const lossSlope = bce ? yPred - yTrue : -2 * (yTrue - yPred);
  const pathSlope = bce ? 1 : slopeOut;
  if (factors !== null) factors[1] = slopeOut;

  const last = nodeStart[layers]!;
  const outWeights = weightStart[layers + 1]!;
  for (let i = 0; i < sizes[layers]!; i++) {
    const h = forward[2 * (last + i) + 1]!;
    const p = outWeights + i;
    const step = lossSlope * (h * pathSlope);
    grad[p] = accumulate ? grad[p]! + step : step;
    carried[last + i] = lossSlope * (params[p]! * pathSlope);
  }
  const outBias = biasStart[layers + 1]!;
  const biasStep = lossSlope * pathSlope;
  grad[outBias] = accumulate ? grad[outBias]! + biasStep : biasStep;

  // Layers L … 2 pass what reaches them on to the layer before; layer 1's weights read the inputs.
  for (let l = layers; l >= 2; l--) {
    const size = sizes[l]!;
    const fanIn = sizes[l - 1]!;
    const first = nodeStart[l]!;
    const before = nodeStart[l - 1]!;
    carried.fill(0, before, before + fanIn);
    for (let j = 0; j < size; j++) {
      const k = first + j;
      // The activation's slope, written out here: a call returning a float64 would box it.
      const slope =
        activation === 'sigmoid'
          ? forward[2 * k + 1]! * (1 - forward[2 * k + 1]!)
          : activation === 'tanh'
            ? 1 - forward[2 * k + 1]! * forward[2 * k + 1]!
            : forward[2 * k]! > 0
              ? 1
              : 0;
      const back = carried[k]!;
      if (factors !== null) {
        factors[2 + 2 * k] = back;
        factors[3 + 2 * k] = slope;
      }
      const w = weightStart[l]! + j * fanIn;
      for (let i = 0; i < fanIn; i++) {
        const step = back * (forward[2 * (before + i) + 1]! * slope);
        grad[w + i] = accumulate ? grad[w + i]! + step : step;
        carried[before + i] = carried[before + i]! + back * (params[w + i]! * slope);
      }
      const b = biasStart[l]! + j;
      const step = back * slope;
      grad[b] = accumulate ? grad[b]! + step : step;
    }
  }
  const fanIn = sizes[0]!;
  for (let j = 0; j < sizes[1]!; j++) {
    const slope =
      activation === 'sigmoid'
        ? forward[2 * j + 1]! * (1 - forward[2 * j + 1]!)
        : activation === 'tanh'
          ? 1 - forward[2 * j + 1]! * forward[2 * j + 1]!
          : forward[2 * j]! > 0
            ? 1
            : 0;
    const back = carried[j]!;
    if (factors !== null) {
      factors[2 + 2 * j] = back;
      factors[3 + 2 * j] = slope;
    }
    const w = j * fanIn;
    for (let i = 0; i < fanIn; i++) {
      const step = back * (backwardInputs[i]! * slope);
      grad[w + i] = accumulate ? grad[w + i]! + step : step;
    }
    const b = biasStart[1]! + j;
    const step = back * slope;
    grad[b] = accumulate ? grad[b]! + step : step;
  }
}

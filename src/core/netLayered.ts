/**
 * Forward and backward for a network of any number of hidden layers (layerShape.ts: its parameter,
 * forward and factor layouts), on any inputs and activations. Nothing here allocates: the plan is made
 * once per shape, and the inputs and the slopes carried back live in scratch buffers sized for the
 * largest network.
 *
 * Every product is formed in the order of the 1-layer code (netForward.ts, netBackward.ts), so on a
 * 1-layer shape this gives bit-equal values (a property test holds it to that): a weight's gradient is
 * (what reaches its neuron's output, dL/dh) × (its input × the neuron's slope).
 *
 * The activations are resolved to small integers once per call (activationCode): the neuron loops then
 * compare integers, where comparing the names would be a string comparison per neuron.
 */
import type { Architecture, HiddenActivation, OutputActivation } from './architecture';
import { featuresInto, hasPlainInputs, MAX_FEATURES, type Feature } from './features';
import { MAX_TOTAL_HIDDEN, type LayerPlan } from './layerShape';

type LayeredForwardShape = Pick<Architecture, 'activation' | 'output'> &
  Partial<Pick<Architecture, 'features'>>;
type LayeredLossShape = LayeredForwardShape & Pick<Architecture, 'loss'>;

/** A neuron's activation as the loops test it. */
export const SIGMOID = 0;
export const TANH = 1;
export const RELU = 2;
export const LINEAR = 3;

export function activationCode(activation: HiddenActivation | OutputActivation | undefined): number {
  if (activation === 'tanh') return TANH;
  if (activation === 'relu') return RELU;
  if (activation === 'linear') return LINEAR;
  return SIGMOID;
}

/** f(z) for an activation code. */
export function activate(code: number, sum: number): number {
  return code === SIGMOID
    ? 1 / (1 + Math.exp(-sum))
    : code === TANH
      ? Math.tanh(sum)
      : code === RELU
        ? sum > 0
          ? sum
          : 0
        : sum;
}

/** f′(z) for a hidden activation code, from the neuron's sum z and output h = f(z). */
export function activationSlope(code: number, sum: number, output: number): number {
  return code === SIGMOID ? output * (1 - output) : code === TANH ? 1 - output * output : sum > 0 ? 1 : 0;
}

const forwardInputs = new Float64Array(MAX_FEATURES);
const backwardInputs = new Float64Array(MAX_FEATURES);
/** dL/dh for every hidden neuron, numbered across the layers. */
const carried = new Float64Array(MAX_TOTAL_HIDDEN);

/** The input neurons' values: x1, x2 themselves, or the feature inputs worked out from them. */
export function inputsInto(
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

/**
 * One layer's sums and outputs into `out` from `to` on (sum at 2j, output at 2j + 1), reading its
 * inputs from `source` at `from`, `from + stride`, …: the input values for layer 1, the layer before's
 * outputs (stride 2) in the forward buffer otherwise.
 */
function layerForward(
  code: number,
  params: Float64Array,
  weights: number,
  biases: number,
  fanIn: number,
  size: number,
  source: Float64Array,
  from: number,
  stride: number,
  out: Float64Array,
  to: number,
): void {
  // Running indices, not `from + stride * i`: an index multiplied per weight is a checked multiply.
  for (let j = 0, w = weights, o = to; j < size; j++, w += fanIn, o += 2) {
    let sum = params[w]! * source[from]!;
    for (let i = 1, s = from + stride; i < fanIn; i++, s += stride) sum += params[w + i]! * source[s]!;
    sum += params[biases + j]!;
    out[o] = sum;
    out[o + 1] = activate(code, sum);
  }
}

/**
 * Feedforward into `out` (the forward layout of layerShape.ts) from input values already worked out:
 * each layer reads the one before, the output (linear or sigmoid) last.
 */
export function forwardFromInputs(
  plan: LayerPlan,
  hiddenCode: number,
  outputCode: number,
  params: Float64Array,
  inputs: Float64Array,
  out: Float64Array,
): void {
  const { sizes, layers, weightStart, biasStart, nodeStart } = plan;
  layerForward(hiddenCode, params, 0, biasStart[1]!, sizes[0]!, sizes[1]!, inputs, 0, 1, out, 0);
  for (let l = 2; l <= layers + 1; l++) {
    layerForward(
      l > layers ? outputCode : hiddenCode,
      params,
      weightStart[l]!,
      biasStart[l]!,
      sizes[l - 1]!,
      sizes[l]!,
      out,
      2 * nodeStart[l - 1]! + 1,
      2,
      out,
      2 * nodeStart[l]!,
    );
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
  inputsInto(net.features, x1, x2, forwardInputs);
  forwardFromInputs(
    plan,
    activationCode(net.activation),
    activationCode(net.output),
    params,
    forwardInputs,
    out,
  );
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
  const code = activationCode(net.activation);
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

  // Layers L … 1: each neuron's weights read its inputs; layers past the first pass what reaches them
  // on to the layer before.
  for (let l = layers; l >= 1; l--) {
    const size = sizes[l]!;
    const fanIn = sizes[l - 1]!;
    const first = nodeStart[l]!;
    const before = nodeStart[l - 1]!;
    const passesBack = l > 1;
    if (passesBack) carried.fill(0, before, before + fanIn);
    for (let j = 0; j < size; j++) {
      const k = first + j;
      const slope = activationSlope(code, forward[2 * k]!, forward[2 * k + 1]!);
      const back = carried[k]!;
      if (factors !== null) {
        factors[2 + 2 * k] = back;
        factors[3 + 2 * k] = slope;
      }
      const w = weightStart[l]! + j * fanIn;
      for (let i = 0; i < fanIn; i++) {
        const input = passesBack ? forward[2 * (before + i) + 1]! : backwardInputs[i]!;
        const step = back * (input * slope);
        grad[w + i] = accumulate ? grad[w + i]! + step : step;
        if (passesBack) carried[before + i] = carried[before + i]! + back * (params[w + i]! * slope);
      }
      const b = biasStart[l]! + j;
      const step = back * slope;
      grad[b] = accumulate ? grad[b]! + step : step;
    }
  }
}

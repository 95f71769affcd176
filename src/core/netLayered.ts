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
import { featuresInto, MAX_FEATURES, DEFAULT_FEATURES } from './features';
import { MAX_TOTAL_HIDDEN, type LayerPlan } from './layerShape';

type LayeredForwardShape = Pick<Architecture, 'activation' | 'output'> &
  Partial<Pick<Architecture, 'features'>>;
type LayeredLossShape = LayeredForwardShape & Pick<Architecture, 'loss'>;

const forwardInputs = new Float64Array(MAX_FEATURES);
const backwardInputs = new Float64Array(MAX_FEATURES);
/** dL/dh for every hidden neuron, numbered across the layers. */
const carried = new Float64Array(MAX_TOTAL_HIDDEN);

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
  featuresInto(net.features ?? DEFAULT_FEATURES, x1, x2, forwardInputs);
  for (let l = 1; l <= layers; l++) {
    const size = sizes[l]!;
    const fanIn = sizes[l - 1]!;
    const first = nodeStart[l]!;
    const before = nodeStart[l - 1]!;
    for (let j = 0; j < size; j++) {
      const w = weightStart[l]! + j * fanIn;
      let sum = params[w]! * (l === 1 ? forwardInputs[0]! : out[2 * before + 1]!);
      for (let i = 1; i < fanIn; i++) {
        sum += params[w + i]! * (l === 1 ? forwardInputs[i]! : out[2 * (before + i) + 1]!);
      }
      sum += params[biasStart[l]! + j]!;
      const k = first + j;
      out[2 * k] = sum;
      out[2 * k + 1] =
        activation === 'sigmoid'
          ? 1 / (1 + Math.exp(-sum))
          : activation === 'tanh'
            ? Math.tanh(sum)
            : sum > 0
              ? sum
              : 0;
    }
  }
  const last = nodeStart[layers]!;
  const w = weightStart[layers + 1]!;
  const fanIn = sizes[layers]!;
  let sum = params[w]! * out[2 * last + 1]!;
  for (let i = 1; i < fanIn; i++) sum += params[w + i]! * out[2 * (last + i) + 1]!;
  sum += params[biasStart[layers + 1]!]!;
  const o = plan.totalHidden;
  out[2 * o] = sum;
  out[2 * o + 1] = net.output === 'linear' ? sum : 1 / (1 + Math.exp(-sum));
}

/** The activation's slope at hidden neuron k, from its forward values. */
function slopeAt(activation: Architecture['activation'], forward: Float64Array, k: number): number {
  const h = forward[2 * k + 1]!;
  if (activation === 'sigmoid') return h * (1 - h);
  if (activation === 'tanh') return 1 - h * h;
  return forward[2 * k]! > 0 ? 1 : 0;
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
  featuresInto(net.features ?? DEFAULT_FEATURES, x1, x2, backwardInputs);
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

  for (let l = layers; l >= 1; l--) {
    const size = sizes[l]!;
    const fanIn = sizes[l - 1]!;
    const first = nodeStart[l]!;
    const before = nodeStart[l - 1]!;
    if (l > 1) carried.fill(0, before, before + fanIn);
    for (let j = 0; j < size; j++) {
      const k = first + j;
      const slope = slopeAt(activation, forward, k);
      const back = carried[k]!;
      if (factors !== null) {
        factors[2 + 2 * k] = back;
        factors[3 + 2 * k] = slope;
      }
      const w = weightStart[l]! + j * fanIn;
      for (let i = 0; i < fanIn; i++) {
        const input = l === 1 ? backwardInputs[i]! : forward[2 * (before + i) + 1]!;
        const step = back * (input * slope);
        grad[w + i] = accumulate ? grad[w + i]! + step : step;
        if (l > 1) carried[before + i] = carried[before + i]! + back * (params[w + i]! * slope);
      }
      const b = biasStart[l]! + j;
      const step = back * slope;
      grad[b] = accumulate ? grad[b]! + step : step;
    }
  }
}

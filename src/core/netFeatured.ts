/**
 * Forward and backward for a network whose inputs are feature inputs (features.ts) other than the
 * article's x1, x2: the F feature values are worked out from the scaled x1, x2 into a scratch buffer, and
 * the hidden layer reads F weights per neuron (the layout of architecture.ts). netForward.ts and
 * netBackward.ts hand such networks here and keep their two-input loops, which the benchmarks measure.
 * Nothing here allocates.
 */
import type { Architecture } from './architecture';
import { MAX_FEATURES, featuresInto } from './features';

import type { Feature } from './features';

type FeaturedShape = Pick<Architecture, 'hidden' | 'activation' | 'output'>;
type FeaturedLossShape = FeaturedShape & Pick<Architecture, 'loss'>;

const forwardFeatures = new Float64Array(MAX_FEATURES);
const backwardFeatures = new Float64Array(MAX_FEATURES);

/** Feedforward into `out` (the forward layout of bufferLayout.ts, which does not depend on F). */
export function featuredForwardInto(
  net: FeaturedShape,
  features: readonly Feature[],
  params: Float64Array,
  x1: number,
  x2: number,
  out: Float64Array,
): void {
  const { hidden, activation } = net;
  const inputs = features.length;
  featuresInto(features, x1, x2, forwardFeatures);
  const biases = (inputs + 1) * hidden;
  for (let j = 0; j < hidden; j++) {
    const first = inputs * j;
    let sum = params[first]! * forwardFeatures[0]!;
    for (let f = 1; f < inputs; f++) sum += params[first + f]! * forwardFeatures[f]!;
    sum += params[biases + j]!;
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
  const outWeights = inputs * hidden;
  let sum = params[outWeights]! * out[1]!;
  for (let j = 1; j < hidden; j++) sum += params[outWeights + j]! * out[2 * j + 1]!;
  sum += params[(inputs + 2) * hidden]!;
  out[2 * hidden] = sum;
  out[2 * hidden + 1] = net.output === 'linear' ? sum : 1 / (1 + Math.exp(-sum));
}

/** The activation's slope at hidden neuron j, from its forward values. */
function hiddenSlope(activation: Architecture['activation'], forward: Float64Array, j: number): number {
  const h = forward[2 * j + 1]!;
  if (activation === 'sigmoid') return h * (1 - h);
  if (activation === 'tanh') return 1 - h * h;
  return forward[2 * j]! > 0 ? 1 : 0;
}

/**
 * Every chain-rule factor but factors[0] (dL/dypred, which the caller writes) and the whole gradient of
 * one sample, as netBackwardInto does for two inputs. When `factors` is null only the gradient is added
 * into `grad` (a batch's running sum) instead of written.
 */
export function featuredBackwardInto(
  net: FeaturedLossShape,
  features: readonly Feature[],
  params: Float64Array,
  x1: number,
  x2: number,
  yTrue: number,
  forward: Float64Array,
  factors: Float64Array | null,
  grad: Float64Array,
): void {
  const { hidden, activation } = net;
  const inputs = features.length;
  featuresInto(features, x1, x2, backwardFeatures);
  const outWeights = inputs * hidden;
  const yPred = forward[2 * hidden + 1]!;
  const slopeOut = net.output === 'linear' ? 1 : yPred * (1 - yPred);
  const bce = net.loss === 'bce';
  const lossSlope = bce ? yPred - yTrue : -2 * (yTrue - yPred);
  const pathSlope = bce ? 1 : slopeOut;
  const accumulate = factors === null;
  for (let j = 0; j < hidden; j++) {
    const weight = params[outWeights + j]!;
    const h = forward[2 * j + 1]!;
    const slopeHidden = hiddenSlope(activation, forward, j);
    const backToHidden = lossSlope * (weight * pathSlope);
    const slot = 2 * hidden + 2 + (inputs + 1) * j;
    if (factors !== null) {
      factors[1 + j] = weight * slopeOut;
      factors[hidden + 1 + j] = h * slopeOut;
      factors[slot + inputs] = slopeHidden;
    }
    grad[outWeights + j] = (accumulate ? grad[outWeights + j]! : 0) + lossSlope * (h * pathSlope);
    for (let f = 0; f < inputs; f++) {
      const byInput = backwardFeatures[f]! * slopeHidden;
      if (factors !== null) factors[slot + f] = byInput;
      grad[inputs * j + f] = (accumulate ? grad[inputs * j + f]! : 0) + backToHidden * byInput;
    }
    const bias = (inputs + 1) * hidden + j;
    grad[bias] = (accumulate ? grad[bias]! : 0) + backToHidden * slopeHidden;
  }
  if (factors !== null) factors[2 * hidden + 1] = slopeOut;
  const outBias = (inputs + 2) * hidden;
  grad[outBias] = (accumulate ? grad[outBias]! : 0) + lossSlope * pathSlope;
}

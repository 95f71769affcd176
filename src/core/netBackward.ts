/**
 * Backpropagation for any architecture: every chain-rule factor (bufferLayout.ts) and dL/dparam for the
 * 4H + 1 parameters. For the article's shape (H = 2, sigmoid, MSE) the factors and the gradient are
 * bit-equal to backward.ts: the products are formed in the same order.
 */
import type { SampleTrace } from './backward';
import { netForwardInto, type NetworkShape } from './netForward';
import { hasPlainInputs } from './features';
import { isLayered, networkFactorCount, networkForwardSize, networkParamCount, planFor } from './layerShape';
import { featuredBackwardInto } from './netFeatured';
import { layeredBackwardInto } from './netLayered';

/**
 * dL/dypred of binary cross-entropy, -y/p + (1 - y)/(1 - p). A term whose coefficient is 0 is left out,
 * so a confident right answer reads ∓1 instead of 0/0; a confident wrong one is ±Infinity (the Math view
 * shows it). Training never divides by it: through the sigmoid the slope is p - y.
 */
export function crossEntropySlope(yTrue: number, yPred: number): number {
  const towardOne = yTrue !== 0 ? -yTrue / yPred : 0;
  const towardZero = yTrue !== 1 ? (1 - yTrue) / (1 - yPred) : 0;
  return towardOne + towardZero;
}

/** Writes each hidden activation's slope into its dh_j/db_j factor slot (one dispatch per sample). */
function hiddenSlopesInto(net: NetworkShape, forward: Float64Array, factors: Float64Array): void {
  const hidden = net.hidden;
  const slot = 2 * hidden + 4; // dh_1/db_1; neuron j's is 3j further on
  switch (net.activation) {
    case 'sigmoid':
      for (let j = 0; j < hidden; j++) {
        const h = forward[2 * j + 1]!;
        factors[slot + 3 * j] = h * (1 - h);
      }
      break;
    case 'tanh':
      for (let j = 0; j < hidden; j++) {
        const h = forward[2 * j + 1]!;
        factors[slot + 3 * j] = 1 - h * h;
      }
      break;
    case 'relu':
      for (let j = 0; j < hidden; j++) factors[slot + 3 * j] = forward[2 * j]! > 0 ? 1 : 0;
      break;
  }
}

/**
 * Fills `factors` (networkFactorCount) and `grad` (networkParamCount) for one sample. `forward` must hold the
 * forward values of the same params and inputs. Allocation-free.
 *
 * Every gradient is (loss slope) × (path to the output sum). For MSE the loss slope is dL/dypred and the
 * path goes through the output sigmoid's slope s = p(1 - p) (1 for a linear output); for cross-entropy
 * the two meet as p - y with s = 1, which stays finite when p rounds to 0 or 1.
 */
export function netBackwardInto(
  net: NetworkShape,
  params: Float64Array,
  x1: number,
  x2: number,
  yTrue: number,
  forward: Float64Array,
  factors: Float64Array,
  grad: Float64Array,
): void {
  if (isLayered(net)) {
    const plan = planFor(net);
    layeredBackwardInto(plan, net, params, x1, x2, yTrue, forward, factors, grad, false);
    const yPred = forward[2 * plan.totalHidden + 1]!;
    factors[0] = net.loss === 'bce' ? crossEntropySlope(yTrue, yPred) : -2 * (yTrue - yPred);
    return;
  }
  const hidden = net.hidden;
  const outWeights = 2 * hidden;
  const yPred = forward[2 * hidden + 1]!;
  const bce = net.loss === 'bce';
  if (net.features !== undefined && !hasPlainInputs(net.features)) {
    featuredBackwardInto(net, net.features, params, x1, x2, yTrue, forward, factors, grad);
    factors[0] = bce ? crossEntropySlope(yTrue, yPred) : -2 * (yTrue - yPred);
    return;
  }
  const slopeOut = net.output === 'linear' ? 1 : yPred * (1 - yPred);
  hiddenSlopesInto(net, forward, factors);
  const lossSlope = bce ? yPred - yTrue : -2 * (yTrue - yPred);
  const pathSlope = bce ? 1 : slopeOut;
  factors[0] = bce ? crossEntropySlope(yTrue, yPred) : lossSlope;
  for (let j = 0; j < hidden; j++) {
    const weight = params[outWeights + j]!;
    const h = forward[2 * j + 1]!;
    factors[1 + j] = weight * slopeOut;
    factors[hidden + 1 + j] = h * slopeOut;
    grad[outWeights + j] = lossSlope * (h * pathSlope);

    const slot = outWeights + 2 + 3 * j;
    const slopeHidden = factors[slot + 2]!;
    const byX1 = x1 * slopeHidden;
    const byX2 = x2 * slopeHidden;
    factors[slot] = byX1;
    factors[slot + 1] = byX2;
    const backToHidden = lossSlope * (weight * pathSlope);
    grad[2 * j] = backToHidden * byX1;
    grad[2 * j + 1] = backToHidden * byX2;
    grad[3 * hidden + j] = backToHidden * slopeHidden;
  }
  factors[2 * hidden + 1] = slopeOut;
  grad[4 * hidden] = lossSlope * pathSlope;
}

/**
 * The same gradient as netBackwardInto, added into `sum` (a mini-batch's running sum) and nothing else:
 * no factors, no per-sample copy. This is the trainer's inner loop for the samples whose trace no one
 * reads, and it is kept this lean because the extra outputs cost it a fifth of its speed (bench/). The
 * activation's slope is picked per neuron here: one predictable branch, cheaper than a separate pass.
 */
export function netAddGradient(
  net: NetworkShape,
  params: Float64Array,
  x1: number,
  x2: number,
  yTrue: number,
  forward: Float64Array,
  sum: Float64Array,
): void {
  if (isLayered(net)) {
    layeredBackwardInto(planFor(net), net, params, x1, x2, yTrue, forward, null, sum, true);
    return;
  }
  if (net.features !== undefined && !hasPlainInputs(net.features)) {
    featuredBackwardInto(net, net.features, params, x1, x2, yTrue, forward, null, sum);
    return;
  }
  const hidden = net.hidden;
  const activation = net.activation;
  const outWeights = 2 * hidden;
  const yPred = forward[2 * hidden + 1]!;
  const slopeOut = net.output === 'linear' ? 1 : yPred * (1 - yPred);
  const bce = net.loss === 'bce';
  const lossSlope = bce ? yPred - yTrue : -2 * (yTrue - yPred);
  const pathSlope = bce ? 1 : slopeOut;
  for (let j = 0; j < hidden; j++) {
    const h = forward[2 * j + 1]!;
    const slopeHidden =
      activation === 'sigmoid'
        ? h * (1 - h)
        : activation === 'tanh'
          ? 1 - h * h
          : forward[2 * j]! > 0
            ? 1
            : 0;
    const backToHidden = lossSlope * (params[outWeights + j]! * pathSlope);
    sum[outWeights + j] = sum[outWeights + j]! + lossSlope * (h * pathSlope);
    sum[2 * j] = sum[2 * j]! + backToHidden * (x1 * slopeHidden);
    sum[2 * j + 1] = sum[2 * j + 1]! + backToHidden * (x2 * slopeHidden);
    sum[3 * hidden + j] = sum[3 * hidden + j]! + backToHidden * slopeHidden;
  }
  sum[4 * hidden] = sum[4 * hidden]! + lossSlope * pathSlope;
}

/** Forward and backward for one sample, for views and tests (allocates its result). */
export function netTraceSample(
  net: NetworkShape,
  params: Float64Array,
  x1: number,
  x2: number,
  yTrue: number,
): SampleTrace {
  const forward = new Float64Array(networkForwardSize(net));
  const factors = new Float64Array(networkFactorCount(net));
  const grad = new Float64Array(networkParamCount(net));
  netForwardInto(net, params, x1, x2, forward);
  netBackwardInto(net, params, x1, x2, yTrue, forward, factors, grad);
  return { forward, factors, grad };
}

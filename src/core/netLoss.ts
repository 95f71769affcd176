/**
 * Loss and accuracy over a dataset for any architecture, in one allocation-free pass, so the worker can
 * read both once per epoch for the price of the loss alone.
 */
import type { LossKind } from './architecture';
import { forwardSize } from './bufferLayout';
import { featuresInto, hasPlainInputs, MAX_FEATURES } from './features';
import { isLayered, MAX_TOTAL_HIDDEN, planFor, totalHidden } from './layerShape';
import { netForwardInto, type NetworkShape } from './netForward';
import { activationCode, forwardFromInputs } from './netLayered';

/**
 * Binary cross-entropy of one sample, -[y ln p + (1 - y) ln(1 - p)] with p = sigmoid(z), computed from the
 * output sum z as max(z, 0) - z y + ln(1 + e^-|z|): finite however confident the network is.
 */
export function crossEntropyFromSum(yTrue: number, sum: number): number {
  return (sum > 0 ? sum : 0) - sum * yTrue + Math.log1p(Math.exp(-Math.abs(sum)));
}

/** One sample's loss, from its output sum z and prediction p = sigmoid(z). MSE is the article's (y - p)². */
export function sampleLossFromSum(loss: LossKind, yTrue: number, sum: number, yPred: number): number {
  if (loss === 'bce') return crossEntropyFromSum(yTrue, sum);
  const diff = yTrue - yPred;
  return diff * diff;
}

/** A prediction is right when it is on the target's side of 0.5 (exactly 0.5 counts as 0, i.e. Male). */
export function isCorrect(yTrue: number, yPred: number): boolean {
  return yPred > 0.5 === (yTrue === 1);
}

/** Slots of a metrics buffer. METRIC_ACCURACY holds the run's second metric, of the kind metricKind says. */
export const METRIC_LOSS = 0;
export const METRIC_ACCURACY = 1;
export const METRICS_SIZE = 2;

/**
 * What a run's second metric is: accuracy for two classes, the mean absolute error |y - ŷ| for a numeric
 * target (where "the right side of 0.5" means nothing). Every view words it from this one answer.
 */
export type MetricKind = 'accuracy' | 'mae';

export function metricKind(net: Pick<NetworkShape, 'output'>): MetricKind {
  return net.output === 'linear' ? 'mae' : 'accuracy';
}

const scratch = new Float64Array(forwardSize(MAX_TOTAL_HIDDEN));

/**
 * Mean loss (out[METRIC_LOSS]) and accuracy (out[METRIC_ACCURACY], the fraction of samples on the right
 * side of 0.5) of the network over `count` samples; `inputs` holds x1, x2 interleaved. Both NaN with no
 * samples. Allocation-free.
 */
export function netDatasetMetricsInto(
  net: NetworkShape,
  params: Float64Array,
  inputs: Float64Array,
  targets: Float64Array,
  count: number,
  out: Float64Array,
): void {
  if (isLayered(net)) {
    layeredMetricsInto(net, params, inputs, targets, count, out);
    return;
  }
  if (net.output === 'linear') {
    regressionMetricsInto(net, params, inputs, targets, count, out);
    return;
  }
  const bce = net.loss === 'bce';
  const sumSlot = 2 * totalHidden(net);
  let sum = 0;
  let correct = 0;
  for (let i = 0; i < count; i++) {
    netForwardInto(net, params, inputs[2 * i]!, inputs[2 * i + 1]!, scratch);
    const yTrue = targets[i]!;
    const yPred = scratch[sumSlot + 1]!;
    if (bce) {
      sum += crossEntropyFromSum(yTrue, scratch[sumSlot]!);
    } else {
      const diff = yTrue - yPred;
      sum += diff * diff;
    }
    if (isCorrect(yTrue, yPred)) correct += 1;
  }
  out[METRIC_LOSS] = sum / count; // 0 / 0: NaN with no samples
  out[METRIC_ACCURACY] = correct / count;
}

/** A linear output's mean squared error (METRIC_LOSS) and mean absolute error (METRIC_ACCURACY). */
function regressionMetricsInto(
  net: NetworkShape,
  params: Float64Array,
  inputs: Float64Array,
  targets: Float64Array,
  count: number,
  out: Float64Array,
): void {
  const predSlot = 2 * totalHidden(net) + 1;
  let squared = 0;
  let absolute = 0;
  for (let i = 0; i < count; i++) {
    netForwardInto(net, params, inputs[2 * i]!, inputs[2 * i + 1]!, scratch);
    const diff = targets[i]! - scratch[predSlot]!;
    squared += diff * diff;
    absolute += diff < 0 ? -diff : diff;
  }
  out[METRIC_LOSS] = squared / count;
  out[METRIC_ACCURACY] = absolute / count;
}

const layerInputs = new Float64Array(MAX_FEATURES);

/**
 * netDatasetMetricsInto for two or more hidden layers, with the same float operations in the same order.
 * The plan, the activation codes and the kind of inputs are looked up once per call, where
 * netForwardInto looks them up per sample: trainEpoch measures the dataset after every epoch, and for
 * 2-8-8-1 on four people those look-ups and calls were about 2 % of the epoch (valgrind).
 */
function layeredMetricsInto(
  net: NetworkShape,
  params: Float64Array,
  inputs: Float64Array,
  targets: Float64Array,
  count: number,
  out: Float64Array,
): void {
  const plan = planFor(net);
  const hiddenCode = activationCode(net.activation);
  const outputCode = activationCode(net.output);
  const features = net.features;
  const plainInputs = features === undefined || hasPlainInputs(features);
  const sumSlot = 2 * plan.totalHidden;
  const regression = net.output === 'linear';
  const bce = net.loss === 'bce';
  let loss = 0;
  let second = 0; // correct predictions, or the sum of |y - ŷ| for a numeric target
  for (let i = 0; i < count; i++) {
    const x1 = inputs[2 * i]!;
    const x2 = inputs[2 * i + 1]!;
    if (plainInputs) {
      layerInputs[0] = x1;
      layerInputs[1] = x2;
    } else featuresInto(features, x1, x2, layerInputs);
    forwardFromInputs(plan, hiddenCode, outputCode, params, layerInputs, scratch);
    const yTrue = targets[i]!;
    const yPred = scratch[sumSlot + 1]!;
    if (bce && !regression) {
      loss += crossEntropyFromSum(yTrue, scratch[sumSlot]!);
    } else {
      const diff = yTrue - yPred;
      loss += diff * diff;
      if (regression) second += diff < 0 ? -diff : diff;
    }
    if (!regression && isCorrect(yTrue, yPred)) second += 1;
  }
  out[METRIC_LOSS] = loss / count; // 0 / 0: NaN with no samples
  out[METRIC_ACCURACY] = second / count;
}

const metrics = new Float64Array(METRICS_SIZE);

/** The dataset loss alone (MSE or BCE mean); allocation-free. */
export function netDatasetLoss(
  net: NetworkShape,
  params: Float64Array,
  inputs: Float64Array,
  targets: Float64Array,
  count: number,
): number {
  netDatasetMetricsInto(net, params, inputs, targets, count, metrics);
  return metrics[METRIC_LOSS]!;
}

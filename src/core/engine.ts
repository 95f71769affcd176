/**
 * The engine's one entry for everything above core: a `Network` value (architecture, parameters,
 * scaling) and what can be asked of it (a prediction, one person's loss, one sample's trace, a dataset's
 * loss). Whether the article's specialized 2-2-1 code or the general code answers is decided here and
 * nowhere above core, so the article's network keeps the exact numbers its reference values come from.
 */
import { hasArticleForward, hasArticleMath, hiddenFromParamCount, type Architecture } from './architecture';
import { networkParamCount, totalHidden, withHiddenSizes } from './layerShape';
import { DEFAULT_FEATURES } from './features';
import { traceSample, type SampleTrace } from './backward';
import { predict as articlePredict } from './forward';
import { datasetMetricsInto as articleMetricsInto, squaredError } from './loss';
import { netTraceSample } from './netBackward';
import { netForwardPass, netPredict, type NetworkShape } from './netForward';
import { METRICS_SIZE, METRIC_LOSS, crossEntropyFromSum, netDatasetMetricsInto } from './netLoss';
import type { Params } from './network';
import { scaleInput, type Scaling } from './scaling';
import type { TrainingSet } from './trainingSet';

/** A trained (or training) network as the views and exports read it. */
export interface Network {
  /** Its shape and training; sized to `params` (see networkOf). */
  readonly architecture: Architecture;
  /** networkParamCount(architecture) parameters, in the layout of layerShape.ts. */
  readonly params: Params;
  /** How raw inputs (lb, in) become the network's x1, x2. */
  readonly scaling: Scaling;
}

/**
 * The architecture a parameter vector belongs to. A run reports its architecture with its parameters,
 * so the two always fit; a vector of another length (a view still holding an older run's) is read with
 * its own hidden count (under the same inputs, or else the article's x1, x2), so nothing indexes it with
 * another network's layout.
 */
export function shapeFor(params: Params, architecture: Architecture): Architecture {
  if (networkParamCount(architecture) === params.length) return architecture;
  const hidden = hiddenFromParamCount(params.length, architecture.features.length);
  if (hidden !== null) return withHiddenSizes(architecture, [hidden]);
  const plainHidden = hiddenFromParamCount(params.length);
  return plainHidden === null
    ? architecture
    : { ...withHiddenSizes(architecture, [plainHidden]), features: DEFAULT_FEATURES };
}

/** The network value for these parameters, read with `architecture` (sized by shapeFor). */
export function networkOf(architecture: Architecture, params: Params, scaling: Scaling): Network {
  return { architecture: shapeFor(params, architecture), params, scaling };
}

/** The prediction ypred for scaled inputs x1, x2; allocation-free. */
export function predict(net: Network, x1: number, x2: number): number {
  const { architecture, params } = net;
  return hasArticleForward(architecture)
    ? articlePredict(params, x1, x2)
    : netPredict(architecture, params, x1, x2);
}

/** The prediction for raw inputs (lb, in), scaled the way the run scales them. */
export function predictRaw(net: Network, weight: number, height: number): number {
  const { scaling } = net;
  return predict(net, scaleInput(scaling, 0, weight), scaleInput(scaling, 1, height));
}

/** One person's own loss under the network's loss: (ytrue - ypred)^2, or the cross-entropy. */
export function personLoss(net: Network, x1: number, x2: number, target: number): number {
  const { architecture, params } = net;
  if (architecture.loss === 'mse') return squaredError(target, predict(net, x1, x2));
  const forward = netForwardPass(architecture, params, x1, x2);
  return crossEntropyFromSum(target, forward[2 * totalHidden(architecture)]!);
}

/** Forward values, chain-rule factors and gradient of one sample (bufferLayout.ts layouts). */
export function trace(net: Network, x1: number, x2: number, target: number): SampleTrace {
  const { architecture, params } = net;
  return hasArticleMath(architecture)
    ? traceSample(params, x1, x2, target)
    : netTraceSample(architecture, params, x1, x2, target);
}

/**
 * Mean loss (out[METRIC_LOSS]) and accuracy (out[METRIC_ACCURACY]; the mean absolute error for a linear
 * output, see metricKind) of `params` read as `shape` over `count` samples, in one allocation-free pass:
 * what the trainer measures every epoch.
 */
export function metricsInto(
  shape: NetworkShape,
  params: Params,
  inputs: Float64Array,
  targets: Float64Array,
  count: number,
  out: Float64Array,
): void {
  if (hasArticleMath(shape)) articleMetricsInto(params, inputs, targets, count, out);
  else netDatasetMetricsInto(shape, params, inputs, targets, count, out);
}

const metrics = new Float64Array(METRICS_SIZE);

/** The network's mean loss over a training set (NaN with no samples); allocation-free. */
export function trainingSetLoss(net: Network, set: TrainingSet): number {
  metricsInto(net.architecture, net.params, set.inputs, set.targets, set.count, metrics);
  return metrics[METRIC_LOSS]!;
}

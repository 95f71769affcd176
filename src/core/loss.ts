import { predict } from './forward';
import { METRIC_ACCURACY, METRIC_LOSS, isCorrect } from './netLoss';
import type { Params } from './network';

/** Squared error of one sample, the term the article averages: (ytrue - ypred)^2. */
export function squaredError(yTrue: number, yPred: number): number {
  const diff = yTrue - yPred;
  return diff * diff;
}

/** Mean squared error of predictions against truths. */
export function mseLoss(yTrue: ArrayLike<number>, yPred: ArrayLike<number>): number {
  if (yTrue.length !== yPred.length) throw new RangeError('yTrue and yPred differ in length');
  if (yTrue.length === 0) return Number.NaN;
  let sum = 0;
  for (let i = 0; i < yTrue.length; i++) sum += squaredError(yTrue[i]!, yPred[i]!);
  return sum / yTrue.length;
}

/**
 * The dataset loss: MSE of the network over every sample. `inputs` holds x1, x2 interleaved
 * (already scaled); allocation-free so the epoch loop can call it.
 */
export function datasetLoss(
  params: Params,
  inputs: Float64Array,
  targets: Float64Array,
  count: number,
): number {
  if (count === 0) return Number.NaN;
  let sum = 0;
  for (let i = 0; i < count; i++) {
    sum += squaredError(targets[i]!, predict(params, inputs[2 * i]!, inputs[2 * i + 1]!));
  }
  return sum / count;
}

/**
 * The 2-2-1 network's dataset MSE (out[METRIC_LOSS], bit-equal to datasetLoss) and accuracy
 * (out[METRIC_ACCURACY]) in one allocation-free pass: the article's fast path of netDatasetMetricsInto.
 */
export function datasetMetricsInto(
  params: Params,
  inputs: Float64Array,
  targets: Float64Array,
  count: number,
  out: Float64Array,
): void {
  let sum = 0;
  let correct = 0;
  for (let i = 0; i < count; i++) {
    const yTrue = targets[i]!;
    const yPred = predict(params, inputs[2 * i]!, inputs[2 * i + 1]!);
    sum += squaredError(yTrue, yPred);
    if (isCorrect(yTrue, yPred)) correct += 1;
  }
  out[METRIC_LOSS] = sum / count; // 0 / 0: NaN with no samples
  out[METRIC_ACCURACY] = correct / count;
}

import { predict } from '../core/forward';
import type { Params } from '../core/network';
import type { TrainingSet } from '../core/trainingSet';

/**
 * The share of the training rows on the right side of 0.5 (output above 0.5 for a 1, not above for a 0),
 * as the Training status counts it; NaN with no rows. Allocation-free: it runs once per epoch.
 */
export function datasetAccuracy(params: Params, set: TrainingSet): number {
  const { inputs, targets, count } = set;
  if (count === 0) return Number.NaN;
  let correct = 0;
  for (let i = 0; i < count; i++) {
    const output = predict(params, inputs[2 * i]!, inputs[2 * i + 1]!);
    if (output > 0.5 === (targets[i] === 1)) correct += 1;
  }
  return correct / count;
}

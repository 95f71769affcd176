/**
 * How the trainer learns from one sample: the article's 2-2-1 per-sample SGD step (the fast path, the
 * arithmetic every reference number was computed with), or the generic path for any architecture, which
 * adds mini-batches (mean gradient, one step per batch) and momentum. Both write the sample's forward
 * values, factors and own gradient into the trainer's buffers; neither allocates.
 */
import type { Architecture } from './architecture';
import { backwardInto } from './backward';
import { forwardInto } from './forward';
import { netBackwardInto } from './netBackward';
import { netForwardInto } from './netForward';
import { applyMomentumStep, applySgdStep } from './sgd';
import type { Trainer } from './trainer';

/** Samples per update: 1, the mini-batch size, or Infinity for the full batch (the epoch's end closes it). */
export function samplesPerUpdate(arch: Architecture): number {
  if (arch.update === 'sample') return 1;
  if (arch.update === 'full-batch') return Infinity;
  return Number.isFinite(arch.batchSize) && arch.batchSize >= 1 ? Math.floor(arch.batchSize) : 1;
}

/** The article's step: forward, backward, p -= rate * dL/dp. */
export function trainArticleSample(trainer: Trainer, sample: number): void {
  const { set, params } = trainer;
  const x1 = set.inputs[2 * sample]!;
  const x2 = set.inputs[2 * sample + 1]!;
  forwardInto(params, x1, x2, trainer.forward);
  backwardInto(params, x1, x2, set.targets[sample]!, trainer.forward, trainer.factors, trainer.grad);
  applySgdStep(params, trainer.grad, trainer.learningRate);
}

function step(trainer: Trainer, grad: Float64Array): void {
  if (trainer.momentum === 0) applySgdStep(trainer.params, grad, trainer.learningRate);
  else applyMomentumStep(trainer.params, grad, trainer.learningRate, trainer.velocity, trainer.momentum);
}

/**
 * Any architecture: the sample's gradient, then a step now (per sample) or into the batch sum, stepping
 * with the batch's mean when it is full or the epoch ends (`endsEpoch`): batches never span epochs.
 */
export function trainGenericSample(trainer: Trainer, sample: number, endsEpoch: boolean): void {
  const { set, params, architecture: net, grad } = trainer;
  const x1 = set.inputs[2 * sample]!;
  const x2 = set.inputs[2 * sample + 1]!;
  netForwardInto(net, params, x1, x2, trainer.forward);
  netBackwardInto(net, params, x1, x2, set.targets[sample]!, trainer.forward, trainer.factors, grad);
  if (trainer.samplesPerUpdate === 1) {
    step(trainer, grad);
    return;
  }
  const sum = trainer.batchGrad;
  const n = grad.length;
  if (trainer.batchFill === 0) for (let i = 0; i < n; i++) sum[i] = grad[i]!;
  else for (let i = 0; i < n; i++) sum[i] = sum[i]! + grad[i]!;
  const fill = trainer.batchFill + 1;
  if (fill < trainer.samplesPerUpdate && !endsEpoch) {
    trainer.batchFill = fill;
    return;
  }
  for (let i = 0; i < n; i++) sum[i] = sum[i]! / fill;
  step(trainer, sum);
  trainer.batchFill = 0;
}

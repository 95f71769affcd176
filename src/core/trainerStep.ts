/**
 * How the trainer learns on the generic path, for any architecture: per sample, mini-batches (mean
 * gradient, one step per batch) or full batch, with any optimizer (the article's 2-2-1 per-sample
 * step stays in trainer.ts). Nothing here allocates.
 */
import type { Architecture } from './architecture';
import { networkFactorCount, networkParamCount, planFor } from './layerShape';
import { netAddGradient, netBackwardInto } from './netBackward';
import { netForwardInto } from './netForward';
import { takesLayeredSgd, trainLayeredSgdEpochRest } from './layeredSgd';
import { applyAdaptiveStep } from './optimizer';
import { applyMeanStep, applyMomentumStep, applySgdStep } from './sgd';
import type { Trainer } from './trainer';

/** Samples per update: 1, the mini-batch size, or Infinity for the full batch (the epoch's end closes it). */
export function samplesPerUpdate(arch: Architecture): number {
  if (arch.update === 'sample') return 1;
  if (arch.update === 'full-batch') return Infinity;
  return Number.isFinite(arch.batchSize) && arch.batchSize >= 1 ? Math.floor(arch.batchSize) : 1;
}

/**
 * The last sample's chain-rule factors and gradient, or what they are worked out from when trainEpoch
 * left them pending: the parameters its gradient was taken at (its batch's start) and its inputs.
 */
export interface TraceBuffers {
  readonly factors: Float64Array;
  readonly grad: Float64Array;
  pending: boolean;
  /** The parameters the pending sample's gradient was taken at (only the weights past layer 1 are kept). */
  readonly params: Float64Array;
  x1: number;
  x2: number;
  yTrue: number;
}

export function createTraceBuffers(net: Architecture): TraceBuffers {
  return {
    factors: new Float64Array(networkFactorCount(net)),
    grad: new Float64Array(networkParamCount(net)),
    pending: false,
    params: new Float64Array(networkParamCount(net)),
    x1: 0,
    x2: 0,
    yTrue: 0,
  };
}

/** Fills a pending trace (`forward` still holds that sample's forward values). */
export function settleTrace(net: Architecture, forward: Float64Array, trace: TraceBuffers): void {
  if (!trace.pending) return;
  netBackwardInto(net, trace.params, trace.x1, trace.x2, trace.yTrue, forward, trace.factors, trace.grad);
  trace.pending = false;
}

function step(trainer: Trainer, grad: Float64Array): void {
  const { params, learningRate, penalty, optimizer } = trainer;
  if (optimizer.settings.kind !== 'sgd')
    applyAdaptiveStep(params, grad, 1, learningRate, optimizer, penalty, false);
  else if (trainer.momentum === 0) applySgdStep(params, grad, learningRate, penalty);
  else applyMomentumStep(params, grad, learningRate, trainer.velocity, trainer.momentum, penalty);
}

/**
 * One step by the mean gradient of the batch's `fill` samples (plus the weight penalty, once per step,
 * not once per sample); the sum starts again from 0.
 */
function closeBatch(trainer: Trainer, fill: number): void {
  const { params, batchGrad, learningRate, velocity, momentum, penalty, optimizer } = trainer;
  if (optimizer.settings.kind !== 'sgd') {
    applyAdaptiveStep(params, batchGrad, fill, learningRate, optimizer, penalty, true);
  } else applyMeanStep(params, batchGrad, fill, learningRate, velocity, momentum, penalty);
  trainer.batchFill = 0;
}

/**
 * Any architecture, one sample with its whole trace: the forward values, factors and own gradient, then a
 * step now (per sample), or the gradient added into the batch sum and a step by the batch's mean when it
 * is full or the epoch ends (`endsEpoch`): batches never span epochs.
 */
export function trainGenericSample(trainer: Trainer, sample: number, endsEpoch: boolean): void {
  const { set, params, architecture: net, forward, trace } = trainer;
  const grad = trace.grad;
  const x1 = set.inputs[2 * sample]!;
  const x2 = set.inputs[2 * sample + 1]!;
  netForwardInto(net, params, x1, x2, forward);
  netBackwardInto(net, params, x1, x2, set.targets[sample]!, forward, trace.factors, grad);
  trace.pending = false;
  if (trainer.samplesPerUpdate === 1) {
    step(trainer, grad);
    return;
  }
  const sum = trainer.batchGrad;
  for (let i = 0; i < sum.length; i++) sum[i] = sum[i]! + grad[i]!;
  const fill = trainer.batchFill + 1;
  if (fill === trainer.samplesPerUpdate || endsEpoch) closeBatch(trainer, fill);
  else trainer.batchFill = fill;
}

/**
 * Keeps what the epoch's last sample's trace is worked out from, before its batch's step moves the
 * params. Once the forward values are known, backpropagation reads only the weights past the first
 * layer (the output weights of a 1-layer network), so only those are copied (netBackwardInto; a test
 * checks the settled trace against a full one).
 */
export function holdTrace(
  net: Architecture,
  trace: TraceBuffers,
  params: Float64Array,
  x1: number,
  x2: number,
  yTrue: number,
): void {
  const copy = trace.params;
  const plan = planFor(net);
  for (let i = plan.weightStart[2]!; i < plan.weightCount; i++) copy[i] = params[i]!;
  trace.x1 = x1;
  trace.x2 = x2;
  trace.yTrue = yTrue;
  trace.pending = true;
}

/**
 * trainEpoch on the generic path: the rest of the epoch, from the cursor (the epoch already begun). In
 * batch modes each sample only adds its gradient into the batch sum, and the last one's trace is left
 * pending (see TraceBuffers): no one reads the others', and writing them costs a fifth of the speed.
 */
export function trainGenericEpochRest(trainer: Trainer): void {
  if (takesLayeredSgd(trainer)) {
    trainLayeredSgdEpochRest(trainer);
    return;
  }
  const { set, order, params, architecture: net, forward, batchGrad, trace } = trainer;
  const { inputs, targets, count } = set;
  const perSample = trainer.samplesPerUpdate === 1;
  for (let cursor = trainer.cursor; cursor < count; cursor++) {
    const sample = order[cursor]!;
    const x1 = inputs[2 * sample]!;
    const x2 = inputs[2 * sample + 1]!;
    const yTrue = targets[sample]!;
    netForwardInto(net, params, x1, x2, forward);
    if (perSample) {
      netBackwardInto(net, params, x1, x2, yTrue, forward, trace.factors, trace.grad);
      trace.pending = false;
      step(trainer, trace.grad);
      continue;
    }
    netAddGradient(net, params, x1, x2, yTrue, forward, batchGrad);
    const fill = trainer.batchFill + 1;
    const last = cursor === count - 1;
    if (last) holdTrace(net, trace, params, x1, x2, yTrue);
    if (fill === trainer.samplesPerUpdate || last) closeBatch(trainer, fill);
    else trainer.batchFill = fill;
  }
  trainer.lastSample = order[count - 1]!;
  trainer.cursor = 0;
  trainer.epoch += 1;
}

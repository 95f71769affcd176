/**
 * What the activation explorer shows of a neuron: its activation f and slope f' at any sum z, whether it
 * saturates at the focused sample's z (f' so small that its weights hardly learn from it), and whether a
 * ReLU is dead (z <= 0 for every training row, so no gradient reaches it at all). The slopes are the
 * ones backprop uses (netBackward.ts): ReLU's is 0 at z = 0.
 */
import { sigmoid } from './activation';
import type { HiddenActivation, OutputActivation } from './architecture';
import { forwardSize, hiddenSumSlot } from './bufferLayout';
import { MAX_HIDDEN } from './architecture';
import { netForwardInto, type ForwardShape } from './netForward';

/** A neuron's activation: a hidden one's, or the output's (sigmoid, or linear for a number). */
export type NeuronActivation = HiddenActivation | OutputActivation;

export function activationValue(kind: NeuronActivation, z: number): number {
  if (kind === 'tanh') return Math.tanh(z);
  if (kind === 'relu') return z > 0 ? z : 0;
  if (kind === 'linear') return z;
  return sigmoid(z);
}

export function activationSlope(kind: NeuronActivation, z: number): number {
  if (kind === 'tanh') {
    const t = Math.tanh(z);
    return 1 - t * t;
  }
  if (kind === 'relu') return z > 0 ? 1 : 0;
  if (kind === 'linear') return 1;
  const s = sigmoid(z);
  return s * (1 - s);
}

/** The largest slope each activation reaches (at z = 0, or anywhere for ReLU's and a linear's 1). */
const PEAK_SLOPE: Readonly<Record<NeuronActivation, number>> = {
  sigmoid: 0.25,
  tanh: 1,
  relu: 1,
  linear: 1,
};

/**
 * A neuron saturates where its slope is under 4 % of its peak: sigmoid' < 0.01 (|z| > 4.6), tanh' < 0.04
 * (|z| > 2.3). Every gradient through it is scaled by that slope, so it learns 25 times slower or worse.
 */
export const SATURATION_SHARE = 0.04;

/** What the explorer says about a neuron at the focused sample. */
export type NeuronNote =
  | { readonly kind: 'saturated'; readonly slope: number; readonly limit: number }
  | { readonly kind: 'dead'; readonly rows: number }
  | { readonly kind: 'inactive' }
  | null;

/**
 * The note for a neuron of activation `kind` whose sum is `z` for the focused sample and at most
 * `largestSum` over the training rows (`rows` of them; null when unknown): dead (a ReLU that no row
 * turns on), inactive (a ReLU off for this sample only), saturated (a smooth activation past its
 * bend), or nothing.
 */
export function neuronNote(
  kind: NeuronActivation,
  z: number,
  largestSum: number | null,
  rows: number,
): NeuronNote {
  if (kind === 'relu') {
    if (largestSum !== null && rows > 0 && largestSum <= 0) return { kind: 'dead', rows };
    return z > 0 ? null : { kind: 'inactive' };
  }
  if (kind === 'linear') return null;
  const slope = activationSlope(kind, z);
  const limit = SATURATION_SHARE * PEAK_SLOPE[kind];
  return slope < limit ? { kind: 'saturated', slope, limit } : null;
}

const scratch = new Float64Array(forwardSize(MAX_HIDDEN));

/**
 * Each hidden neuron's largest sum z over `count` samples (`inputs` holds scaled x1, x2 interleaved),
 * written into `out` (at least H long); -Infinity with no samples. Allocation-free.
 */
export function largestHiddenSumsInto(
  net: ForwardShape,
  params: Float64Array,
  inputs: Float64Array,
  count: number,
  out: Float64Array,
): void {
  out.fill(Number.NEGATIVE_INFINITY, 0, net.hidden);
  for (let i = 0; i < count; i++) {
    netForwardInto(net, params, inputs[2 * i]!, inputs[2 * i + 1]!, scratch);
    for (let j = 0; j < net.hidden; j++) {
      const z = scratch[hiddenSumSlot(j)]!;
      if (z > out[j]!) out[j] = z;
    }
  }
}

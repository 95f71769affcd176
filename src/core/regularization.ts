/**
 * Weight penalties. The penalty is added to the data loss for the update only: it pulls every WEIGHT
 * toward 0 by rate · dR/dw on each step. Biases are left alone (as TensorFlow Playground does): a bias
 * only shifts a neuron, and shrinking it would bias the fit without making it any smoother.
 *
 *   L1: R(w) = |w|,      dR/dw = sign(w)   (0 at w = 0)
 *   L2: R(w) = ½ w²,     dR/dw = w
 *
 * The loss the lab shows (the status, the curve, the landscape) stays the DATA loss: it is what the
 * article prints and what a learner compares across runs with and without a penalty. The Math view shows
 * the penalty beside it.
 */

export type Regularization = 'none' | 'l1' | 'l2';

export const REGULARIZATION_LABELS: Readonly<Record<Regularization, string>> = {
  none: 'None',
  l1: 'L1',
  l2: 'L2',
};

export const MIN_REGULARIZATION_RATE = 1e-5;
export const MAX_REGULARIZATION_RATE = 1;
/** The rate a penalty starts at when it is turned on. */
export const DEFAULT_REGULARIZATION_RATE = 0.001;

/** dR/dw of one weight, without the rate. */
export function penaltySlope(kind: Regularization, weight: number): number {
  if (kind === 'l2') return weight;
  if (kind === 'l1') return weight > 0 ? 1 : weight < 0 ? -1 : 0;
  return 0;
}

/** R(w) of one weight, without the rate. */
export function penaltyValue(kind: Regularization, weight: number): number {
  if (kind === 'l2') return 0.5 * weight * weight;
  if (kind === 'l1') return Math.abs(weight);
  return 0;
}

/** rate · Σ R(w) over the first `weights` parameters (the weights; the biases follow them). */
export function penaltyTotal(
  kind: Regularization,
  rate: number,
  params: ArrayLike<number>,
  weights: number,
): number {
  if (kind === 'none') return 0;
  let sum = 0;
  for (let i = 0; i < weights; i++) sum += penaltyValue(kind, params[i]!);
  return rate * sum;
}

/**
 * Adds rate · dR/dw to the gradient of each weight (the first `weights` entries of `grad`), reading the
 * weights from `params`: the gradient the step takes. Allocation-free.
 */
export function addPenaltyGradient(
  kind: Regularization,
  rate: number,
  params: ArrayLike<number>,
  grad: Float64Array,
  weights: number,
): void {
  if (kind === 'none') return;
  for (let i = 0; i < weights; i++) grad[i] = grad[i]! + rate * penaltySlope(kind, params[i]!);
}

/** A penalty as the step takes it: its kind, its rate, and how many leading parameters are weights. */
export interface Penalty {
  readonly kind: Exclude<Regularization, 'none'>;
  readonly rate: number;
  readonly weights: number;
}

/** The penalty a run's steps take, or null when there is none (the plain steps, bit for bit). */
export function penaltyOf(kind: Regularization, rate: number, weights: number): Penalty | null {
  if (kind === 'none' || !Number.isFinite(rate) || rate <= 0) return null;
  return { kind, rate, weights };
}

/**
 * The gradient check: backpropagation's dL/dp against a centred finite difference
 * (L(p + h) - L(p - h)) / 2h of the same loss, one parameter at a time, so a learner can see backprop is
 * right. The network's loss and gradient come from the engine (engine.ts), whatever the architecture, and
 * a weight penalty (regularization.ts) is part of both, as it is of every step the trainer takes.
 */
import { personLoss, trace, type Network } from './engine';
import { networkWeightCount } from './layerShape';
import { addPenaltyGradient, penaltyTotal } from './regularization';

/**
 * The step h for a parameter of size |p|: 1e-5 scaled by max(1, |p|). Near the cube root of float64's
 * epsilon, where the difference's truncation error (∝ h²) and its rounding error (∝ ε / h) meet.
 */
export const RELATIVE_STEP = 1e-5;

/** The floor of the relative error's denominator, so two gradients of exactly 0 agree instead of 0 / 0. */
export const TINY_GRADIENT = 1e-300;

/** A smooth network's gradient agrees with the difference to better than this (roughly 7 digits). */
export const SMOOTH_AGREEMENT = 1e-6;

/** Safety factors on the difference's own error estimates (rounding and its change with h). */
const ROUNDING_MARGIN = 8;
const UNCERTAINTY_MARGIN = 8;

/** One parameter checked. */
export interface ParamCheck {
  readonly index: number;
  /** dL/dp by backpropagation (with the penalty's slope for a weight). */
  readonly backprop: number;
  /** (L(p + h) - L(p - h)) / 2h. */
  readonly numeric: number;
  /** The step actually taken each way (p ± h rounded to float64, so 2h is what separates them). */
  readonly step: number;
  readonly lossPlus: number;
  readonly lossMinus: number;
  /** |backprop - numeric| / max(|backprop|, |numeric|, TINY_GRADIENT). */
  readonly relativeError: number;
  /**
   * How far the difference itself may be off: how much it moves when h doubles (its truncation and
   * rounding errors both show there), and at least the rounding of the two losses, ε·|L|, magnified by
   * dividing by 2h. Where a gradient is about this small its relative error says nothing about backprop.
   */
  readonly uncertainty: number;
  /** The relative error is below SMOOTH_AGREEMENT, or the two differ by no more than `uncertainty`. */
  readonly agrees: boolean;
}

/** Every parameter checked, and the one that agrees least. */
export interface GradientCheck {
  readonly params: readonly ParamCheck[];
  /** Index into `params` of the largest relative error (NaN counts as the largest). */
  readonly worst: number;
  /** The loss at the parameters as they are. */
  readonly loss: number;
}

export function relativeError(a: number, b: number): number {
  return Math.abs(a - b) / Math.max(Math.abs(a), Math.abs(b), TINY_GRADIENT);
}

/** The step h for a parameter value: RELATIVE_STEP scaled by its size. */
export function stepFor(value: number): number {
  return RELATIVE_STEP * Math.max(1, Math.abs(value));
}

/**
 * Checks `gradient` (what a backward pass claims is dL/dp at `params`) against centred differences of
 * `loss`, for every parameter. `params` is read, moved by ±h one entry at a time and restored; the
 * result does not depend on what `loss` does with the vector besides reading it.
 */
export function checkGradient(
  loss: (params: Float64Array) => number,
  params: Float64Array,
  gradient: ArrayLike<number>,
): GradientCheck {
  const checks: ParamCheck[] = [];
  let worst = 0;
  for (let i = 0; i < params.length; i++) {
    const value = params[i]!;
    const h = stepFor(value);
    const near = centredDifference(loss, params, i, h);
    const wide = centredDifference(loss, params, i, 2 * h);
    const numeric = near.slope;
    const backprop = gradient[i] ?? Number.NaN;
    const error = relativeError(backprop, numeric);
    const rounding =
      (ROUNDING_MARGIN * Number.EPSILON * Math.max(Math.abs(near.plus), Math.abs(near.minus))) /
      (2 * near.step);
    const uncertainty = Math.max(rounding, UNCERTAINTY_MARGIN * Math.abs(near.slope - wide.slope));
    checks.push({
      index: i,
      backprop,
      numeric,
      step: near.step,
      lossPlus: near.plus,
      lossMinus: near.minus,
      relativeError: error,
      uncertainty,
      agrees: error < SMOOTH_AGREEMENT || Math.abs(backprop - numeric) <= uncertainty,
    });
    const worstError = checks[worst]!.relativeError;
    if (Number.isNaN(error) ? !Number.isNaN(worstError) : error > worstError) worst = i;
  }
  return { params: checks, worst, loss: loss(params) };
}

/** (L(p + h) - L(p - h)) / 2h for parameter i, with p ± h as float64 holds them; `params` is restored. */
function centredDifference(
  loss: (params: Float64Array) => number,
  params: Float64Array,
  i: number,
  h: number,
): { slope: number; plus: number; minus: number; step: number } {
  const value = params[i]!;
  const up = value + h;
  const down = value - h;
  params[i] = up;
  const plus = loss(params);
  params[i] = down;
  const minus = loss(params);
  params[i] = value;
  return { slope: (plus - minus) / (up - down), plus, minus, step: (up - down) / 2 };
}

/** One sample as the network sees it: scaled inputs and its target. */
export interface CheckedSample {
  readonly x1: number;
  readonly x2: number;
  readonly target: number;
}

/** How many leading parameters the network's weight penalty covers (its weights; biases follow). */
function penalizedCount(net: Network): number {
  return networkWeightCount(net.architecture);
}

/**
 * The loss one step on `sample` descends: the sample's own loss (MSE or cross-entropy, as the run
 * trains) plus the weight penalty rate · Σ R(w), for the network's parameters replaced by `params`.
 */
export function sampleStepLoss(net: Network, sample: CheckedSample, params: Float64Array): number {
  const { architecture } = net;
  const moved: Network = { ...net, params };
  const data = personLoss(moved, sample.x1, sample.x2, sample.target);
  return (
    data +
    penaltyTotal(architecture.regularization, architecture.regularizationRate, params, penalizedCount(net))
  );
}

/** Backpropagation's gradient of sampleStepLoss: the engine's trace, plus the penalty's slope. */
export function sampleStepGradient(net: Network, sample: CheckedSample): Float64Array {
  const { architecture } = net;
  const grad = Float64Array.from(trace(net, sample.x1, sample.x2, sample.target).grad);
  addPenaltyGradient(
    architecture.regularization,
    architecture.regularizationRate,
    net.params,
    grad,
    penalizedCount(net),
  );
  return grad;
}

/** The whole check for one sample: the engine's backprop against differences of the same step's loss. */
export function checkSampleGradient(net: Network, sample: CheckedSample): GradientCheck {
  const params = Float64Array.from(net.params);
  return checkGradient(
    (moved) => sampleStepLoss(net, sample, moved),
    params,
    sampleStepGradient(net, sample),
  );
}

/** Whether backprop may disagree with the difference for reasons other than a bug: ReLU's kink, L1's. */
export function hasKinks(net: Network): boolean {
  return net.architecture.activation === 'relu' || net.architecture.regularization === 'l1';
}

/**
 * What a check says, from best to worst: every gradient agrees (to 1e-6, or within the difference's own
 * uncertainty); some differ a little (under 1e-3, rounding in tiny gradients of saturated neurons);
 * they differ where a kink (ReLU at 0, L1 at w = 0) lies within h, which a difference cannot straddle;
 * or they disagree, which would be a bug.
 */
export type GradientVerdict = 'agree' | 'close' | 'kink' | 'disagree';

/** Below this a disagreement is rounding, not a wrong formula (a wrong one is off by its own size). */
export const CLOSE_AGREEMENT = 1e-3;

export function gradientVerdict(check: GradientCheck, kinks: boolean): GradientVerdict {
  const disagreeing = check.params.filter((param) => !param.agrees);
  if (disagreeing.length === 0) return 'agree';
  if (disagreeing.every((param) => param.relativeError < CLOSE_AGREEMENT)) return 'close';
  return kinks ? 'kink' : 'disagree';
}

/**
 * The optimizers a run can step with, as PyTorch defines them (torch.optim, default options):
 *
 *   SGD       p ← p − η g                                        torch.optim.SGD(momentum=0)
 *   Momentum  v ← μ v − η g,  p ← p + v                          torch.optim.SGD(momentum=μ)
 *   RMSProp   s ← α s + (1 − α) g²,  p ← p − η g / (√s + ε)      torch.optim.RMSprop (centered=False, momentum=0)
 *   Adam      m ← β1 m + (1 − β1) g,  v ← β2 v + (1 − β2) g²,
 *             m̂ = m / (1 − β1ᵗ),  v̂ = v / (1 − β2ᵗ),  p ← p − η m̂ / (√v̂ + ε)   torch.optim.Adam (amsgrad=False)
 *
 * g is the step's gradient: the data gradient (a mini-batch's mean) plus the lab's L2 or L1 penalty on
 * weights, which is how PyTorch's weight_decay enters too. Momentum is SGD with momentum above 0, as in
 * PyTorch: the lab keeps its velocity as the step itself (v = −η · PyTorch's buffer), the same steps at a
 * fixed rate and the form the article's readers meet first.
 *
 * RMSProp's α has its own field rather than borrowing Adam's β2: PyTorch's defaults differ (0.99 and
 * 0.999), and a learner who switches between the two should find each at its own default.
 */
import type { Params } from './network';
import type { Penalty } from './regularization';
import { stepGradient } from './sgd';

/** What the engine steps with; `Momentum` in the lab's list is 'sgd' with momentum above 0. */
export type OptimizerKind = 'sgd' | 'rmsprop' | 'adam';

/** The lab's Optimizer list: PyTorch's three, with SGD with momentum listed on its own. */
export type OptimizerChoice = 'sgd' | 'momentum' | 'rmsprop' | 'adam';

export const OPTIMIZER_LABELS: Readonly<Record<OptimizerChoice, string>> = {
  sgd: 'SGD',
  momentum: 'Momentum',
  rmsprop: 'RMSProp',
  adam: 'Adam',
};

export const OPTIMIZER_KINDS: Readonly<Record<OptimizerKind, string>> = {
  sgd: 'SGD',
  rmsprop: 'RMSProp',
  adam: 'Adam',
};

/** An optimizer and its options (the ones the kind does not use keep their values for a switch back). */
export interface OptimizerSettings {
  readonly kind: OptimizerKind;
  /** Adam's decay of the gradient's running mean (the first moment). */
  readonly beta1: number;
  /** Adam's decay of the squared gradient's running mean (the second moment). */
  readonly beta2: number;
  /** RMSProp's decay of the squared gradient's running mean. */
  readonly alpha: number;
  /** Added to the root of the second moment so a step never divides by 0 (RMSProp and Adam). */
  readonly epsilon: number;
}

/** PyTorch's defaults. */
export const DEFAULT_OPTIMIZER: OptimizerSettings = {
  kind: 'sgd',
  beta1: 0.9,
  beta2: 0.999,
  alpha: 0.99,
  epsilon: 1e-8,
};

/** The momentum `Momentum` starts at when it is chosen with none set (PyTorch has no default; 0.9 is usual). */
export const DEFAULT_MOMENTUM = 0.9;

/** A decay is below 1 (1 would never forget) and at least 0; epsilon is above 0 and small. */
export const MAX_DECAY = 0.9999;
export const MIN_EPSILON = 1e-12;
export const MAX_EPSILON = 1;

/** The optimizer a network steps with: its own, or plain SGD when it names none (the article's). */
export function optimizerOf(arch: { readonly optimizer?: OptimizerSettings }): OptimizerSettings {
  return arch.optimizer ?? DEFAULT_OPTIMIZER;
}

/** Which entry of the Optimizer list a network's settings are. */
export function optimizerChoice(arch: {
  readonly optimizer?: OptimizerSettings;
  readonly momentum: number;
}): OptimizerChoice {
  const { kind } = optimizerOf(arch);
  if (kind !== 'sgd') return kind;
  return arch.momentum > 0 ? 'momentum' : 'sgd';
}

/**
 * What an optimizer remembers between steps, sized once for a parameter vector: momentum's velocity,
 * Adam's first moment, the second moment (RMSProp's and Adam's), and the steps taken (Adam's t).
 */
export interface OptimizerState {
  readonly settings: OptimizerSettings;
  /** Momentum's velocity per parameter (the step it took last). */
  readonly velocity: Float64Array;
  /** Adam's m per parameter. */
  readonly firstMoment: Float64Array;
  /** RMSProp's and Adam's running mean of the squared gradient per parameter. */
  readonly secondMoment: Float64Array;
  /** Steps taken since the state was last cleared. */
  steps: number;
}

export function createOptimizerState(settings: OptimizerSettings, count: number): OptimizerState {
  return {
    settings,
    velocity: new Float64Array(count),
    firstMoment: new Float64Array(count),
    secondMoment: new Float64Array(count),
    steps: 0,
  };
}

/** Forgets everything the optimizer learned (a reset, a rollback, parameters set from outside). */
export function clearOptimizerState(state: OptimizerState): void {
  state.velocity.fill(0);
  state.firstMoment.fill(0);
  state.secondMoment.fill(0);
  state.steps = 0;
}

/**
 * One RMSProp or Adam step by the gradient `sum / count` (count 1: `sum` is the gradient itself); with
 * `clear`, `sum` is zeroed on the way for the next batch. Adam's arithmetic is PyTorch's own: the step
 * size η / (1 − β1ᵗ) and the denominator √v / √(1 − β2ᵗ) + ε. Allocation-free.
 */
export function applyAdaptiveStep(
  params: Params,
  sum: Float64Array,
  count: number,
  learningRate: number,
  state: OptimizerState,
  penalty: Penalty | null,
  clear: boolean,
): void {
  const { settings, firstMoment, secondMoment } = state;
  const { epsilon } = settings;
  state.steps += 1;
  if (settings.kind === 'rmsprop') {
    const alpha = settings.alpha;
    for (let i = 0; i < params.length; i++) {
      const g = stepGradient(params, sum[i]! / count, i, penalty);
      const s = alpha * secondMoment[i]! + (1 - alpha) * g * g;
      secondMoment[i] = s;
      params[i] = params[i]! - (learningRate * g) / (Math.sqrt(s) + epsilon);
      if (clear) sum[i] = 0;
    }
    return;
  }
  const { beta1, beta2 } = settings;
  const stepSize = learningRate / (1 - beta1 ** state.steps);
  const correction2Root = Math.sqrt(1 - beta2 ** state.steps);
  for (let i = 0; i < params.length; i++) {
    const g = stepGradient(params, sum[i]! / count, i, penalty);
    const m = beta1 * firstMoment[i]! + (1 - beta1) * g;
    const v = beta2 * secondMoment[i]! + (1 - beta2) * g * g;
    firstMoment[i] = m;
    secondMoment[i] = v;
    params[i] = params[i]! - (stepSize * m) / (Math.sqrt(v) / correction2Root + epsilon);
    if (clear) sum[i] = 0;
  }
}

/**
 * The gradient check's verdict in plain words: whether backprop is right, the worst parameter and why a
 * relative error above 1e-6 need not be a bug (tiny gradients lose digits to rounding; ReLU and L1 have
 * kinks that a difference straddles).
 */
import {
  CLOSE_AGREEMENT,
  SMOOTH_AGREEMENT,
  type GradientCheck,
  type GradientVerdict,
} from '../../core/gradientCheck';
import { formatValue } from '../format';

/** A relative error as the panel shows it: `3.2e-9`, or `0` when the two are equal. */
export function errorText(error: number): string {
  if (Number.isNaN(error)) return 'NaN';
  return error === 0 ? '0' : error.toExponential(1);
}

const LIMIT = SMOOTH_AGREEMENT.toExponential(0);

/** The verdict's headline and its explanation, naming the worst parameter. */
export function verdictWords(
  check: GradientCheck,
  verdict: GradientVerdict,
  names: readonly string[],
): { readonly headline: string; readonly detail: string } {
  const worst = check.params[check.worst]!;
  const worstText = `${names[worst.index] ?? `parameter ${worst.index + 1}`} at ${errorText(worst.relativeError)}`;
  const count = check.params.length;
  const withinNoise = check.params.filter(
    (param) => param.agrees && param.relativeError >= SMOOTH_AGREEMENT,
  ).length;
  switch (verdict) {
    case 'agree':
      return {
        headline: `Backprop is right: all ${count} gradients agree with the difference.`,
        detail:
          withinNoise === 0
            ? `Every relative error is below ${LIMIT}; the largest is ${worstText}.`
            : `${count - withinNoise} relative errors are below ${LIMIT}; ${withinNoise} gradient${withinNoise === 1 ? ' is' : 's are'} so ` +
              `small (under ${formatValue(
                check.params.reduce((top, p) => Math.max(top, p.uncertainty), 0),
                2,
              )}) that rounding ` +
              'in the two losses decides the relative error, and there the two agree as closely as the difference can tell.',
      };
    case 'close':
      return {
        headline: 'Backprop agrees with the difference, to rounding.',
        detail:
          `The largest relative error, ${worstText}, is above ${LIMIT} but below ${CLOSE_AGREEMENT.toExponential(0)}: ` +
          'it belongs to a tiny gradient of a saturated neuron, where backprop’s own products (1 − h², p(1 − p) ' +
          'close to 0) lose digits. A wrong formula would be off by about its own size.',
      };
    case 'kink':
      return {
        headline: 'Backprop agrees except at a kink.',
        detail:
          `The largest relative error is ${worstText}. A ReLU’s slope jumps from 0 to 1 where its sum is 0 ` +
          '(and L1’s penalty turns at w = 0): when the point lies within h of such a kink the difference ' +
          'averages the two slopes, so its relative error can exceed 1e-6 without backprop being wrong.',
      };
    case 'disagree':
      return {
        headline: 'Backprop and the difference disagree.',
        detail: `The largest relative error is ${worstText}: on a smooth network that is what a bug in backprop looks like.`,
      };
  }
}

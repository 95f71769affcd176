/** How numbers read on screen, in one place so every view agrees. */

// `1,000`: epochs and counts with thousands separators. It lives in core because the store's and the
// worker's messages write counts too.
export { formatCount } from '../core/countText';

/** A loss to 3 significant digits (`0.00239`), switching to exponent form when tiny. */
export function formatLoss(loss: number): string {
  if (!Number.isFinite(loss)) return '—';
  if (loss !== 0 && Math.abs(loss) < 1e-4) return loss.toExponential(2);
  return loss.toPrecision(3);
}

/** A parameter, gradient or activation: 4 significant digits, exponent form when very small or large. */
export function formatValue(value: number, digits = 4): string {
  if (!Number.isFinite(value)) return String(value);
  const size = Math.abs(value);
  if (size !== 0 && (size < 1e-4 || size >= 1e6)) return value.toExponential(digits - 1);
  return Number(value.toPrecision(digits)).toString();
}

/** Full float64 precision, for hover titles. */
export function formatExact(value: number): string {
  return String(value);
}

import { formatValue } from '../format';

/**
 * The Math view's one number formatter: 3 significant digits, the same in the TeX and in its plain
 * text alternative, so what a learner reads matches what a screen reader hears. Full precision lives
 * in each formula's `values`.
 */
export const MATH_DIGITS = 3;

/** Plain text: `0.0215`, `-0.953`, `1.23e-5`. */
export function plainNumber(value: number): string {
  return formatValue(value, MATH_DIGITS);
}

/** TeX: `0.0215`, `-0.953`, `1.23 \times 10^{-5}`, `\infty`, `\mathrm{NaN}` (a diverged run). */
export function texNumber(value: number): string {
  if (Number.isNaN(value)) return '\\mathrm{NaN}';
  if (!Number.isFinite(value)) return value > 0 ? '\\infty' : '-\\infty';
  const [mantissa, exponent] = plainNumber(value).split('e');
  return exponent === undefined ? mantissa! : `${mantissa} \\times 10^{${Number(exponent)}}`;
}

/** Negative (or exponent-form) numbers get parentheses when multiplied or added: `1 \cdot (-2)`. */
function needsParentheses(value: number): boolean {
  return value < 0 || /\de/.test(plainNumber(value));
}

/** A number as an operand inside a TeX expression. */
export function texOperand(value: number): string {
  const text = texNumber(value);
  return needsParentheses(value) ? `(${text})` : text;
}

/** A number as an operand inside a plain-text expression. */
export function plainOperand(value: number): string {
  const text = plainNumber(value);
  return needsParentheses(value) ? `(${text})` : text;
}

import type { ParseResult } from '../common/NumberField';

/** Beyond this a weight saturates every sigmoid it touches; it is a typo, not an experiment. */
export const MAX_PARAM_MAGNITUDE = 1e6;

const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?$/i;

/** Reads a typed weight or bias, or says in plain words what is wrong with it. */
export function parseParamValue(text: string): ParseResult<number> {
  const trimmed = text.trim().replace(/^−/, '-'); // a typographic minus, as copied from the page
  if (trimmed === '') return { ok: false, message: 'Type a number, for example 0.5 or -1.2.' };
  if (/^[+-]?(?:infinity|inf)$/i.test(trimmed) || /^nan$/i.test(trimmed)) {
    return { ok: false, message: 'The value must be a finite number.' };
  }
  if (!DECIMAL.test(trimmed)) {
    return { ok: false, message: `“${text.trim()}” is not a number. Type, for example, 0.5 or -1.2.` };
  }
  const value = Number(trimmed);
  if (!Number.isFinite(value)) return { ok: false, message: 'The value must be a finite number.' };
  if (Math.abs(value) > MAX_PARAM_MAGNITUDE) {
    return {
      ok: false,
      message: 'Keep it between -1,000,000 and 1,000,000: larger values saturate every neuron.',
    };
  }
  return { ok: true, value };
}

import { MAX_DECAY, MAX_EPSILON, MIN_EPSILON } from '../../core/optimizer';
import type { ParseResult } from '../common/NumberField';

/** What the optimizer's fields accept, and in plain words why a typed value is not accepted. */

const DECIMAL = /^[+]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

/** A decay (β1, β2, α): from 0 up to MAX_DECAY; 1 would never forget, and nothing would be learned. */
export function decayParser(name: string): (text: string) => ParseResult<number> {
  return (text) => {
    const trimmed = text.trim();
    const value = Number(trimmed);
    if (!DECIMAL.test(trimmed) || value > MAX_DECAY) {
      return { ok: false, message: `${name} is a number from 0 to ${MAX_DECAY}, below 1.` };
    }
    return { ok: true, value };
  };
}

export function parseEpsilon(text: string): ParseResult<number> {
  const trimmed = text.trim();
  const value = Number(trimmed);
  if (!DECIMAL.test(trimmed) || value < MIN_EPSILON || value > MAX_EPSILON) {
    return {
      ok: false,
      message: `Epsilon is a small number above 0, from ${MIN_EPSILON} to ${MAX_EPSILON}, such as 1e-8.`,
    };
  }
  return { ok: true, value };
}

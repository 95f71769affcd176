import { MAX_BATCH_SIZE, MAX_MOMENTUM } from '../../core/architecture';
import type { ParseResult } from '../common/NumberField';
import { formatCount } from '../format';

/** What the settings fields accept, and in plain words why a typed value is not accepted. */

const MAX_SEED = 2 ** 32 - 1;
const MAX_STOP_EPOCH = 1e12;
const MAX_STOP_LOSS = 1e6;
/** The momentum field offers 0 to 0.99; the engine would take up to MAX_MOMENTUM. */
export const MOMENTUM_FIELD_MAX = Math.min(0.99, MAX_MOMENTUM);

const DECIMAL = /^[+]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

export function parseSeed(text: string): ParseResult<number> {
  const trimmed = text.trim();
  if (!/^\d+$/.test(trimmed)) return { ok: false, message: 'The seed is a whole number, 0 or more.' };
  const seed = Number(trimmed);
  if (seed > MAX_SEED) return { ok: false, message: `The seed is at most ${MAX_SEED}.` };
  return { ok: true, value: seed };
}

export function parseStopAt(text: string): ParseResult<number | null> {
  const trimmed = text.trim().replace(/,/g, '');
  if (trimmed === '') return { ok: true, value: null };
  if (!/^\d+$/.test(trimmed) || Number(trimmed) < 1) {
    return { ok: false, message: 'Stop at epoch is a whole number, 1 or more (empty: no limit).' };
  }
  if (Number(trimmed) > MAX_STOP_EPOCH)
    return { ok: false, message: 'Stop at epoch is at most 1,000,000,000,000.' };
  return { ok: true, value: Number(trimmed) };
}

export function parseStopAtLoss(text: string): ParseResult<number | null> {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: true, value: null };
  const loss = Number(trimmed);
  if (!DECIMAL.test(trimmed) || !(loss > 0) || loss > MAX_STOP_LOSS) {
    return { ok: false, message: 'Stop at loss is a number above 0, such as 0.01 (empty: no limit).' };
  }
  return { ok: true, value: loss };
}

export function parseBatchSize(text: string): ParseResult<number> {
  const trimmed = text.trim().replace(/,/g, '');
  if (!/^\d+$/.test(trimmed) || Number(trimmed) < 1 || Number(trimmed) > MAX_BATCH_SIZE) {
    return {
      ok: false,
      message: `The batch size is a whole number from 1 to ${formatCount(MAX_BATCH_SIZE)}.`,
    };
  }
  return { ok: true, value: Number(trimmed) };
}

export function parseMomentum(text: string): ParseResult<number> {
  const trimmed = text.trim();
  const momentum = Number(trimmed);
  if (!DECIMAL.test(trimmed) || momentum > MOMENTUM_FIELD_MAX) {
    return { ok: false, message: `Momentum is a number from 0 to ${MOMENTUM_FIELD_MAX} (0: none).` };
  }
  return { ok: true, value: momentum };
}

/**
 * A field's commit that reaches the lab only when the value really changed: a field commits on every
 * good keystroke, and these settings restart or reconfigure the run.
 */
export function commitChanged<T>(current: () => T, apply: (value: T) => void): (value: T) => void {
  return (value) => {
    if (value !== current()) apply(value);
  };
}

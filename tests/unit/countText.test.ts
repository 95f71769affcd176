import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatCount } from '../../src/core/countText';

// The formatter the lab stopped constructing at load (its first use costs the page 35-50 ms): the
// hand-written one must write every number the way it did.
const intl = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

describe('formatCount', () => {
  it('groups thousands with commas and rounds halves away from zero', () => {
    expect(formatCount(0)).toBe('0');
    expect(formatCount(999)).toBe('999');
    expect(formatCount(1000)).toBe('1,000');
    expect(formatCount(37_500)).toBe('37,500');
    expect(formatCount(1_234_567)).toBe('1,234,567');
    expect(formatCount(999.5)).toBe('1,000');
    expect(formatCount(-2.5)).toBe('-3');
    expect(formatCount(1.2345e25)).toBe('12,345,000,000,000,000,000,000,000');
    expect(formatCount(-Infinity)).toBe('-∞');
  });

  it('writes any number exactly as Intl.NumberFormat en-US with no fraction digits', () => {
    const numbers = fc.oneof(
      fc.integer({ min: -10_000_000, max: 10_000_000 }),
      fc.double({ min: -1e7, max: 1e7 }),
      fc.double(),
      fc.constantFrom(-0, 0.5, -0.4, 1e21, Number.MAX_SAFE_INTEGER, Number.MAX_VALUE, Number.MIN_VALUE),
    );
    fc.assert(
      fc.property(numbers, (value) => formatCount(value) === intl.format(value)),
      { numRuns: 5000 },
    );
  });
});

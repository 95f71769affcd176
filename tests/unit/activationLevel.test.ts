import { describe, expect, it } from 'vitest';
import { activationDomain, activationLevel, type Activation } from '../../src/viz/activationScale';

describe('activationLevel', () => {
  it.each<Activation>(['sigmoid', 'tanh', 'relu'])(
    '%s: 0 at the bottom of its range, 1 at the top, in between linearly, clamped outside',
    (kind) => {
      const [low, high] = activationDomain(kind);
      expect(activationLevel(kind, low)).toBe(0);
      expect(activationLevel(kind, high)).toBe(1);
      expect(activationLevel(kind, low + 0.25 * (high - low))).toBeCloseTo(0.25, 12);
      expect(activationLevel(kind, low - 1)).toBe(0);
      expect(activationLevel(kind, high + 1)).toBe(1);
      expect(activationLevel(kind, Number.NaN)).toBeNaN();
    },
  );
});

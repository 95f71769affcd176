import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  REGRESSION_BOUND,
  TARGET_NOISE_REACH,
  hills,
  hillsTarget,
  plane,
  planeTarget,
  type RegressionOptions,
} from '../../src/core/regressionSets';

const SETS = [
  ['Plane', plane, planeTarget],
  ['Hills', hills, hillsTarget],
] as const;

const options = fc.record({
  points: fc.integer({ min: 1, max: 300 }),
  noise: fc.double({ min: 0, max: 0.5, noNaN: true }),
  seed: fc.integer({ min: 0, max: 2 ** 32 - 1 }),
});

describe.each(SETS)('%s', (_, generate, surface) => {
  it('is reproducible from its seed, and another seed gives other points', () => {
    fc.assert(
      fc.property(options, (opts: RegressionOptions) => {
        const a = generate(opts);
        const b = generate(opts);
        expect(a).toEqual(b);
        expect(a.x1.length).toBe(opts.points);
        const other = generate({ ...opts, seed: (opts.seed + 1) >>> 0 });
        expect(Array.from(other.x1)).not.toEqual(Array.from(a.x1));
      }),
      { numRuns: 50 },
    );
  });

  it('keeps inputs within the bound and moves each target at most noise × reach off its surface', () => {
    fc.assert(
      fc.property(options, (opts) => {
        const { x1, x2, target } = generate(opts);
        for (let i = 0; i < opts.points; i++) {
          expect(Math.abs(x1[i]!)).toBeLessThanOrEqual(REGRESSION_BOUND);
          expect(Math.abs(x2[i]!)).toBeLessThanOrEqual(REGRESSION_BOUND);
          const off = Math.abs(target[i]! - surface(x1[i]!, x2[i]!));
          expect(off).toBeLessThanOrEqual(opts.noise * TARGET_NOISE_REACH + 1e-12);
        }
      }),
      { numRuns: 50 },
    );
  });

  it('without noise every target lies on the surface; with noise they scatter', () => {
    const clean = generate({ points: 200, noise: 0, seed: 5 });
    for (let i = 0; i < 200; i++) expect(clean.target[i]).toBe(surface(clean.x1[i]!, clean.x2[i]!));
    const noisy = generate({ points: 200, noise: 0.5, seed: 5 });
    const offs = Array.from(noisy.target, (y, i) => Math.abs(y - surface(noisy.x1[i]!, noisy.x2[i]!)));
    expect(Math.max(...offs)).toBeGreaterThan(0.25);
  });

  it('makes 100,000 points in well under 200 ms', () => {
    const start = performance.now();
    generate({ points: 100_000, noise: 0.2, seed: 1 });
    expect(performance.now() - start).toBeLessThan(200);
  });
});

describe('the surfaces', () => {
  it('Plane rises with both inputs, twice as fast along x2', () => {
    expect(planeTarget(1, 0) - planeTarget(0, 0)).toBeCloseTo(
      (planeTarget(0, 1) - planeTarget(0, 0)) / 2,
      12,
    );
    expect(planeTarget(1, 0)).toBeGreaterThan(planeTarget(0, 0));
  });

  it('Hills has both hills and a hollow, and is flat far away', () => {
    const grid: number[] = [];
    for (let a = -6; a <= 6; a += 0.5) for (let b = -6; b <= 6; b += 0.5) grid.push(hillsTarget(a, b));
    expect(Math.max(...grid)).toBeGreaterThan(0.5);
    expect(Math.min(...grid)).toBeLessThan(-0.5);
    expect(Math.abs(hillsTarget(60, 60))).toBeLessThan(1e-9);
  });
});

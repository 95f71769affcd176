/**
 * The two regression sets, after TensorFlow Playground's: `Plane`, a tilted plane over x1 and x2, and
 * `Hills`, a smooth landscape of Gaussian bumps. Points are spread uniformly over ±REGRESSION_BOUND;
 * noise moves each target by a uniform draw of at most noise × TARGET_NOISE_REACH, so a target never
 * leaves its clean range by more. Pure and seeded: the same options give the same set, bit for bit.
 */
import { createRng, nextUniform, type RngState } from './rng';

export interface RegressionOptions {
  readonly points: number;
  /** A fraction: 0.1 is 10 % noise. */
  readonly noise: number;
  readonly seed: number;
}

/** A generated set, one entry per point: its two inputs and its numeric target. */
export interface RegressionSet {
  readonly x1: Float64Array;
  readonly x2: Float64Array;
  readonly target: Float64Array;
}

/** Inputs lie within ±6, as the class sets' clean points do. */
export const REGRESSION_BOUND = 6;
/** How far 100 % noise could move a target (the Noise slider stops at 50 %: ±0.5). */
export const TARGET_NOISE_REACH = 1;

/** The plane's slope: the target rises with both inputs, twice as fast along x2, within ±1.5. */
export function planeTarget(x1: number, x2: number): number {
  return (x1 + 2 * x2) / (2 * REGRESSION_BOUND);
}

/** Hills and one hollow: height, centre (x1, x2) and width of each Gaussian bump. */
const BUMPS: readonly (readonly [number, number, number, number])[] = [
  [1, -3, 2.5, 1.8],
  [0.8, 3, 3, 1.5],
  [-1, 2.5, -3, 2],
  [0.6, -2.5, -3.5, 1.2],
];

/** The hills' height at (x1, x2): a sum of Gaussian bumps, smooth everywhere, within about ±1.1. */
export function hillsTarget(x1: number, x2: number): number {
  let sum = 0;
  for (const [height, c1, c2, width] of BUMPS) {
    const d1 = x1 - c1;
    const d2 = x2 - c2;
    sum += height * Math.exp(-(d1 * d1 + d2 * d2) / (2 * width * width));
  }
  return sum;
}

const spread = (rng: RngState) => REGRESSION_BOUND * (2 * nextUniform(rng) - 1);

function generateWith(
  surface: (x1: number, x2: number) => number,
  { points, noise, seed }: RegressionOptions,
): RegressionSet {
  const rng = createRng(seed);
  const x1 = new Float64Array(points);
  const x2 = new Float64Array(points);
  const target = new Float64Array(points);
  const reach = noise * TARGET_NOISE_REACH;
  for (let i = 0; i < points; i++) {
    const a = spread(rng);
    const b = spread(rng);
    x1[i] = a;
    x2[i] = b;
    target[i] = surface(a, b) + reach * (2 * nextUniform(rng) - 1);
  }
  return { x1, x2, target };
}

export function plane(options: RegressionOptions): RegressionSet {
  return generateWith(planeTarget, options);
}

export function hills(options: RegressionOptions): RegressionSet {
  return generateWith(hillsTarget, options);
}

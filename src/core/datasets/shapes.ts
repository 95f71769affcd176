/**
 * The abstract sets, after TensorFlow Playground's: XOR, Circle, Two clusters, Spiral and Moons.
 * Classes alternate point by point (1, 0, 1, ...), so every set is balanced to one point and a table
 * trained in order sees both classes from the start. Without noise every point lies within
 * ±CLEAN_BOUND; noise moves each coordinate by a uniform draw of at most noise × NOISE_REACH, so a
 * point never leaves ±(CLEAN_BOUND + noise × NOISE_REACH).
 */
import { createRng, nextUniform, type RngState } from '../rng';
import type { GeneratedSet, GeneratorOptions } from './types';

export const CLEAN_BOUND = 6;
/** How far 100 % noise could move a coordinate (the slider stops at 50 %: 2.5). */
export const NOISE_REACH = 5;

type Place = (rng: RngState, positive: boolean, out: Float64Array) => void;

/** Runs `place` once per point, then shakes each coordinate by the noise. */
function generateWith(place: Place, { points, noise, seed }: GeneratorOptions): GeneratedSet {
  const rng = createRng(seed);
  const x1 = new Float64Array(points);
  const x2 = new Float64Array(points);
  const target = new Float64Array(points);
  const at = new Float64Array(2);
  const reach = noise * NOISE_REACH;
  for (let i = 0; i < points; i++) {
    const positive = i % 2 === 0;
    place(rng, positive, at);
    x1[i] = at[0]! + reach * (2 * nextUniform(rng) - 1);
    x2[i] = at[1]! + reach * (2 * nextUniform(rng) - 1);
    target[i] = positive ? 1 : 0;
  }
  return { x1, x2, target };
}

/** Away from the axes by this much, so a clean XOR has a gap between its quadrants. */
const XOR_PADDING = 0.3;

/** Class 1 where x1 and x2 have the same sign, class 0 where they differ. */
const placeXor: Place = (rng, positive, out) => {
  const signX = nextUniform(rng) < 0.5 ? 1 : -1;
  const signY = positive ? signX : -signX;
  out[0] = signX * (XOR_PADDING + 5 * nextUniform(rng));
  out[1] = signY * (XOR_PADDING + 5 * nextUniform(rng));
};

/** Class 1 inside radius 2.5, class 0 on a ring from 3.5 to 5. */
const placeCircle: Place = (rng, positive, out) => {
  const radius = positive ? 2.5 * nextUniform(rng) : 3.5 + 1.5 * nextUniform(rng);
  const angle = 2 * Math.PI * nextUniform(rng);
  out[0] = radius * Math.cos(angle);
  out[1] = radius * Math.sin(angle);
};

/** Two discs of radius 2, centred on (2.5, 2.5) for class 1 and (-2.5, -2.5) for class 0. */
const placeClusters: Place = (rng, positive, out) => {
  const centre = positive ? 2.5 : -2.5;
  const radius = 2 * Math.sqrt(nextUniform(rng)); // uniform over the disc's area
  const angle = 2 * Math.PI * nextUniform(rng);
  out[0] = centre + radius * Math.cos(angle);
  out[1] = centre + radius * Math.sin(angle);
};

/** Two arms of one spiral, 1.75 turns out to radius 5; class 0's arm is class 1's turned half a turn. */
const placeSpiral: Place = (rng, positive, out) => {
  const along = nextUniform(rng);
  const radius = 5 * along;
  const angle = 1.75 * 2 * Math.PI * along + (positive ? 0 : Math.PI);
  out[0] = radius * Math.sin(angle);
  out[1] = radius * Math.cos(angle);
};

/** Two interleaved half circles (as scikit-learn's make_moons), centred and scaled by 3. */
const placeMoons: Place = (rng, positive, out) => {
  const angle = Math.PI * nextUniform(rng);
  const x = positive ? Math.cos(angle) : 1 - Math.cos(angle);
  const y = positive ? Math.sin(angle) : 0.5 - Math.sin(angle);
  out[0] = 3 * (x - 0.5);
  out[1] = 3 * (y - 0.25);
};

export const xor = (options: GeneratorOptions) => generateWith(placeXor, options);
export const circle = (options: GeneratorOptions) => generateWith(placeCircle, options);
export const twoClusters = (options: GeneratorOptions) => generateWith(placeClusters, options);
export const spiral = (options: GeneratorOptions) => generateWith(placeSpiral, options);
export const moons = (options: GeneratorOptions) => generateWith(placeMoons, options);

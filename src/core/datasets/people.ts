/**
 * `People (generated)`: adults whose weight and height overlap by gender as a real population's do.
 *
 * Means: CDC, National Center for Health Statistics — Fryar CD, Carroll MD, Gu Q, Afful J, Ogden CL.
 * "Anthropometric reference data for children and adults: United States, 2015–2018". Vital and
 * Health Statistics, Series 3, No. 46, January 2021 (NHANES, adults aged 20 and over): men 199.8 lb
 * and 69.0 in, women 170.8 lb and 63.5 in. That report gives means, standard errors and percentiles,
 * not standard deviations: the spreads below are approximate, of the size its 5th-95th percentile
 * ranges imply for a normal height and a log-normal weight (weight is skewed to the right).
 * Within each gender, taller people are heavier (correlation about 0.45).
 *
 * Noise widens each gender's spread (by half at 50 %), so the groups overlap more. Every draw is cut
 * at ±3 spreads, so a person stays within WEIGHT_RANGE and HEIGHT_RANGE at any noise.
 */
import { createRng, nextNormal } from '../rng';
import type { GeneratedSet, GeneratorOptions } from './types';

interface Group {
  readonly weightMean: number;
  readonly weightSpread: number;
  readonly heightMean: number;
  readonly heightSpread: number;
}

export const WOMEN: Group = { weightMean: 170.8, weightSpread: 41, heightMean: 63.5, heightSpread: 2.8 };
export const MEN: Group = { weightMean: 199.8, weightSpread: 41, heightMean: 69.0, heightSpread: 3.0 };
const CORRELATION = 0.45;
const CUT = 3;

/** Where every generated person lies, in lb and in, at any noise (the cut draws guarantee it). */
export const WEIGHT_RANGE = [50, 500] as const;
export const HEIGHT_RANGE = [48, 84] as const;

/** The log-normal's parameters that give a weight with this mean and spread. */
function logNormal(mean: number, spread: number): { mu: number; sigma: number } {
  const sigma = Math.sqrt(Math.log(1 + (spread / mean) ** 2));
  return { mu: Math.log(mean) - (sigma * sigma) / 2, sigma };
}

const cut = (z: number) => Math.max(-CUT, Math.min(CUT, z));

/** Women at even rows, men at odd ones: balanced to one person. Weight in lb, height in in. */
export function people({ points, noise, seed }: GeneratorOptions): GeneratedSet {
  const rng = createRng(seed);
  const x1 = new Float64Array(points);
  const x2 = new Float64Array(points);
  const target = new Float64Array(points);
  const widen = 1 + noise;
  const shapes = [WOMEN, MEN].map((group) => ({
    ...group,
    weight: logNormal(group.weightMean, group.weightSpread),
  }));
  const spread = Math.sqrt(1 - CORRELATION * CORRELATION);
  for (let i = 0; i < points; i++) {
    const female = i % 2 === 0;
    const group = shapes[female ? 0 : 1]!;
    const heightZ = cut(nextNormal(rng));
    const weightZ = cut(CORRELATION * heightZ + spread * nextNormal(rng));
    x1[i] = Math.exp(group.weight.mu + group.weight.sigma * widen * weightZ);
    x2[i] = group.heightMean + group.heightSpread * widen * heightZ;
    target[i] = female ? 1 : 0;
  }
  return { x1, x2, target };
}

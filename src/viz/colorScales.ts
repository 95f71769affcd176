import { interpolatePuOr, interpolateCividis } from './colorRamps';
import { scaleDiverging, scaleLinear, scaleSequential } from 'd3-scale';

/**
 * The lab's colour system for numbers. Weights use one colour-blind-safe diverging scale everywhere
 * (purple negative, orange positive); activations in (0, 1) use cividis, which reads in greyscale too.
 */
export const WEIGHT_DOMAIN_LIMIT = 4;

/** Colour of a weight or bias by sign and size; values beyond ±4 take the end colours. */
export const weightColor = scaleDiverging<string>()
  .domain([-WEIGHT_DOMAIN_LIMIT, 0, WEIGHT_DOMAIN_LIMIT])
  .interpolator(interpolatePuOr)
  .clamp(true);

/** Edge width in px from |w|, capped so one huge weight does not swallow the figure. */
export const weightWidth = scaleLinear().domain([0, WEIGHT_DOMAIN_LIMIT]).range([1, 12]).clamp(true);

/** Colour of an activation (a neuron's output) in (0, 1). */
export const activationColor = scaleSequential(interpolateCividis).domain([0, 1]).clamp(true);

/** Text colour that stays readable on top of an activation colour. */
export function textOn(activation: number): string {
  return activation > 0.6 ? '#111' : '#fff';
}

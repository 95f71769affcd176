import { line, range, scaleLinear } from 'd3';
import { hiddenActivation } from '../core/activation';
import type { HiddenActivation } from '../core/architecture';
import { activationColor, textOn } from './colorScales';

/**
 * Neuron outputs on the lab's one activation scale (cividis), over each activation's own range: the
 * sigmoid's (0, 1), tanh's (−1, 1), and ReLU's [0, ∞) up to RELU_COLOR_MAX, where the colour saturates.
 */
export const RELU_COLOR_MAX = 4;

export type Activation = HiddenActivation;

export function activationDomain(kind: Activation): readonly [number, number] {
  if (kind === 'tanh') return [-1, 1];
  if (kind === 'relu') return [0, RELU_COLOR_MAX];
  return [0, 1];
}

/**
 * Where `value` sits in its activation's range, 0 to 1 (clamped; NaN stays NaN). It runs for every pixel
 * of the hidden maps, so it reads the range without building the pair activationDomain returns.
 */
export function activationLevel(kind: Activation, value: number): number {
  const low = kind === 'sigmoid' ? 0 : kind === 'tanh' ? -1 : 0;
  const high = kind === 'sigmoid' ? 1 : kind === 'tanh' ? 1 : RELU_COLOR_MAX;
  return Math.min(1, Math.max(0, (value - low) / (high - low)));
}

export function neuronFill(kind: Activation, value: number): string {
  return activationColor(activationLevel(kind, value));
}

export function neuronInk(kind: Activation, value: number): string {
  return textOn(activationLevel(kind, value));
}

const NAMES: Readonly<Record<Activation, string>> = { sigmoid: 'sigmoid', tanh: 'tanh', relu: 'ReLU' };

/** `tanh`, as the figure and the Math view name it in running text. */
export function activationName(kind: Activation): string {
  return NAMES[kind];
}

/** Sums the glyph's curve is drawn over. */
const GLYPH_SUMS = range(-3, 3.01, 0.25);

/**
 * The activation's curve as an SVG path inside a square of `size` px centred on 0, 0: the S of the
 * sigmoid, tanh's steeper S through the middle, ReLU's hinge.
 */
export function activationGlyphPath(kind: Activation, size: number): string {
  const [low, high] = kind === 'relu' ? [0, 3] : activationDomain(kind);
  const x = scaleLinear()
    .domain([-3, 3])
    .range([-size / 2, size / 2]);
  const y = scaleLinear()
    .domain([low, high])
    .range([size / 2, -size / 2]);
  const path = line<number>()
    .x((sum) => x(sum))
    .y((sum) => y(hiddenActivation(kind, sum)));
  return path(GLYPH_SUMS) ?? '';
}

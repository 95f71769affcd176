import { sigmoid } from '../../core/activation';
import { B1, B2, W1, W2, W3, W4, type Params } from '../../core/network';
import { scaleInput, type Scaling } from '../../core/scaling';
import type { Domain } from '../DecisionBoundary/layout';

export type HiddenNeuron = 0 | 1;

/** Weights and bias of each hidden neuron: h1 = σ(w1·x1 + w2·x2 + b1), h2 = σ(w3·x1 + w4·x2 + b2). */
const WIRING: Readonly<Record<HiddenNeuron, readonly [number, number, number]>> = {
  0: [W1, W2, B1],
  1: [W3, W4, B2],
};

/**
 * One hidden neuron's output over the weight/height plane, sampled at each cell's centre, laid out like
 * the Decision boundary's grid: row 0 is the top (tallest), cell (i, j) is `out[j * cols + i]`.
 * Writes into `out` and allocates nothing.
 */
export function hiddenGrid(
  params: Params,
  scaling: Scaling,
  xDomain: Domain,
  yDomain: Domain,
  cols: number,
  rows: number,
  neuron: HiddenNeuron,
  out: Float32Array,
): void {
  const [wx, wy, b] = WIRING[neuron];
  const weightX = params[wx] ?? 0;
  const weightY = params[wy] ?? 0;
  const bias = params[b] ?? 0;
  const cellWidth = (xDomain[1] - xDomain[0]) / cols;
  const cellHeight = (yDomain[1] - yDomain[0]) / rows;
  for (let j = 0; j < rows; j++) {
    const x2 = scaleInput(scaling, 1, yDomain[1] - (j + 0.5) * cellHeight);
    const rowStart = j * cols;
    for (let i = 0; i < cols; i++) {
      const x1 = scaleInput(scaling, 0, xDomain[0] + (i + 0.5) * cellWidth);
      out[rowStart + i] = sigmoid(weightX * x1 + weightY * x2 + bias);
    }
  }
}

/** Where the neuron's output is high, in words, from the signs of its two weights. */
export function hiddenSummary(params: Params, neuron: HiddenNeuron): string {
  const [wx, wy] = WIRING[neuron];
  const weightX = params[wx] ?? 0;
  const weightY = params[wy] ?? 0;
  const side = (w: number, up: string, down: string): string | null => (w > 0 ? up : w < 0 ? down : null);
  const parts = [side(weightX, 'heavy', 'light'), side(weightY, 'tall', 'short')].filter(Boolean);
  return parts.length ? `high for ${parts.join(', ')} people` : 'flat: the same for everyone';
}

import type { HiddenActivation } from './architecture';

/** The logistic sigmoid, 1 / (1 + e^-x): squashes (-∞, +∞) into (0, 1). */
export function sigmoid(x: number): number {
  return 1 / (1 + Math.exp(-x));
}

/** The sigmoid's derivative written through its output: f'(x) = f(x) (1 - f(x)). */
export function sigmoidSlopeFromOutput(output: number): number {
  return output * (1 - output);
}

/** One neuron: weighted sum of the inputs plus the bias, then the sigmoid. */
export function neuronOutput(weights: ArrayLike<number>, bias: number, inputs: ArrayLike<number>): number {
  let sum = bias;
  for (let i = 0; i < weights.length; i++) sum += (weights[i] ?? 0) * (inputs[i] ?? 0);
  return sigmoid(sum);
}

/** A hidden neuron's activation of its weighted sum (the output neuron is always the sigmoid). */
export function hiddenActivation(kind: HiddenActivation, sum: number): number {
  if (kind === 'tanh') return Math.tanh(sum);
  if (kind === 'relu') return sum > 0 ? sum : 0;
  return sigmoid(sum);
}

import { DEFAULT_HIDDEN, paramCount, weightCount } from './architecture';
import type { Params } from './network';
import { createRng, nextNormal } from './rng';

export type InitialWeights = 'random' | 'ones';

export const INITIAL_WEIGHT_LABELS: Readonly<Record<InitialWeights, string>> = {
  random: 'Random',
  ones: 'All ones',
};

/**
 * Starting parameters for `hidden` hidden neurons and `inputs` inputs (the layout of architecture.ts). `random`: every weight
 * and bias a standard normal draw from the seeded RNG, in layout order (as the article's
 * np.random.normal()), so with 2 hidden neurons the draws land where they always did; `ones`: weights 1,
 * biases 0, the article's worked example.
 */
export function initialParams(
  kind: InitialWeights,
  seed: number,
  hidden: number = DEFAULT_HIDDEN,
  inputs = 2,
): Params {
  const count = paramCount(hidden, inputs);
  const params = new Float64Array(count);
  if (kind === 'ones') {
    params.fill(1, 0, weightCount(hidden, inputs)); // input and output weights; the H + 1 biases stay 0
    return params;
  }
  const rng = createRng(seed);
  for (let i = 0; i < count; i++) params[i] = nextNormal(rng);
  return params;
}

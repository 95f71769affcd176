import { B1, B2, B3, PARAM_COUNT, createParams, type Params } from './network';
import { createRng, nextNormal } from './rng';

export type InitialWeights = 'random' | 'ones';

export const INITIAL_WEIGHT_LABELS: Readonly<Record<InitialWeights, string>> = {
  random: 'Random',
  ones: 'All ones',
};

/**
 * Starting parameters. `random`: every weight and bias a standard normal draw from the seeded RNG,
 * in article order (as the article's np.random.normal()); `ones`: weights 1, biases 0, the article's
 * worked example.
 */
export function initialParams(kind: InitialWeights, seed: number): Params {
  const params = createParams();
  if (kind === 'ones') {
    params.fill(1);
    params[B1] = 0;
    params[B2] = 0;
    params[B3] = 0;
    return params;
  }
  const rng = createRng(seed);
  for (let i = 0; i < PARAM_COUNT; i++) params[i] = nextNormal(rng);
  return params;
}

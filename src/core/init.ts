import { DEFAULT_HIDDEN } from './architecture';
import { layerPlan } from './layerShape';
import type { Params } from './network';
import { createRng, nextNormal } from './rng';

export type InitialWeights = 'random' | 'ones' | 'xavier' | 'he';

export const INITIAL_WEIGHT_LABELS: Readonly<Record<InitialWeights, string>> = {
  random: 'Article (standard normal)',
  ones: 'All ones',
  xavier: 'Xavier/Glorot',
  he: 'He',
};

/**
 * The spread of a weight's draw into a layer with `fanIn` inputs and `fanOut` neurons, as PyTorch's
 * normal initializers set it: Xavier/Glorot (xavier_normal_, gain 1) std = sqrt(2 / (fanIn + fanOut)),
 * which keeps a sigmoid's or tanh's signal about the same size both ways; He (kaiming_normal_, fan_in
 * mode, ReLU gain) std = sqrt(2 / fanIn), which makes up for ReLU zeroing half its inputs.
 */
export function initialSpread(kind: 'xavier' | 'he', fanIn: number, fanOut: number): number {
  return kind === 'xavier' ? Math.sqrt(2 / (fanIn + fanOut)) : Math.sqrt(2 / fanIn);
}

/**
 * Starting parameters for hidden layers `hidden` (one size, or each layer's) and `inputs` inputs, in the
 * layout of layerShape.ts. `random` (the article's): every weight and bias a standard normal draw from
 * the seeded RNG, in layout order (as the article's np.random.normal()), so with 2 hidden neurons the
 * draws land where they always did; `ones`: weights 1, biases 0, the article's worked example;
 * `xavier` and `he`: each weight a standard normal draw, in layout order, times its layer's spread
 * (initialSpread), and biases 0, as PyTorch leaves them after these initializers in most code.
 */
export function initialParams(
  kind: InitialWeights,
  seed: number,
  hidden: number | readonly number[] = DEFAULT_HIDDEN,
  inputs = 2,
): Params {
  const plan = layerPlan(typeof hidden === 'number' ? [hidden] : hidden, inputs);
  const params = new Float64Array(plan.paramCount);
  if (kind === 'ones') {
    params.fill(1, 0, plan.weightCount); // every weight; the biases stay 0
    return params;
  }
  const rng = createRng(seed);
  if (kind === 'random') {
    for (let i = 0; i < plan.paramCount; i++) params[i] = nextNormal(rng);
    return params;
  }
  const { sizes, weightStart } = plan;
  for (let l = 1; l <= plan.layers + 1; l++) {
    const spread = initialSpread(kind, sizes[l - 1]!, sizes[l]!);
    const end = weightStart[l]! + sizes[l]! * sizes[l - 1]!;
    for (let i = weightStart[l]!; i < end; i++) params[i] = nextNormal(rng) * spread;
  }
  return params;
}

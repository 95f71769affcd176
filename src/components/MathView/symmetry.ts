import { B1, B2, W1, W2, W3, W4, W5, W6, type Params } from '../../core/network';

/**
 * Whether h1 and h2 are copies of each other. `forever`: same incoming weights and bias and the same
 * outgoing weight, so every sample gives them the same gradient and no SGD step can tell them apart
 * (the article's all-ones start). `for-now`: same incoming weights, but w5 ≠ w6 sends them different
 * gradients, so they will drift apart. `none`: they already differ.
 */
export type HiddenSymmetry = 'forever' | 'for-now' | 'none';

export function hiddenSymmetry(params: Params): HiddenSymmetry {
  const sameInputs = params[W1] === params[W3] && params[W2] === params[W4] && params[B1] === params[B2];
  if (!sameInputs) return 'none';
  return params[W5] === params[W6] ? 'forever' : 'for-now';
}

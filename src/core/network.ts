/**
 * The article's 2-2-1 network: two inputs, two sigmoid hidden neurons (h1, h2), one sigmoid output (o1).
 * Parameters live in one Float64Array in the article's order, so every view and every message agrees
 * on what index 0 means.
 */
export const PARAM_COUNT = 9;

export const W1 = 0; // x1 -> h1
export const W2 = 1; // x2 -> h1
export const W3 = 2; // x1 -> h2
export const W4 = 3; // x2 -> h2
export const W5 = 4; // h1 -> o1
export const W6 = 5; // h2 -> o1
export const B1 = 6; // bias of h1
export const B2 = 7; // bias of h2
export const B3 = 8; // bias of o1

export const PARAM_NAMES = ['w1', 'w2', 'w3', 'w4', 'w5', 'w6', 'b1', 'b2', 'b3'] as const;

export type Params = Float64Array;

export function createParams(values?: ArrayLike<number>): Params {
  const params = new Float64Array(PARAM_COUNT);
  if (values) {
    if (values.length !== PARAM_COUNT) {
      throw new RangeError(`expected ${PARAM_COUNT} parameters, got ${values.length}`);
    }
    params.set(values);
  }
  return params;
}

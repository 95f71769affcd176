/**
 * Whether a table's inputs suit the network under a scaling: the sigmoid and tanh are flat beyond a
 * few units, so inputs that reach the network in the hundreds or thousands (grams, millimetres, raw
 * counts) saturate every hidden neuron from the first step and training stalls.
 */
import type { CheckedTable } from './checkedTable';
import { computeScaling, scaleInput, type ScalingMode } from './scaling';

/**
 * Past this root-mean-square size a scaled input is far from the article's scale: the article's people
 * sit within about 20 of 0 after its shift (135 lb, 66 in), an imported column in grams thousands away.
 */
export const FAR_FROM_SCALE = 100;

export interface InputScale {
  /** Which inputs are far: 0 for the first (weight), 1 for the second (height). */
  readonly far: readonly (0 | 1)[];
  /** Each input's largest raw magnitude in the table. */
  readonly largest: readonly [number, number];
  /** Each input's root-mean-square distance from 0 once scaled, as the network sees it. */
  readonly typical: readonly [number, number];
}

/** How far the valid rows' inputs sit from 0 under `mode`; null for a table with no valid row. */
export function inputScale(table: CheckedTable, mode: ScalingMode): InputScale | null {
  const { count } = table;
  if (count === 0) return null;
  const weights = table.weights.subarray(0, count);
  const heights = table.heights.subarray(0, count);
  const scaling = computeScaling(mode, weights, heights);
  const measure = (index: 0 | 1, values: Float64Array) => {
    let squares = 0;
    let largest = 0;
    for (let i = 0; i < count; i++) {
      squares += scaleInput(scaling, index, values[i]!) ** 2;
      largest = Math.max(largest, Math.abs(values[i]!));
    }
    return { typical: Math.sqrt(squares / count), largest };
  };
  const first = measure(0, weights);
  const second = measure(1, heights);
  const typical = [first.typical, second.typical] as const;
  return {
    far: ([0, 1] as const).filter((index) => typical[index] > FAR_FROM_SCALE),
    largest: [first.largest, second.largest],
    typical,
  };
}

import {
  hiddenBiasIndex,
  hiddenFromParamCount,
  inputWeightIndex,
  outputWeightIndex,
  paramNames,
} from '../core/architecture';
import type { Params } from '../core/network';

/**
 * Twin hidden neurons. Two hidden neurons with the same incoming weights and bias compute the same value
 * for everyone. If their weights to the output are equal too, every sample gives them the same gradient
 * and no SGD step can tell them apart: they stay identical *forever* (the article's all-ones start). If
 * those differ, they are equal *for now* and training pulls them apart.
 */
export type HiddenSymmetry = 'forever' | 'for-now' | 'none';

export interface TwinGroup {
  /** 0-based hidden neurons, in order, at least two. */
  readonly neurons: readonly number[];
  readonly forever: boolean;
}

function groupBy(items: readonly number[], key: (item: number) => string): number[][] {
  const groups = new Map<string, number[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return [...groups.values()];
}

/** Every set of twins: identical in and out (forever), or identical in but not out (for now). */
export function hiddenTwins(params: Params, inputs = 2): TwinGroup[] {
  const hidden = hiddenFromParamCount(params.length, inputs) ?? 0;
  const neurons = Array.from({ length: hidden }, (_, j) => j);
  const inputIndices = Array.from({ length: inputs }, (_, f) => f);
  // Object.is keys: -0 and 0 are one weight, NaN is never a twin of anything.
  const incoming = (j: number): string =>
    [...inputIndices.map((f) => inputWeightIndex(j, f, inputs)), hiddenBiasIndex(hidden, j, inputs)]
      .map((index) => params[index]!)
      .join('|');
  const twins: TwinGroup[] = [];
  for (const same of groupBy(neurons, incoming)) {
    if (same.length < 2 || Number.isNaN(params[inputWeightIndex(same[0]!, 0)])) continue;
    const byOutput = groupBy(same, (j) => String(params[outputWeightIndex(hidden, j, inputs)]));
    for (const group of byOutput) if (group.length >= 2) twins.push({ neurons: group, forever: true });
    if (byOutput.length > 1) twins.push({ neurons: same, forever: false });
  }
  return twins;
}

/** The article's 2-2-1 question: are h1 and h2 twins, and for how long? */
export function hiddenSymmetry(params: Params, inputs = 2): HiddenSymmetry {
  const twins = hiddenTwins(params, inputs);
  if (twins.some((group) => group.forever)) return 'forever';
  return twins.length > 0 ? 'for-now' : 'none';
}

/** `h1 and h2`, `h1, h2 and h5`, or `all 8 hidden neurons`. */
export function twinNames(group: TwinGroup, hidden: number): string {
  if (group.neurons.length === hidden && hidden > 2) return `all ${hidden} hidden neurons`;
  const names = group.neurons.map((j) => `h${j + 1}`);
  return names.length === 2 ? names.join(' and ') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

/** For a pair, the equal parameters spelt out: `w1 = w3, w2 = w4, b1 = b2` (and `w5 = w6`); else null. */
export function twinEquations(
  group: TwinGroup,
  hidden: number,
  withOutput: boolean,
  inputs = 2,
): string[] | null {
  if (group.neurons.length !== 2) return null;
  const [a, b] = group.neurons as [number, number];
  const names = paramNames(hidden, inputs);
  const pair = (index: (j: number) => number) => `${names[index(a)]} = ${names[index(b)]}`;
  const equations = [
    ...Array.from({ length: inputs }, (_, f) => pair((j) => inputWeightIndex(j, f, inputs))),
    pair((j) => hiddenBiasIndex(hidden, j, inputs)),
  ];
  if (withOutput) equations.push(pair((j) => outputWeightIndex(hidden, j, inputs)));
  return equations;
}

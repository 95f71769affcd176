/**
 * Input scaling. The network sees (x - offset) / scale per input; predictions go through the same
 * transform, computed from the valid rows only.
 */
export type ScalingMode = 'article' | 'mean' | 'standardize' | 'none';

export const SCALING_LABELS: Readonly<Record<ScalingMode, string>> = {
  article: 'Article shift',
  mean: 'Subtract mean',
  standardize: 'Standardize',
  none: 'None',
};

export interface Scaling {
  readonly offset: readonly [number, number];
  readonly scale: readonly [number, number];
}

/** The article subtracts 135 lb and 66 in. */
export const ARTICLE_SHIFT: Scaling = { offset: [135, 66], scale: [1, 1] };
export const IDENTITY_SCALING: Scaling = { offset: [0, 0], scale: [1, 1] };

function meanOf(values: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += values[i]!;
  return sum / values.length;
}

/** Population standard deviation; a constant column gets scale 1 so nothing divides by zero. */
function spreadOf(values: ArrayLike<number>, mean: number): number {
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += (values[i]! - mean) ** 2;
  const sd = Math.sqrt(sum / values.length);
  return sd > 0 ? sd : 1;
}

/** The scaling for `mode`, computed from the valid rows' raw inputs. */
export function computeScaling(mode: ScalingMode, x1: ArrayLike<number>, x2: ArrayLike<number>): Scaling {
  if (mode === 'article') return ARTICLE_SHIFT;
  if (mode === 'none' || x1.length === 0) return IDENTITY_SCALING;
  const m1 = meanOf(x1);
  const m2 = meanOf(x2);
  if (mode === 'mean') return { offset: [m1, m2], scale: [1, 1] };
  return { offset: [m1, m2], scale: [spreadOf(x1, m1), spreadOf(x2, m2)] };
}

export function scaleInput(scaling: Scaling, index: 0 | 1, raw: number): number {
  return (raw - scaling.offset[index]) / scaling.scale[index];
}

/**
 * Feature inputs: what the network's input neurons see, each worked out from the two SCALED inputs x1, x2
 * of a sample. Training, predictions, the plane, the landscape and the exports all compute them here, so a
 * feature means the same number everywhere. The article's network sees x1 and x2 alone.
 */

export type Feature = 'x1' | 'x2' | 'x1Squared' | 'x2Squared' | 'x1TimesX2' | 'sinX1' | 'sinX2';

/** Every feature in the order the input neurons take (and the parameter layout follows). */
export const FEATURES: readonly Feature[] = [
  'x1',
  'x2',
  'x1Squared',
  'x2Squared',
  'x1TimesX2',
  'sinX1',
  'sinX2',
];

/** How a feature is read aloud: its checkbox's accessible name. */
export const FEATURE_NAMES: Readonly<Record<Feature, string>> = {
  x1: 'x1',
  x2: 'x2',
  x1Squared: 'x1 squared',
  x2Squared: 'x2 squared',
  x1TimesX2: 'x1 times x2',
  sinX1: 'sin x1',
  sinX2: 'sin x2',
};

/** How a feature is written on the figure and in the formulas. */
export const FEATURE_SYMBOLS: Readonly<Record<Feature, string>> = {
  x1: 'x1',
  x2: 'x2',
  x1Squared: 'x1²',
  x2Squared: 'x2²',
  x1TimesX2: 'x1·x2',
  sinX1: 'sin x1',
  sinX2: 'sin x2',
};

/** The same as code in the exported languages (all of them write x1 * x1 and sin(x1) alike). */
export const FEATURE_CODE: Readonly<Record<Feature, string>> = {
  x1: 'x1',
  x2: 'x2',
  x1Squared: 'x1 * x1',
  x2Squared: 'x2 * x2',
  x1TimesX2: 'x1 * x2',
  sinX1: 'sin(x1)',
  sinX2: 'sin(x2)',
};

export const DEFAULT_FEATURES: readonly Feature[] = ['x1', 'x2'];
export const MAX_FEATURES = FEATURES.length;

/** Whether the network sees exactly the article's inputs x1, x2 (the fast, article-exact code). */
export function hasPlainInputs(features: readonly Feature[]): boolean {
  return features.length === 2 && features[0] === 'x1' && features[1] === 'x2';
}

/** One feature's value for scaled inputs x1, x2. */
export function featureValue(feature: Feature, x1: number, x2: number): number {
  switch (feature) {
    case 'x1':
      return x1;
    case 'x2':
      return x2;
    case 'x1Squared':
      return x1 * x1;
    case 'x2Squared':
      return x2 * x2;
    case 'x1TimesX2':
      return x1 * x2;
    case 'sinX1':
      return Math.sin(x1);
    case 'sinX2':
      return Math.sin(x2);
  }
}

/** Writes the features' values into `out` (at least features.length long); allocation-free. */
export function featuresInto(features: readonly Feature[], x1: number, x2: number, out: Float64Array): void {
  for (let f = 0; f < features.length; f++) out[f] = featureValue(features[f]!, x1, x2);
}

/**
 * A chosen set in the canonical order, each once; an empty choice gives the article's x1, x2 (at least one
 * input must stay on: the controls refuse to turn off the last).
 */
export function orderedFeatures(chosen: Iterable<Feature>): readonly Feature[] {
  const set = new Set(chosen);
  const ordered = FEATURES.filter((feature) => set.has(feature));
  return ordered.length === 0 ? DEFAULT_FEATURES : ordered;
}

export function isFeature(value: unknown): value is Feature {
  return typeof value === 'string' && (FEATURES as readonly string[]).includes(value);
}

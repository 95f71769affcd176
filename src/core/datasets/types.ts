/**
 * The shapes every example data set shares: what a generator is given and gives back, and the recipe
 * that reproduces a generated table (kept in the document, autosave and share links).
 */
import type { DataLabels } from '../settings';

/** What a generator is told: how many points, how much noise (0 to 0.5) and the seed of its draws. */
export interface GeneratorOptions {
  readonly points: number;
  /** A fraction: 0.1 is the `Noise` slider's 10 %. */
  readonly noise: number;
  readonly seed: number;
}

/** A generated set, one entry per point: its two inputs and its class (1 or 0). */
export interface GeneratedSet {
  /** The first input: weight in lb for people, x1 for the abstract sets. */
  readonly x1: Float64Array;
  /** The second input: height in in for people, x2 for the abstract sets. */
  readonly x2: Float64Array;
  /** 1 (Female, or the label meaning 1) or 0; for Plane and Hills, the number to predict. */
  readonly target: Float64Array;
}

export type Generator = (options: GeneratorOptions) => GeneratedSet;

/** How a set's rows read in the table: as people (weight, height, F/M, in the table's units) or as plain columns. */
export type ExampleColumns =
  | { readonly kind: 'people' }
  | { readonly kind: 'plain'; readonly labels: DataLabels; readonly decimals: number };

/** One entry of the `Example data` list. */
export interface ExampleSet {
  /** Stored in recipes and links: never rename one. */
  readonly id: string;
  /** What the select shows. */
  readonly label: string;
  readonly generate: Generator;
  readonly defaults: { readonly points: number; readonly noise: number };
  readonly columns: ExampleColumns;
  /** What each row is called: `Person 1`, `Point 1`. */
  readonly rowName: string;
}

/** Everything that reproduces a generated table: the set, and the options its generator was given. */
export interface DataRecipe extends GeneratorOptions {
  readonly kind: string;
}

export const MIN_POINTS = 10;
export const MAX_POINTS = 100_000;
export const MAX_NOISE = 0.5;
/** The seed a set starts from when it is chosen; `Regenerate` draws another. */
export const FIRST_SEED = 1;

/**
 * `Example data`: a generated set replaces the table as one undo step, with its recipe in the settings
 * (autosave and share links carry the recipe, undo brings back the table before with its own terms).
 */
import { findExampleSet } from '../core/datasets/registry';
import { exampleTable } from '../core/datasets/table';
import { FIRST_SEED, type DataRecipe } from '../core/datasets/types';
import type { Person } from '../core/dataset';
import { selectRow, setScaling } from './actions';
import { resetToArticleData } from './dataActions';
import { useLab } from './labStore';
import { addMarker } from './runActions';

/** Seeds `Regenerate` draws from: any 32-bit value. */
const SEED_RANGE = 2 ** 32;

/** What a load did: the new table, and whether Input scaling had to leave the article's shift. */
export interface Loaded {
  readonly people: readonly Person[];
  readonly standardized: boolean;
}

/** The training share a generated set starts with: the rest is test data, to watch overfitting. */
export const GENERATED_TRAINING_SHARE = 0.5;

/**
 * Replaces the table with a recipe's points (one undo step). Imported column names give way to the
 * set's own (x1, x2) or to weight and height in the table's units. The article's shift (135 lb, 66 in)
 * would put x1 and x2 near -135 and a population's extremes far out, where the neurons saturate: a
 * set loaded under it switches Input scaling to Standardize (a restart from epoch 0).
 */
export function loadRecipe(recipe: DataRecipe): Loaded | null {
  const set = findExampleSet(recipe.kind);
  if (!set) return null;
  const { settings } = useLab.getState();
  const table = exampleTable(set, recipe, settings.units);
  // A generated set holds half its points out as test data when it first replaces another table; its
  // own Points, Noise and Regenerate keep the share the user set.
  const trainingShare = settings.dataSource === null ? GENERATED_TRAINING_SHARE : settings.trainingShare;
  useLab.setState({
    people: table.people,
    settings: { ...settings, dataLabels: table.dataLabels, dataSource: recipe, trainingShare },
  });
  addMarker('dataset', `${set.label} loaded`);
  selectRow(null); // row numbers of the old table mean nothing in the new one
  const standardized = settings.scaling === 'article';
  if (standardized) setScaling('standardize');
  return { people: table.people, standardized };
}

/**
 * Chooses an entry of `Example data`: `article` brings back the article's four people; a set keeps
 * the points and noise of the set on show (or takes its own defaults) and starts from the first seed.
 */
export function chooseExample(id: string): Loaded | null {
  if (id === 'article') {
    resetToArticleData();
    // The article trains on all four people.
    useLab.setState((state) => ({ settings: { ...state.settings, trainingShare: 1 } }));
    return { people: useLab.getState().people, standardized: false };
  }
  const set = findExampleSet(id);
  if (!set) return null;
  const current = useLab.getState().settings.dataSource;
  const { points, noise } = current ?? set.defaults;
  return loadRecipe({ kind: id, points, noise, seed: FIRST_SEED });
}

/** `Points` or `Noise` changed: the same set and seed again with the new option. */
export function changeRecipe(patch: Partial<Pick<DataRecipe, 'points' | 'noise'>>): Loaded | null {
  const current = useLab.getState().settings.dataSource;
  if (!current) return null;
  const next = { ...current, ...patch };
  if (next.points === current.points && next.noise === current.noise) return null;
  return loadRecipe(next);
}

/** `Regenerate`: the same set and options from a new seed (`random` is injectable for tests). */
export function regenerate(random: () => number = Math.random): Loaded | null {
  const current = useLab.getState().settings.dataSource;
  if (!current) return null;
  let seed = Math.floor(random() * SEED_RANGE);
  if (seed === current.seed) seed = (seed + 1) % SEED_RANGE;
  return loadRecipe({ ...current, seed });
}

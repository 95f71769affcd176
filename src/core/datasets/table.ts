/**
 * A recipe's table: the generator's points as rows the Dataset table shows and checks like any other
 * (cells are text, so an edit or a CSV export treats them as typed). The same recipe in the same units
 * gives the same text, which is what lets a link or a save carry the recipe instead of the rows.
 */
import type { Person } from '../dataset';
import type { DataLabels, Units } from '../settings';
import { convertValue } from '../units';
import { findExampleSet } from './registry';
import type { DataRecipe, ExampleSet } from './types';

export interface ExampleTable {
  readonly people: Person[];
  /** The column names the table takes (null: weight, height and gender in the table's units). */
  readonly dataLabels: DataLabels | null;
}

/** A fixed-point cell without "-0.000": a tiny negative reads as zero. */
function fixed(value: number, decimals: number): string {
  const text = value.toFixed(decimals);
  // Only a text starting with "-" can be a negative zero: the others skip the parse (100,000 rows).
  return text.charCodeAt(0) === 45 && Number(text) === 0 ? (0).toFixed(decimals) : text;
}

/** lb and in to one decimal; in kg and cm as a unit switch would convert that text. */
function measured(value: number, field: 'weight' | 'height', units: Units): string {
  const text = value.toFixed(1);
  return units === 'metric' ? convertValue(Number(text), 1, field, 'imperial', 'metric') : text;
}

export function exampleTable(set: ExampleSet, recipe: DataRecipe, units: Units): ExampleTable {
  const { x1, x2, target } = set.generate(recipe);
  const { columns, rowName } = set;
  const rows: Person[] = new Array<Person>(x1.length);
  const numeric = columns.kind === 'plain' && columns.labels.target !== undefined ? columns.decimals : null;
  for (let i = 0; i < x1.length; i++) {
    const weight =
      columns.kind === 'people' ? measured(x1[i]!, 'weight', units) : fixed(x1[i]!, columns.decimals);
    const height =
      columns.kind === 'people' ? measured(x2[i]!, 'height', units) : fixed(x2[i]!, columns.decimals);
    rows[i] = {
      // Made from the recipe, so a link's regenerated table keeps its train/test split.
      id: `${recipe.kind}-${recipe.seed.toString(36)}-${i}`,
      name: `${rowName} ${i + 1}`,
      weight,
      height,
      gender: target[i] === 1 ? 'F' : 'M',
      ...(numeric === null ? {} : { target: fixed(target[i]!, numeric) }),
    };
  }
  return { people: rows, dataLabels: columns.kind === 'people' ? null : columns.labels };
}

/** The table a recipe describes, or null when its set is not in the list. */
export function tableOfRecipe(recipe: DataRecipe, units: Units): ExampleTable | null {
  const set = findExampleSet(recipe.kind);
  return set ? exampleTable(set, recipe, units) : null;
}

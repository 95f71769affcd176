import { checkPerson, targetKindOf, type Person, type TargetKind } from './dataset';
import type { Measure } from './units';

/**
 * A table read once: its valid rows' inputs as the model sees them (lb and in, or an imported file's
 * own numbers) and targets, in flat arrays. Every view that walks the whole table (counts, accuracy,
 * the plane's extent and sample, the training set) reads this instead of checking each row again: at
 * 100,000 rows each such walk cost tens of milliseconds and an object per row.
 */
export interface CheckedTable {
  /** Valid rows (the rows training takes). */
  readonly count: number;
  /** Valid rows whose target is 1 (Female, or the imported label value meaning 1); 0 for numeric targets. */
  readonly positives: number;
  /** Two classes, or a number to predict. */
  readonly targetKind: TargetKind;
  /** The table row of each valid row, in table order. */
  readonly rows: Int32Array;
  readonly weights: Float64Array;
  readonly heights: Float64Array;
  readonly targets: Float64Array;
}

const cache: Record<Measure, WeakMap<readonly Person[], CheckedTable>> = {
  imperial: new WeakMap(),
  metric: new WeakMap(),
  plain: new WeakMap(),
};

/** The table's valid rows, worked out once per table (tables are immutable: an edit makes a new one). */
export function checkTable(people: readonly Person[], measure: Measure = 'imperial'): CheckedTable {
  const cached = cache[measure].get(people);
  if (cached) return cached;
  const rows = new Int32Array(people.length);
  const weights = new Float64Array(people.length);
  const heights = new Float64Array(people.length);
  const targets = new Float64Array(people.length);
  const targetKind = targetKindOf(people);
  let count = 0;
  let positives = 0;
  for (let row = 0; row < people.length; row++) {
    const person = people[row]!;
    const check = checkPerson(person, measure);
    if (!check.valid) continue;
    rows[count] = row;
    weights[count] = check.weight;
    heights[count] = check.height;
    targets[count] = check.target;
    if (targetKind === 'class') positives += check.target;
    count += 1;
  }
  const table: CheckedTable = {
    count,
    positives,
    targetKind,
    rows: rows.subarray(0, count),
    weights: weights.subarray(0, count),
    heights: heights.subarray(0, count),
    targets: targets.subarray(0, count),
  };
  cache[measure].set(people, table);
  return table;
}

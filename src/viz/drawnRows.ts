import { checkTable } from '../core/checkedTable';
import type { Person } from '../core/dataset';
import type { Measure } from '../core/units';

/** The most points the plane draws; a larger table is shown by a fixed sample of its rows. */
export const MAX_DRAWN_POINTS = 2000;

export interface DrawnRows {
  /** Table rows to draw, in table order. */
  readonly rows: readonly number[];
  /** Valid rows in the table (the drawn ones are all of them, or a sample). */
  readonly valid: number;
}

/** A person's place in the sample: a hash of their id, so it never changes while they are edited. */
function sampleKey(id: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) {
    hash ^= id.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) / 2 ** 32;
}

/**
 * The valid rows to draw: all of them up to `limit`, else the `limit` rows with the smallest id hash.
 * The sample is stable: editing, adding or removing a row leaves every other row in or out as it was.
 */
export function drawnRows(people: readonly Person[], measure: Measure, limit = MAX_DRAWN_POINTS): DrawnRows {
  const { rows, count } = checkTable(people, measure);
  if (count <= limit) return { rows: Array.from(rows), valid: count };
  // Keys below a threshold a little above limit / n hold about 1.2 × limit rows; the smallest win.
  // Only those become objects: at 100,000 rows, one per row cost more than the hashing.
  const threshold = Math.min(1, (1.2 * limit) / count);
  let candidates: { row: number; key: number }[] = [];
  for (const row of rows) {
    const key = sampleKey(people[row]!.id);
    if (key < threshold) candidates.push({ row, key });
  }
  if (candidates.length < limit) {
    candidates = Array.from(rows, (row) => ({ row, key: sampleKey(people[row]!.id) }));
  }
  candidates.sort((a, b) => a.key - b.key);
  const drawn = candidates
    .slice(0, limit)
    .map((candidate) => candidate.row)
    .sort((a, b) => a - b);
  return { rows: drawn, valid: count };
}

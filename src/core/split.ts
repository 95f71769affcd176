/**
 * The seeded train/test split. A row is held out for testing when a hash of its stable id and the
 * document's seed falls at or above the training share. Decided per row from its own id, a row keeps its
 * side while other rows are added, edited or deleted, and nothing has to be written into the table when
 * the share moves: the document (ids, seed, share) reproduces the split wherever it is opened.
 */
import type { CheckedTable } from './checkedTable';
import type { Person } from './dataset';
import type { TrainingSet } from './trainingSet';

export const MIN_TRAINING_SHARE = 0.1;
export const MAX_TRAINING_SHARE = 1;

/** A share from anywhere (a link, a slider) as the split reads it: within 0.1..1, 1 when not a number. */
export function clampShare(share: number): number {
  if (!Number.isFinite(share)) return MAX_TRAINING_SHARE;
  return Math.min(MAX_TRAINING_SHARE, Math.max(MIN_TRAINING_SHARE, share));
}

/** A uniform-looking number in [0, 1) from a row id and a seed (FNV-1a, then a murmur3 finalizer). */
export function splitDraw(id: string, seed: number): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < id.length; i++) {
    h ^= id.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return (h >>> 0) / 4294967296;
}

/** Whether this row is held out for testing at this share. */
export function isTestRow(id: string, seed: number, share: number): boolean {
  const kept = clampShare(share);
  return kept < MAX_TRAINING_SHARE && splitDraw(id, seed) >= kept;
}

/**
 * For each valid row of `table` (in its order), 1 when it is a test row; null when the share keeps every
 * row for training. This is what the worker takes: it has the checked table, not the ids.
 */
export function testMaskOf(
  people: readonly Person[],
  table: CheckedTable,
  seed: number,
  share: number,
): Uint8Array | null {
  if (clampShare(share) >= MAX_TRAINING_SHARE) return null;
  const mask = new Uint8Array(table.count);
  for (let i = 0; i < table.count; i++) {
    const person = people[table.rows[i]!];
    mask[i] = person && isTestRow(person.id, seed, share) ? 1 : 0;
  }
  return mask;
}

/** The samples of `set` whose mask entry is `side`, with the set's scaling and measure. */
function subset(set: TrainingSet, mask: Uint8Array, side: 0 | 1): TrainingSet {
  let count = 0;
  for (let i = 0; i < set.count; i++) if (mask[i] === side) count += 1;
  const inputs = new Float64Array(2 * count);
  const targets = new Float64Array(count);
  const rowIndex = new Int32Array(count);
  for (let i = 0, o = 0; i < set.count; i++) {
    if (mask[i] !== side) continue;
    inputs[2 * o] = set.inputs[2 * i]!;
    inputs[2 * o + 1] = set.inputs[2 * i + 1]!;
    targets[o] = set.targets[i]!;
    rowIndex[o] = set.rowIndex[i]!;
    o += 1;
  }
  return {
    inputs,
    targets,
    count,
    rowIndex,
    scaling: set.scaling,
    measure: set.measure,
    targetKind: set.targetKind,
  };
}

/**
 * The training rows and the test rows of a set. Both keep the whole table's scaling, so the plane and
 * Predict read every point the same way. `test` is null without test rows (no mask, a mask that does not
 * fit the set, or no row on the test side): then nothing about testing is computed at all.
 */
export function splitTrainingSet(
  set: TrainingSet,
  mask: Uint8Array | null | undefined,
): { train: TrainingSet; test: TrainingSet | null } {
  if (!mask || mask.length !== set.count || !mask.includes(1)) return { train: set, test: null };
  return { train: subset(set, mask, 0), test: subset(set, mask, 1) };
}

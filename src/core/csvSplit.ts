/**
 * The train/test split in a CSV file: the `set` column an export writes while rows are held out, and
 * how an import keeps each row on the side its file states.
 *
 * The split is decided by a hash of each row's id and the document's seed (split.ts), so an import
 * keeps a row's side by choosing the row's id: it tries `id`, `id-1`, `id-2`, … until the split puts
 * it where the file says. Nothing besides the ids and the share is stored, so autosave and share links
 * (which carry ids whenever rows are held out) reproduce the split as they already do, and the rows
 * stay where they are when other rows are added or edited. A row whose `set` cell is empty or unknown
 * keeps the id it was given and goes where the split puts it.
 */
import type { Person } from './dataset';
import { clampShare, isTestRow, MAX_TRAINING_SHARE } from './split';

export const SET_HEADER = 'set';
export type Side = 'train' | 'test';

/** The `set` cell of a row. */
export function sideCell(test: boolean): Side {
  return test ? 'test' : 'train';
}

/** A `set` cell as a side (any case, spaces trimmed); null when it names neither. */
export function sideOfCell(cell: string): Side | null {
  const value = cell.trim().toLowerCase();
  return value === 'train' || value === 'test' ? value : null;
}

/** The file's `set` column (any case), or null. */
export function setColumn(headers: readonly string[]): number | null {
  const index = headers.findIndex((header) => header.toLowerCase() === SET_HEADER);
  return index < 0 ? null : index;
}

/** The training share's control moves in steps of 5 %; an imported split's share lands on one. */
const SHARE_STEP = 0.05;

/**
 * The share an imported split is shown at: the file's training rows' fraction, on the control's step
 * (100 % when no row is stated as a test row: then nothing is held out).
 */
export function shareOfSides(sides: readonly (Side | null)[]): number {
  let train = 0;
  let test = 0;
  for (const side of sides) {
    if (side === 'train') train += 1;
    else if (side === 'test') test += 1;
  }
  if (test === 0) return MAX_TRAINING_SHARE;
  return clampShare(Math.round(train / (train + test) / SHARE_STEP) * SHARE_STEP);
}

/** The first of `id`, `id-1`, `id-2`, … that the split puts on `side`. */
function idOnSide(id: string, side: Side, seed: number, share: number): string {
  const test = side === 'test';
  if (isTestRow(id, seed, share) === test) return id;
  // each try lands on the wanted side with a probability of at least the smaller side's share (>= 10 %)
  for (let k = 1; ; k++) {
    const candidate = `${id}-${k}`;
    if (isTestRow(candidate, seed, share) === test) return candidate;
  }
}

/**
 * The people with ids that put each on its stated side under `seed` and `share` (`sides[i]` is
 * person i's; null leaves the person as it is). Ids stay unique: a suffix is only ever added to an id.
 */
export function placeOnSides(
  people: readonly Person[],
  sides: readonly (Side | null)[],
  seed: number,
  share: number,
): Person[] {
  const taken = new Set(people.map((person) => person.id));
  return people.map((person, i) => {
    const side = sides[i];
    if (!side) return person;
    let id = idOnSide(person.id, side, seed, share);
    while (id !== person.id && taken.has(id)) id = idOnSide(`${id}-`, side, seed, share);
    if (id === person.id) return person;
    taken.add(id);
    return { ...person, id };
  });
}

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkTable } from '../../src/core/checkedTable';
import type { Person } from '../../src/core/dataset';
import { isTestRow, splitDraw, splitTrainingSet, testMaskOf } from '../../src/core/split';
import { buildTrainingSet } from '../../src/core/trainingSet';
import { noisyPeople } from '../../src/components/Tour/overfittingLab';

const ids = (count: number) => Array.from({ length: count }, (_, i) => `row-${i}`);

describe('the seeded train/test split', () => {
  it('decides a row from its id and the seed alone: the same every time, whatever else is in the table', () => {
    fc.assert(
      fc.property(fc.string(), fc.nat(), fc.double({ min: 0.1, max: 1, noNaN: true }), (id, seed, share) => {
        expect(isTestRow(id, seed, share)).toBe(isTestRow(id, seed, share));
        expect(splitDraw(id, seed)).toBeGreaterThanOrEqual(0);
        expect(splitDraw(id, seed)).toBeLessThan(1);
      }),
    );
    const people = noisyPeople(30, 3, 0);
    const before = testMaskOf(people, checkTable(people), 9, 0.5)!;
    const edited: Person[] = [{ ...people[0]!, id: 'new' }, ...people.slice(1, 20), ...people.slice(21)];
    const after = testMaskOf(edited, checkTable(edited), 9, 0.5)!;
    for (let i = 1; i < 20; i++) expect(after[i]).toBe(before[i]);
    for (let i = 21; i < 30; i++) expect(after[i - 1]).toBe(before[i]);
  });

  it('holds out about 1 - share of the rows, and more rows as the share falls (a row never returns)', () => {
    const rows = ids(4000);
    for (const share of [0.1, 0.5, 0.8]) {
      const held = rows.filter((id) => isTestRow(id, 42, share)).length / rows.length;
      expect(Math.abs(held - (1 - share))).toBeLessThan(0.03);
    }
    for (const id of rows.slice(0, 500)) {
      if (isTestRow(id, 42, 0.8)) expect(isTestRow(id, 42, 0.5)).toBe(true);
    }
  });

  it('keeps every row for training at 100 %, and a new seed draws another split', () => {
    const rows = ids(200);
    expect(rows.some((id) => isTestRow(id, 1, 1))).toBe(false);
    const a = rows.map((id) => isTestRow(id, 1, 0.5));
    const b = rows.map((id) => isTestRow(id, 2, 0.5));
    expect(a).not.toEqual(b);
  });

  it('splits the valid rows of a training set into two, with the whole table scaling and row numbers', () => {
    const people = noisyPeople(20, 5, 0);
    const set = buildTrainingSet(people, 'standardize');
    const mask = testMaskOf(people, checkTable(people), 7, 0.5)!;
    const { train, test } = splitTrainingSet(set, mask);
    expect(train.count + test!.count).toBe(20);
    expect(test!.scaling).toBe(set.scaling);
    for (let i = 0; i < test!.count; i++) {
      const row = test!.rowIndex[i]!;
      expect(mask[row]).toBe(1);
      expect(test!.inputs[2 * i]).toBe(set.inputs[2 * row]);
      expect(test!.targets[i]).toBe(set.targets[row]);
    }
    expect(Array.from(train.rowIndex).every((row) => mask[row] === 0)).toBe(true);
  });

  it('has no test set without a mask, with a mask that does not fit, or with no row held out', () => {
    const set = buildTrainingSet(noisyPeople(6, 1, 0), 'article');
    expect(splitTrainingSet(set, null)).toEqual({ train: set, test: null });
    expect(splitTrainingSet(set, new Uint8Array(5).fill(1)).test).toBeNull();
    expect(splitTrainingSet(set, new Uint8Array(6)).test).toBeNull();
  });
});

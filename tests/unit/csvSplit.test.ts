import { describe, expect, it } from 'vitest';
import { applyMapping, formatDatasetCsv, parseDatasetCsv, suggestMapping } from '../../src/core/csv';
import { placeOnSides, shareOfSides } from '../../src/core/csvSplit';
import { isTestRow } from '../../src/core/split';
import { noisyPeople } from '../../src/components/Tour/overfittingLab';

const people = noisyPeople(60, 5, 0.1);

function importedPeople(csv: string) {
  const result = parseDatasetCsv(csv);
  const read = result.kind === 'needs-mapping' ? applyMapping(result, suggestMapping(result)) : result;
  if (read.kind !== 'people') throw new Error(`expected people, got ${read.kind}`);
  return read;
}

describe('the train/test split through CSV', () => {
  it('writes no set column while every row trains', () => {
    expect(formatDatasetCsv(people).split('\n')[0]).toBe('name,weight,height,gender');
    expect(importedPeople(formatDatasetCsv(people)).sides).toBeNull();
  });

  it('export then import keeps every row on its side, under another seed too', () => {
    const testRow = (id: string) => isTestRow(id, 7, 0.6);
    const csv = formatDatasetCsv(people, { testRow });
    expect(csv.split('\n')[0]).toBe('name,weight,height,gender,set');
    const read = importedPeople(csv);
    const share = shareOfSides(read.sides!);
    expect(share).toBeGreaterThan(0.4);
    expect(share).toBeLessThan(0.8);
    for (const seed of [7, 12345]) {
      const placed = placeOnSides(read.people, read.sides!, seed, share);
      expect(placed.map(({ name, weight, height, gender }) => ({ name, weight, height, gender }))).toEqual(
        people.map(({ name, weight, height, gender }) => ({ name, weight, height, gender })),
      );
      expect(placed.map((p) => isTestRow(p.id, seed, share))).toEqual(people.map((p) => testRow(p.id)));
      expect(new Set(placed.map((p) => p.id)).size).toBe(people.length);
    }
  });

  it('a mapped file (its own column names) keeps its sides, and set is never taken for the label', () => {
    const labels = { x1: 'x1', x2: 'x2', positive: 'blue', negative: 'red' };
    const testRow = (id: string) => isTestRow(id, 3, 0.5);
    const read = importedPeople(formatDatasetCsv(people, { labels, testRow }));
    expect(read.labels).toMatchObject({ positive: 'blue', negative: 'red' });
    const share = shareOfSides(read.sides!);
    const placed = placeOnSides(read.people, read.sides!, 3, share);
    expect(placed.map((p) => isTestRow(p.id, 3, share))).toEqual(people.map((p) => testRow(p.id)));
  });

  it('reads the share on the control’s 5 % steps; no test row means 100 %; unstated rows stay put', () => {
    expect(shareOfSides(['train', 'train', 'test', null])).toBeCloseTo(0.65, 12);
    expect(shareOfSides(['train', null])).toBe(1);
    expect(shareOfSides(['test', 'test'])).toBe(0.1);
    const two = people.slice(0, 2);
    expect(placeOnSides(two, [null, null], 1, 0.5)).toEqual(two);
  });
});

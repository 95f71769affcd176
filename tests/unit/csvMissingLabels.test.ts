import { describe, expect, it } from 'vitest';
import {
  applyMapping,
  formatDatasetCsv,
  labelValues,
  parseDatasetCsv,
  suggestMapping,
  type CsvParseResult,
  type RawTable,
} from '../../src/core/csv';

/** A penguin table as published: grams and millimetres, sex MALE/FEMALE, and the usual gaps. */
const PENGUINS = [
  'species,bill_length_mm,flipper_length_mm,body_mass_g,sex',
  'Adelie,39.1,181,3750,MALE',
  'Adelie,39.5,186,3800,FEMALE',
  'Adelie,40.3,195,3250,FEMALE',
  'Adelie,36.7,193,3450,NA',
  'Adelie,39.3,190,3650,MALE',
  'Gentoo,44.5,217,4875,.',
  'Gentoo,46.1,211,4500,FEMALE',
  'Gentoo,50.0,220,5700,?',
  'Gentoo,48.7,218,5350,N/A',
  'Gentoo,47.3,222,5250,',
  'Gentoo,49.1,230,5500, na ',
].join('\n');

function needsMapping(result: CsvParseResult): RawTable {
  if (result.kind !== 'needs-mapping') throw new Error(`expected a mapping step, got ${result.kind}`);
  return result;
}

const raw = needsMapping(parseDatasetCsv(PENGUINS));
const mapping = { x1: 3, x2: 2, label: 4, positive: 'FEMALE', name: 0 };

describe('a missing label is no class', () => {
  it('offers only real label values, and guesses FEMALE as the value meaning 1', () => {
    expect(labelValues(raw, 4)).toEqual(['MALE', 'FEMALE']);
    expect(suggestMapping(raw)).toMatchObject({ label: 4, positive: 'FEMALE' });
  });

  it('leaves out NA, N/A, ., ?, empty rows with a count and a line each, never as class 0', () => {
    const result = applyMapping(raw, mapping);
    if (result.kind !== 'people') throw new Error(result.message);
    expect(result.people.map((person) => [person.weight, person.gender])).toEqual([
      ['3750', 'M'],
      ['3800', 'F'],
      ['3250', 'F'],
      ['3650', 'M'],
      ['4500', 'F'],
    ]);
    expect(result.missingLabels).toBe(6);
    expect(result.problems).toEqual([
      { line: 5, message: 'Column “sex” is missing (“NA”).' },
      { line: 7, message: 'Column “sex” is missing (“.”).' },
      { line: 9, message: 'Column “sex” is missing (“?”).' },
      { line: 10, message: 'Column “sex” is missing (“N/A”).' },
      { line: 11, message: 'Column “sex” is empty.' },
      { line: 12, message: 'Column “sex” is missing (“na”).' },
    ]);
  });

  it('names both classes from the file: MALE and FEMALE, not “not FEMALE”', () => {
    const result = applyMapping(raw, mapping);
    expect(result.kind === 'people' && result.labels).toEqual({
      x1: 'body_mass_g',
      x2: 'flipper_length_mm',
      positive: 'FEMALE',
      negative: 'MALE',
    });
  });

  it('Export CSV writes the file’s own label values, which import back the same', () => {
    const result = applyMapping(raw, mapping);
    if (result.kind !== 'people') throw new Error(result.message);
    const csv = formatDatasetCsv(result.people, { labels: result.labels });
    expect(csv.split('\n').map((line) => line.split(',').at(-1))).toEqual([
      'label',
      'MALE',
      'FEMALE',
      'FEMALE',
      'MALE',
      'FEMALE',
    ]);
    const back = applyMapping(needsMapping(parseDatasetCsv(csv)), { ...mapping, x1: 1, x2: 2, label: 3 });
    expect(back.kind === 'people' && back.people.map((person) => person.gender)).toEqual(
      result.people.map((person) => person.gender),
    );
  });

  it('a weight/height/gender file says a missing gender is missing, and counts it', () => {
    const result = parseDatasetCsv('name,weight,height,gender\nA,133,65,F\nB,160,72,NA\nC,152,70,');
    expect(result).toMatchObject({
      kind: 'people',
      missingLabels: 2,
      problems: [
        { line: 3, message: 'Gender is missing (“NA”).' },
        { line: 4, message: 'Gender is empty.' },
      ],
    });
  });
});

import { describe, expect, it } from 'vitest';
import {
  applyMapping,
  formatDatasetCsv,
  isNumericLabel,
  parseDatasetCsv,
  suggestMapping,
  type CsvParseResult,
  type ImportedPeople,
  type RawTable,
} from '../../src/core/csv';
import { checkTable } from '../../src/core/checkedTable';
import { checkPerson, targetKindOf } from '../../src/core/dataset';

/** Houses: two inputs and a price, with a gap and a typo in the price column. */
const HOUSES = [
  'name,rooms,age,price',
  'a,3,12,250.5',
  'b,4,3,410',
  'c,2,40,-12.25',
  'd,5,8,NA',
  'e,3,20,cheap',
  'f,1,1,1e2',
].join('\n');

function needsMapping(result: CsvParseResult): RawTable {
  if (result.kind !== 'needs-mapping') throw new Error(`expected a mapping step, got ${result.kind}`);
  return result;
}

function people(result: ReturnType<typeof applyMapping>): ImportedPeople {
  if (result.kind !== 'people') throw new Error(result.message);
  return result;
}

const raw = needsMapping(parseDatasetCsv(HOUSES));

describe('a label column of numbers imports as a number to predict', () => {
  it('tells a numeric label from two classes and from words', () => {
    expect(isNumericLabel(raw, 3)).toBe(false); // "cheap" is no number
    const clean = needsMapping(parseDatasetCsv('a,b,y\n1,2,0.5\n3,4,1.5\n5,6,NA\n7,8,-2'));
    expect(isNumericLabel(clean, 2)).toBe(true);
    const classes = needsMapping(parseDatasetCsv('a,b,y\n1,2,0\n3,4,1\n5,6,1.0'));
    expect(isNumericLabel(classes, 2)).toBe(false);
    const words = needsMapping(parseDatasetCsv('a,b,y\n1,2,x\n3,4,y\n5,6,z'));
    expect(isNumericLabel(words, 2)).toBe(false);
  });

  it('keeps each target as typed, names the column, and leaves out a row whose target is missing', () => {
    const file = needsMapping(
      parseDatasetCsv('name,rooms,age,price\na,3,12,250.5\nb,4,3,410\nc,2,40,-12.25\nd,5,8,NA'),
    );
    const result = people(applyMapping(file, { ...suggestMapping(file), x1: 1, x2: 2, label: 3 }));
    expect(result.people.map((person) => person.target)).toEqual(['250.5', '410', '-12.25']);
    expect(result.labels).toMatchObject({ x1: 'rooms', x2: 'age', target: 'price' });
    expect(result.missingLabels).toBe(1);
    expect(targetKindOf(result.people)).toBe('number');
    const table = checkTable(result.people, 'plain');
    expect(table.targetKind).toBe('number');
    expect(Array.from(table.targets)).toEqual([250.5, 410, -12.25]);
  });

  it('exports the targets under the column’s name, and the export imports back the same', () => {
    const file = needsMapping(parseDatasetCsv('x1,x2,height\n0.5,1,0.25\n-1,2,1.75\n3,-4,-0.5'));
    const first = people(applyMapping(file, { x1: 0, x2: 1, label: 2, positive: '', name: null }));
    const csv = formatDatasetCsv(first.people, { labels: first.labels });
    expect(csv.split(/\r?\n/)[0]).toBe('name,x1,x2,height');
    const again = needsMapping(parseDatasetCsv(csv));
    const second = people(applyMapping(again, suggestMapping(again)));
    expect(second.people.map((person) => person.target)).toEqual(['0.25', '1.75', '-0.5']);
    expect(second.labels?.target).toBe('height');
  });

  it('says which target cell is wrong and why', () => {
    const bad = { id: 'x', name: '', weight: '1', height: '2', gender: 'M' as const };
    expect(checkPerson({ ...bad, target: '' }, 'plain').problems).toEqual([
      { field: 'target', message: 'Target is empty.' },
    ]);
    expect(checkPerson({ ...bad, target: 'abc' }, 'plain').problems[0]?.message).toBe(
      '“abc” is not a number.',
    );
    expect(checkPerson({ ...bad, target: '1e13' }, 'plain').problems[0]?.message).toBe(
      'Target is too large for the lab.',
    );
    expect(checkPerson({ ...bad, target: ' 2.5 ' }, 'plain')).toMatchObject({ valid: true, target: 2.5 });
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  applyMapping,
  formatDatasetCsv,
  isMissingLabel,
  parseDatasetCsv,
  type CsvParseResult,
  type RawTable,
} from '../../src/core/csv';
import { detectDelimiter, neutralizeFormula, restoreFormula } from '../../src/core/csvCells';
import { MAX_NAME_LENGTH, type Person } from '../../src/core/dataset';
import type { DataLabels, Units } from '../../src/core/settings';

const visible = ({ name, weight, height, gender }: Person) => ({ name, weight, height, gender });

function peopleOf(result: CsvParseResult | ReturnType<typeof applyMapping>) {
  if (result.kind !== 'people') throw new Error(`expected people, got ${JSON.stringify(result)}`);
  return result;
}

function rawOf(result: CsvParseResult): RawTable {
  if (result.kind !== 'needs-mapping') throw new Error(`expected a mapping step, got ${result.kind}`);
  return result;
}

const person = (name: string, weight = '1', height = '2', gender: 'F' | 'M' = 'F'): Person => ({
  id: name,
  name,
  weight,
  height,
  gender,
});

/** A cell starting with what a spreadsheet runs as a formula: any of it, several times, apostrophes too. */
const FORMULA_STARTS = ['=', '+', '-', '@', '\t', '\r', "'", "''", ' '];
const anyChar = fc.integer({ min: 0, max: 0x10ffff }).map((code) => String.fromCodePoint(code));
const tricky = fc.constantFrom(',', '"', '\n', '\r\n', ';', '\t', 'é', '😀', ...FORMULA_STARTS);
const textUpTo = (max: number) =>
  fc
    .tuple(
      fc.array(fc.constantFrom(...FORMULA_STARTS), { maxLength: 3 }),
      fc.array(fc.oneof(tricky, fc.string({ unit: anyChar, maxLength: 6 })), { maxLength: 12 }),
    )
    .map(([start, parts]) => (start.join('') + parts.join('')).slice(0, max));
/** What an input column of an importable table holds: a number, signed or not, maybe padded. */
const numberCell = fc
  .tuple(
    fc.constantFrom('', ' ', '\t', '\n'),
    fc.oneof(
      fc.double({ min: -2000, max: 2000, noNaN: true }).map(String),
      fc.constantFrom('-2', '+3', '-.5e3', '+1E-3', '0'),
    ),
    fc.constantFrom('', ' ', '\r\n'),
  )
  .map(([before, number, after]) => `${before}${number}${after}`);
const anyPerson = fc.record({
  id: fc.constant('x'),
  name: textUpTo(MAX_NAME_LENGTH),
  weight: numberCell,
  height: numberCell,
  gender: fc.constantFrom<'F' | 'M'>('F', 'M'),
});
/** A name from a file's header or label column: the import trims them; an empty or missing one (`NA`) is never kept. */
const fileName = textUpTo(30)
  .map((text) => text.trim())
  .filter((text) => !isMissingLabel(text));
const mappedLabels: fc.Arbitrary<DataLabels> = fc
  .record({ x1: fileName, x2: fileName, positive: fileName, negative: fileName })
  .filter((labels) => labels.positive !== labels.negative);

describe('Export CSV keeps spreadsheets from running cells as formulas', () => {
  it('puts a leading apostrophe on =, +, -, @, tab and carriage return, but not on numbers in number columns', () => {
    const csv = formatDatasetCsv([
      person('=1+2', '-2', '+3'),
      person("+cmd|' /C calc'!A0", '133', '65', 'M'),
      person('@SUM(A1)', '=HYPERLINK("http://x")', '-1e2'),
      person('-2', '\t5', '5'),
      person('\rCarriage'),
      person("'already quoted"),
    ]);
    expect(csv.split('\n')).toEqual([
      'name,weight,height,gender',
      "'=1+2,-2,+3,F",
      "'+cmd|' /C calc'!A0,133,65,M",
      `'@SUM(A1),"'=HYPERLINK(""http://x"")",-1e2,F`,
      `'-2,"'\t5",5,F`,
      '"\'\rCarriage",1,2,F',
      "'already quoted,1,2,F",
    ]);
  });

  it('neutralizes the header and label values of a mapped file too', () => {
    const labels = { x1: '=cost', x2: 'width', positive: '+1', negative: '-1' };
    expect(formatDatasetCsv([person('a', '1', '2', 'M')], { labels })).toBe(
      "name,'=cost,width,label\na,1,2,'-1",
    );
  });

  it('leaves no cell for a spreadsheet to run, for any text', () => {
    fc.assert(
      fc.property(textUpTo(40), (text) => {
        expect(neutralizeFormula(text)).not.toMatch(/^[=+\-@\t\r]/);
        expect(restoreFormula(neutralizeFormula(text))).toBe(text);
      }),
    );
  });
});

describe('Import CSV reads the app’s own escaping back', () => {
  it('a person named =1+2 survives the round trip, and a file’s own apostrophes stay', () => {
    const exported = formatDatasetCsv([person('=1+2', '-2'), person("''=x"), person("'hello")]);
    expect(peopleOf(parseDatasetCsv(exported)).people.map(visible)).toEqual([
      { name: '=1+2', weight: '-2', height: '2', gender: 'F' },
      { name: "''=x", weight: '1', height: '2', gender: 'F' },
      { name: "'hello", weight: '1', height: '2', gender: 'F' },
    ]);
  });

  it('any table exports and imports back to the same table, in lb/in, kg/cm or a file’s own names', () => {
    const table = fc.record({
      people: fc.array(anyPerson, { minLength: 1, maxLength: 20 }),
      units: fc.constantFrom<Units>('imperial', 'metric'),
      labels: fc.option(mappedLabels, { nil: null }),
    });
    fc.assert(
      fc.property(table, ({ people, units, labels }) => {
        const parsed = parseDatasetCsv(formatDatasetCsv(people, { units, labels }));
        const back =
          labels === null
            ? parsed
            : applyMapping(rawOf(parsed), { x1: 1, x2: 2, label: 3, positive: labels.positive, name: 0 });
        const result = peopleOf(back);
        expect(result.problems).toEqual([]);
        expect(result.people.map(visible)).toEqual(people.map(visible));
        if (labels === null) expect(result.units).toBe(units);
        const bothClasses = new Set(people.map((p) => p.gender)).size === 2;
        if (labels !== null && bothClasses) expect(result.labels).toEqual(labels);
      }),
    );
  });
});

describe('the delimiter of a file', () => {
  it('counts only delimiters outside quotes in the header line', () => {
    expect(detectDelimiter('name,"a;b;c;d",x,label\n1;2;3;4;5;6')).toBe(',');
    expect(detectDelimiter('"x,y,z";b;c\n1,2,3,4')).toBe(';');
    expect(detectDelimiter('"two\nline",b\tc\td\n')).toBe('\t');
    expect(detectDelimiter('a,b;c;d')).toBe(';');
    expect(detectDelimiter('a,b;c')).toBe(',');
  });
});

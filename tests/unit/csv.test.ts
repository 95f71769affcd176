import fc from 'fast-check';
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
import { MAX_CSV_BYTES, MAX_CSV_ROWS } from '../../src/core/csvLimits';
import { binaryFileProblem } from '../../src/core/csvRead';
import { ARTICLE_PEOPLE, MAX_CELL_LENGTH, MAX_NAME_LENGTH, type Person } from '../../src/core/dataset';

/** What survives a round trip: everything but the id. */
const visible = ({ name, weight, height, gender }: Person) => ({ name, weight, height, gender });

function imported(result: CsvParseResult) {
  if (result.kind !== 'people') throw new Error(`expected people, got ${JSON.stringify(result)}`);
  return { people: result.people.map(visible), problems: result.problems };
}

function needsMapping(result: CsvParseResult): RawTable {
  if (result.kind !== 'needs-mapping') throw new Error(`expected a mapping step, got ${result.kind}`);
  return result;
}

/** Any code point, lone surrogates included (fast-check's 'binary' unit takes seconds to set up). */
const anyChar = fc.integer({ min: 0, max: 0x10ffff }).map((code) => String.fromCodePoint(code));
// Text rich in what CSV must escape: commas, quotes, line breaks of every kind, BOMs, astral characters.
const tricky = fc.constantFrom(',', '"', '""', '\n', '\r', '\r\n', ' ', '\t', ';', '\uFEFF', 'é', '😀', '名');
const textUpTo = (max: number) =>
  fc
    .array(fc.oneof(tricky, fc.string({ unit: anyChar, maxLength: 6 })), { maxLength: 20 })
    .map((parts) => parts.join('').slice(0, max));
const padding = fc.constantFrom('', ' ', '  ', '\t', '\n', ' \r\n');
const numberText = fc.oneof(
  fc.integer({ min: 1, max: 1500 }).map(String),
  fc.double({ min: -2000, max: 2000, noNaN: true }).map(String),
  fc.constantFrom('1e2', '+.5', '7.', '-3', '0', '1E-3'),
);
const cellText = fc
  .tuple(padding, numberText, padding)
  .map(([before, number, after]) => `${before}${number}${after}`);
const gender = fc.constantFrom<'F' | 'M'>('F', 'M');
const person = (cell: fc.Arbitrary<string>) =>
  fc.record({ id: fc.constant('x'), name: textUpTo(MAX_NAME_LENGTH), weight: cell, height: cell, gender });

describe('export then import', () => {
  it('gives back the same people, cell text and genders, for any names and numeric cells', () => {
    fc.assert(
      fc.property(fc.array(person(cellText), { minLength: 1, maxLength: 25 }), (people) => {
        const result = imported(parseDatasetCsv(formatDatasetCsv(people)));
        expect(result.problems).toEqual([]);
        expect(result.people).toEqual(people.map(visible));
      }),
    );
  });

  it('keeps every other row exactly and lists each left-out row at the line where it starts', () => {
    const anyCell = fc.oneof(cellText, textUpTo(MAX_CELL_LENGTH));
    fc.assert(
      fc.property(fc.array(person(anyCell), { minLength: 1, maxLength: 25 }), (people) => {
        const result = imported(parseDatasetCsv(formatDatasetCsv(people)));
        const breaks = (text: string) => text.match(/\r\n|\r|\n/g)?.length ?? 0;
        let line = 2;
        let kept = 0;
        let listed = 0;
        for (const p of people) {
          const next = result.people[kept];
          if (next !== undefined && JSON.stringify(next) === JSON.stringify(visible(p))) kept += 1;
          else expect(result.problems[listed++]?.line).toBe(line);
          line += 1 + breaks(p.name) + breaks(p.weight) + breaks(p.height);
        }
        expect([kept, listed]).toEqual([result.people.length, result.problems.length]);
      }),
    );
  });

  it('writes the header name,weight,height,gender and quotes only what needs it', () => {
    const people = [
      ...ARTICLE_PEOPLE,
      { id: 'q', name: 'Smith, "Jo"', weight: '1', height: '2', gender: 'M' },
    ];
    expect(formatDatasetCsv(people as Person[])).toBe(
      'name,weight,height,gender\nAlice,133,65,F\nBob,160,72,M\nCharlie,152,70,M\nDiana,120,60,F\n' +
        '"Smith, ""Jo""",1,2,M',
    );
  });
});

describe('arbitrary text never throws past the reader', () => {
  it('parses or explains any string, and any mapping of a raw table', () => {
    const csvish = fc.array(fc.oneof(tricky, fc.constantFrom('a', '1', 'F', 'name', 'weight')), {
      maxLength: 60,
    });
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ unit: anyChar, maxLength: 200 }),
          csvish.map((parts) => parts.join('')),
        ),
        (text) => {
          const result = parseDatasetCsv(text);
          expect(['people', 'needs-mapping', 'error']).toContain(result.kind);
          if (result.kind === 'needs-mapping') applyMapping(result, suggestMapping(result));
        },
      ),
    );
  });
});

describe('reading a file', () => {
  it('recognizes headers in any case, with units, and "sex"; F/M/Female/Male/1/0 with 1 = Female', () => {
    const text = 'NAME,Weight (lb),Height (In),Sex\nA,133,65,female\nB,160,72,MALE\nC,152,70,0\nD,120,60,1\n';
    const { people, problems } = imported(parseDatasetCsv(text));
    expect(problems).toEqual([]);
    expect(people.map((p) => p.gender)).toEqual(['F', 'M', 'M', 'F']);
    expect(people[0]).toEqual({ name: 'A', weight: '133', height: '65', gender: 'F' });
  });

  it('lists rows with missing or non-numeric values by their line in the file, and leaves them out', () => {
    const text = [
      'name,weight,height,gender',
      'Alice,133,65,F',
      '"Two\nline name",,60,F', // line 3, spans lines 3-4
      'Bob,abc,72,M',
      '',
      'Cara,120,60,X',
      'Dee,120,60,F',
    ].join('\r\n');
    const { people, problems } = imported(parseDatasetCsv(text));
    expect(people.map((p) => p.name)).toEqual(['Alice', 'Dee']);
    expect(problems).toEqual([
      { line: 3, message: 'Weight is empty.' },
      { line: 5, message: 'Weight: “abc” is not a number.' },
      { line: 7, message: 'Gender “X” is not F, M, Female, Male, 1 (Female) or 0 (Male).' },
    ]);
  });

  it('counts blank lines before the header too, and cuts a long bad value short in its message', () => {
    const long = 'x'.repeat(1000);
    expect(imported(parseDatasetCsv(`\n\nname,weight,height,gender\nA,1,1,${long}`)).problems).toEqual([
      { line: 4, message: `Gender “${'x'.repeat(40)}…” is not F, M, Female, Male, 1 (Female) or 0 (Male).` },
    ]);
  });

  it('keeps numbers the table will flag (it explains them there), but never a name over the limit', () => {
    const long = 'n'.repeat(MAX_NAME_LENGTH + 1);
    const { people, problems } = imported(
      parseDatasetCsv(`name,weight,height,gender\nA,-5,999,F\n${long},1,1,M`),
    );
    expect(people).toEqual([{ name: 'A', weight: '-5', height: '999', gender: 'F' }]);
    expect(problems).toEqual([{ line: 3, message: `Name is longer than ${MAX_NAME_LENGTH} characters.` }]);
  });

  it('reads semicolon- and tab-separated files and skips a byte-order mark', () => {
    expect(imported(parseDatasetCsv('\uFEFFname;weight;height;gender\nA;1;2;M')).people).toHaveLength(1);
    expect(imported(parseDatasetCsv('weight\theight\tgender\n1\t2\tF')).people).toEqual([
      { name: '', weight: '1', height: '2', gender: 'F' },
    ]);
  });

  it.each([
    ['', 'The file is empty.'],
    ['name,weight,height,gender\n\n', 'The file has a header line but no data rows.'],
    [
      'a,b\n1,2',
      'The file has 2 columns; the lab needs at least three (two inputs and a label), separated by commas.',
    ],
  ])('explains a file it cannot use: %j', (text, message) => {
    expect(parseDatasetCsv(text)).toEqual({ kind: 'error', message });
  });

  it('tells a binary file (a spreadsheet, an image) from CSV text', () => {
    expect(binaryFileProblem('PK\u0003\u0004\0\0binary')).toBe(
      'The file is not CSV text (it holds binary data); save a spreadsheet as CSV first.',
    );
    expect(binaryFileProblem('name,weight,height,gender\nA,1,2,F')).toBeNull();
  });

  it('refuses text over 10 MB before parsing it, saying how big it is', () => {
    expect(parseDatasetCsv('x'.repeat(MAX_CSV_BYTES + 1))).toEqual({
      kind: 'error',
      message: 'The file is 10.1 MB; the lab reads files up to 10 MB.',
    });
    expect(parseDatasetCsv('x'.repeat(Math.round(12.3 * 1024 * 1024)), 'The pasted text')).toEqual({
      kind: 'error',
      message: 'The pasted text is 12.3 MB; the lab reads files up to 10 MB.',
    });
  });

  it('refuses more than 100,000 data rows', () => {
    const text = `name,weight,height,gender\n${'a,1,1,F\n'.repeat(MAX_CSV_ROWS + 1)}`;
    expect(parseDatasetCsv(text)).toEqual({
      kind: 'error',
      message: 'The file has 100,001 rows; the lab reads up to 100,000.',
    });
    expect(
      imported(parseDatasetCsv(`name,weight,height,gender\n${'a,1,1,F\n'.repeat(MAX_CSV_ROWS)}`)).people,
    ).toHaveLength(MAX_CSV_ROWS);
  });
});

describe('the mapping step for unknown headers', () => {
  const text = 'id,a,b,c,label\nr1,1,2,9,yes\nr2,3,x,9,no\nr3,5,6,9,\nr4,7,8,9,maybe';

  it('returns the raw table and a first guess: the first two numeric columns, the last other one', () => {
    const raw = needsMapping(parseDatasetCsv(text));
    expect(raw.headers).toEqual(['id', 'a', 'b', 'c', 'label']);
    expect(raw.lines).toEqual([2, 3, 4, 5]);
    expect(labelValues(raw, 4)).toEqual(['yes', 'no', 'maybe']);
    expect(suggestMapping(raw)).toEqual({ x1: 1, x2: 2, label: 4, positive: 'yes', name: null });
  });

  it('maps the chosen columns: the first input becomes weight, the chosen value means Female', () => {
    const raw = needsMapping(parseDatasetCsv(text));
    const result = applyMapping(raw, { x1: 1, x2: 2, label: 4, positive: 'maybe', name: 0 });
    expect(imported(result).people).toEqual([
      { name: 'r1', weight: '1', height: '2', gender: 'M' },
      { name: 'r4', weight: '7', height: '8', gender: 'F' },
    ]);
    expect(imported(result).problems).toEqual([
      { line: 3, message: 'Column “b”: “x” is not a number.' },
      { line: 4, message: 'Column “label” is empty.' },
    ]);
  });

  it('asks for three different columns', () => {
    const raw = needsMapping(parseDatasetCsv(text));
    expect(applyMapping(raw, { x1: 1, x2: 1, label: 4, positive: 'yes', name: null })).toEqual({
      kind: 'error',
      message: 'Pick three different columns: two inputs and a label.',
    });
  });
});

describe('units and column names in a file', () => {
  it('reads kg and cm headers as a metric table, cells as typed', () => {
    const result = parseDatasetCsv('Name,Weight (kg),Height (cm),Gender\nAna,54.4,152,F');
    expect(result.kind === 'people' && result.units).toBe('metric');
    expect(imported(result).people).toEqual([{ name: 'Ana', weight: '54.4', height: '152', gender: 'F' }]);
    expect(parseDatasetCsv('weight,height,gender\n120,60,F')).toMatchObject({
      units: 'imperial',
      labels: null,
    });
  });

  it('a file with kg and inches takes its heights into the weights’ units; a bad height stays as typed', () => {
    const result = parseDatasetCsv('weight (kg),height (in),gender\n60.3,65,F\n72.6,tall?,M');
    expect(result.kind === 'people' && result.units).toBe('metric');
    expect(imported(result).people.map((p) => p.height)).toEqual(['165']);
    expect(imported(result).problems).toEqual([{ line: 3, message: 'Height: “tall?” is not a number.' }]);
  });

  it('a mapped file names the inputs by its headers and the classes by its label values', () => {
    const raw = needsMapping(parseDatasetCsv('id,a,b,c,label\nr1,1,2,9,yes\nr2,3,4,9,no\nr3,5,6,9,maybe'));
    const twoValues = needsMapping(parseDatasetCsv('x,,label\n1,2,yes\n3,4,no'));
    const three = applyMapping(raw, { x1: 3, x2: 1, label: 4, positive: 'maybe', name: 0 });
    expect(three.kind === 'people' && three.labels).toEqual({
      x1: 'c',
      x2: 'a',
      positive: 'maybe',
      negative: 'not maybe',
    });
    const two = applyMapping(twoValues, { x1: 0, x2: 1, label: 2, positive: 'no', name: null });
    expect(two.kind === 'people' && two.labels).toEqual({
      x1: 'x',
      x2: 'Column 2',
      positive: 'no',
      negative: 'yes',
    });
  });

  it('export writes kg and cm headers, or a mapped file’s names and label values', () => {
    const people = [{ id: 'a', name: 'A', weight: '60.3', height: '165', gender: 'F' as const }];
    expect(formatDatasetCsv(people, { units: 'metric' })).toBe(
      'name,weight (kg),height (cm),gender\nA,60.3,165,F',
    );
    const labels = { x1: 'petal, length', x2: 'width', positive: 'setosa', negative: 'not setosa' };
    expect(formatDatasetCsv([{ ...people[0]!, gender: 'M' }], { labels })).toBe(
      'name,"petal, length",width,label\nA,60.3,165,not setosa',
    );
  });

  it('a metric export imports back exactly, in kg and cm, for any cells', () => {
    fc.assert(
      fc.property(fc.array(person(cellText), { minLength: 1, maxLength: 25 }), (people) => {
        const result = parseDatasetCsv(formatDatasetCsv(people, { units: 'metric' }));
        expect(result.kind === 'people' && result.units).toBe('metric');
        expect(imported(result).people).toEqual(people.map(visible));
      }),
    );
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDatasetCsv } from '../../src/core/csv';
import { countCsvRecords, csvRowsProblem, MAX_CSV_ROWS } from '../../src/core/csvLimits';
import { readCsv } from '../../src/core/csvRead';

/** The data rows the parser itself finds under a header `a<d>b<d>c` (never the lab's own). */
function parsedRows(text: string): number {
  const result = parseDatasetCsv(text);
  if (result.kind === 'needs-mapping') return result.rows.length;
  if (result.kind === 'error' && result.message.includes('no data rows')) return 0;
  throw new Error(`unexpected answer: ${JSON.stringify(result)}`);
}

/** `count` rows of about 7 characters each: a million make a 7 MB text. */
function rowsOf(count: number): string {
  const lines = ['w,h,gender'];
  for (let i = 0; i < count; i++) lines.push(`${10 + (i % 90)},${i % 10},${i % 2 ? 'F' : 'M'}`);
  return lines.join('\n');
}

describe('counting rows before parsing', () => {
  it.each([
    ['a,b,c\n1,2,3', 1],
    ['a,b,c\n1,2,3\n', 1],
    ['a,b,c\r\n1,2,3\r\n\r\n4,5,6\r', 2],
    ['a,b,c\n\n  \n,,\n" ",""\n1,2,3', 1],
    ['\uFEFFa,b,c\n1,2,3\n4,5,6', 2],
    ['a,b,c\n"line\none",2,3\n"x""\n",5,6', 2],
    ['a,b,c\n"unclosed\n1,2,3\n', 1],
    ["a,b,c\n'\t,\n'=1,2,3", 1],
    ['a;b;c\n1;2;3\n;;\n4;5;6', 2],
    ['a\tb\tc\n1\t2\t3', 1],
    ['a,b,c', 0],
    ['', 0],
  ])('%j has %i data rows, as the parser finds', (text, rows) => {
    expect(countCsvRecords(text).rows).toBe(rows);
    if (text !== '') expect(parsedRows(text)).toBe(rows);
  });

  it('agrees with the parser on random text: quotes, line ends, blank cells, BOMs, formula escapes', () => {
    const piece = fc.constantFrom(
      ',',
      ';',
      '\t',
      '"',
      '""',
      '\n',
      '\r',
      '\r\n',
      ' ',
      '\u00a0',
      '\uFEFF',
      "'",
      '=',
      'x',
      '1',
    );
    const body = fc.array(piece, { maxLength: 40 }).map((parts) => parts.join(''));
    const header = fc.constantFrom('a,b,c\n', 'a;b;c\n', 'a\tb\tc\n', '\uFEFFa,b,c\r\n');
    fc.assert(
      fc.property(header, body, (head, rest) => {
        expect(countCsvRecords(head + rest).rows).toBe(parsedRows(head + rest));
      }),
      { numRuns: 5_000 },
    );
  });

  it('counts every record the parser will read, for its progress', () => {
    expect(countCsvRecords('a,b,c\n1,2,3\n\n"4\n",5,6').records).toBe(4);
  });
});

describe('the limits apply before parsing', () => {
  it('refuses a 7 MB paste of 1,000,000 rows with the message a file gets, parsing nothing', () => {
    const text = rowsOf(1_000_000);
    expect(text.length).toBeGreaterThan(7_000_000);
    expect(text.length).toBeLessThan(8_000_000);
    const progress: number[] = [];
    const pasted = readCsv({ text }, 'The pasted text', (fraction) => progress.push(fraction));
    expect(pasted.result).toEqual({
      kind: 'error',
      message: 'The pasted text has 1,000,000 rows; the lab reads up to 100,000.',
    });
    expect(progress).toEqual([]); // the parser never started
    const file = readCsv({ bytes: new TextEncoder().encode(text) }, 'The file big.csv');
    expect(file.result).toEqual({ kind: 'error', message: csvRowsProblem(1_000_000, 'The file big.csv') });
  });

  it('refuses 100,001 rows and reads 100,000, with progress up to the last record', () => {
    expect(readCsv({ text: rowsOf(MAX_CSV_ROWS + 1) }, 'The pasted text').result).toEqual({
      kind: 'error',
      message: 'The pasted text has 100,001 rows; the lab reads up to 100,000.',
    });
    const progress: number[] = [];
    const { result } = readCsv({ text: rowsOf(MAX_CSV_ROWS) }, 'The pasted text', (f) => progress.push(f));
    expect(result.kind === 'needs-mapping' && result.rows.length).toBe(MAX_CSV_ROWS);
    expect(progress.length).toBeGreaterThan(10);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    expect(progress.at(-1)).toBeGreaterThan(0.95);
    expect(progress.at(-1)).toBeLessThanOrEqual(1);
  });

  it('refuses text over 10 MB from its length, as a file over 10 MB from its bytes', () => {
    const text = 'x'.repeat(11 * 1024 * 1024);
    expect(readCsv({ text }, 'The pasted text').result).toEqual({
      kind: 'error',
      message: 'The pasted text is 11.0 MB; the lab reads files up to 10 MB.',
    });
    expect(readCsv({ bytes: new Uint8Array(11 * 1024 * 1024) }, 'The file a.csv')).toEqual({
      result: { kind: 'error', message: 'The file a.csv is 11.0 MB; the lab reads files up to 10 MB.' },
      encoding: null,
    });
  });

  it('reads a file’s bytes and the same text pasted to the same people', () => {
    const text = 'name,weight,height,gender\nJosé,120,61,F\nLee,170,70,M';
    const visible = (result: ReturnType<typeof readCsv>['result']) =>
      result.kind === 'people' ? result.people.map(({ id: _id, ...person }) => person) : result;
    const pasted = readCsv({ text }, 'The pasted text');
    const file = readCsv({ bytes: new TextEncoder().encode(text) }, 'The file a.csv');
    expect(visible(file.result)).toEqual(visible(pasted.result));
    expect(visible(pasted.result)).toHaveLength(2);
    expect([pasted.encoding, file.encoding]).toEqual(['utf-8', 'utf-8']);
  });
});

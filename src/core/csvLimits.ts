/**
 * The import's limits (10 MB, 100,000 data rows), checked before a text is parsed: parsing a million
 * rows builds millions of strings, so a text over a limit is refused from its length and from one pass
 * over its characters that allocates nothing.
 */
import { detectDelimiter } from './csvCells';
import { formatCount } from './countText';

export const MAX_CSV_BYTES = 10 * 1024 * 1024;
export const MAX_CSV_ROWS = 100_000;

const MB = 1024 * 1024;

/** Null when `length` (characters or bytes) is within the cap; else the message to show. */
export function csvSizeProblem(length: number, what = 'The file'): string | null {
  if (length <= MAX_CSV_BYTES) return null;
  // Never "10.0 MB" for a file just over the cap: that would read as within it.
  const size = Math.max(Math.round((length / MB) * 10) / 10, MAX_CSV_BYTES / MB + 0.1);
  return `${what} is ${size.toFixed(1)} MB; the lab reads files up to ${MAX_CSV_BYTES / MB} MB.`;
}

/** Null when `rows` data rows are within the cap; else the message to show. */
export function csvRowsProblem(rows: number, what = 'The file'): string | null {
  if (rows <= MAX_CSV_ROWS) return null;
  const count = formatCount(rows);
  return `${what} has ${count} rows; the lab reads up to ${formatCount(MAX_CSV_ROWS)}.`;
}

const QUOTE = 34;
const NEWLINE = 10;
const RETURN = 13;
const TAB = 9;
const APOSTROPHE = 39;

/** The characters `String.prototype.trim` removes. */
function isTrimmed(code: number): boolean {
  return (
    (code >= 9 && code <= 13) ||
    code === 32 ||
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

/**
 * Whether the cell text[start, end) is blank as the importer reads it: only whitespace once the
 * export's formula escaping is taken off (`'` before a tab or carriage return is that escaping).
 */
function blankCell(text: string, start: number, end: number): boolean {
  let from = start;
  if (end - start >= 2 && text.charCodeAt(start) === APOSTROPHE) {
    const next = text.charCodeAt(start + 1);
    if (next === TAB || next === RETURN) from = start + 1;
  }
  for (let i = from; i < end; i++) if (!isTrimmed(text.charCodeAt(i))) return false;
  return true;
}

/**
 * Walks a text as d3-dsv's `parseRows` does (the same quote rules, `\n`, `\r` and `\r\n` line ends,
 * a final line end ignored) without building any cell: how many records the parser will yield, and
 * how many of them hold something (the header and the data rows).
 */
function walkRecords(text: string, delimiter: string): { records: number; filled: number } {
  const DELIMITER = delimiter.charCodeAt(0);
  let N = text.length;
  let I = 0;
  let eof = N <= 0;
  let records = 0;
  let filled = 0;
  if (text.charCodeAt(N - 1) === NEWLINE) --N;
  if (text.charCodeAt(N - 1) === RETURN) --N;

  while (!eof) {
    let blank = true;
    let eol = false;
    while (!eol && !eof) {
      const j = I;
      if (text.charCodeAt(j) === QUOTE) {
        // The parser's own loop: `""` inside quotes is one quote; the cell ends at a lone quote.
        while ((I++ < N && text.charCodeAt(I) !== QUOTE) || text.charCodeAt(++I) === QUOTE);
        const i = I;
        if (i >= N) eof = true;
        else {
          const c = text.charCodeAt(I++);
          if (c === NEWLINE) eol = true;
          else if (c === RETURN) {
            eol = true;
            if (text.charCodeAt(I) === NEWLINE) ++I;
          }
        }
        // The cell ends before its closing quote; an unclosed one runs to the end of the text.
        if (blank && !blankCell(text, j + 1, Math.min(i - 1, text.length))) blank = false;
        continue;
      }
      let end = N;
      while (I < N) {
        const i = I++;
        const c = text.charCodeAt(i);
        if (c === NEWLINE) eol = true;
        else if (c === RETURN) {
          eol = true;
          if (text.charCodeAt(I) === NEWLINE) ++I;
        } else if (c !== DELIMITER) continue;
        end = i;
        break;
      }
      if (!eol && end === N) eof = true;
      if (blank && !blankCell(text, j, end)) blank = false;
    }
    records += 1;
    if (!blank) filled += 1;
  }
  return { records, filled };
}

export interface CsvRecordCount {
  /** Every record the parser will read, the header and blank lines included: the measure of progress. */
  readonly records: number;
  /** Data rows, the count the row limit is about: records holding something, less the header. */
  readonly rows: number;
}

/** A text's records and data rows, counted the way the importer reads it (a leading BOM is not text). */
export function countCsvRecords(text: string): CsvRecordCount {
  const body = text.replace(/^\uFEFF/, '');
  const { records, filled } = walkRecords(body, detectDelimiter(body));
  return { records, rows: Math.max(0, filled - 1) };
}

/**
 * One import from start to answer, the same for a file's bytes and a pasted text: the limits first
 * (size, then data rows, counted without parsing), then the parser, which says how far it has got.
 */
import { parseDatasetCsv, type CsvParseResult } from './csv';
import { decodeCsvBytes, type CsvEncoding } from './csvDecoding';
import { countCsvRecords, csvRowsProblem, csvSizeProblem } from './csvLimits';

/** A file's bytes (decoded here) or text that is already a string (pasted, dropped). */
export type CsvSource = { readonly bytes: ArrayBuffer | Uint8Array } | { readonly text: string };

export interface CsvReading {
  readonly result: CsvParseResult;
  /** How the text was read (pasted text: 'utf-8'); null when it was refused unread (too big, binary). */
  readonly encoding: CsvEncoding | null;
}

/** Told the share of the text's records parsed so far, from 0 to 1. */
export type CsvReadProgress = (fraction: number) => void;

/**
 * A file's text that is binary data (a spreadsheet, an image) rather than CSV: text files have no NUL
 * characters. Only files are sniffed: the parser itself reads any text, so an export always imports.
 */
export function binaryFileProblem(text: string, what = 'The file'): string | null {
  if (!text.slice(0, 8192).includes('\0')) return null;
  return `${what} is not CSV text (it holds binary data); save a spreadsheet as CSV first.`;
}

function refused(message: string, encoding: CsvEncoding | null = null): CsvReading {
  return { result: { kind: 'error', message }, encoding };
}

/** Reads a source as the lab imports it; `what` names it in messages ("The file a.csv"). */
export function readCsv(source: CsvSource, what: string, onProgress?: CsvReadProgress): CsvReading {
  let text: string;
  let encoding: CsvEncoding = 'utf-8';
  if ('bytes' in source) {
    const tooBig = csvSizeProblem(source.bytes.byteLength, what);
    if (tooBig !== null) return refused(tooBig);
    ({ text, encoding } = decodeCsvBytes(source.bytes));
    const binary = binaryFileProblem(text, what);
    if (binary !== null) return refused(binary);
  } else {
    text = source.text;
  }
  const tooBig = csvSizeProblem(text.length, what);
  if (tooBig !== null) return refused(tooBig, encoding);
  const { records, rows } = countCsvRecords(text);
  const tooMany = csvRowsProblem(rows, what);
  if (tooMany !== null) return refused(tooMany, encoding);
  const progress = onProgress && ((read: number) => onProgress(read / records));
  return { result: parseDatasetCsv(text, what, progress), encoding };
}

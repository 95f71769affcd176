import { useCallback, useEffect, useRef, useState } from 'react';
import {
  applyMapping,
  type ColumnMapping,
  type CsvParseResult,
  type CsvProblem,
  type RawTable,
} from '../../core/csv';
import { fallbackEncodingNotice } from '../../core/csvDecoding';
import { csvSizeProblem } from '../../core/csvLimits';
import type { CsvReading, CsvSource } from '../../core/csvRead';
import type { Person } from '../../core/dataset';
import { measureOf, type Measure } from '../../core/units';
import { importDataset } from '../../store/dataActions';
import { tableFitsStorage } from '../../store/persistence';
import { startCsvRead } from '../../worker/csvReader';

/** What the panel's status region says after the last import or export. */
export type DataNotice =
  | { readonly kind: 'none' }
  | {
      readonly kind: 'imported';
      readonly count: number;
      readonly problems: readonly CsvProblem[];
      /**
       * The imported table and how its numbers read: NoticeView counts the rows the table marks (out
       * of range: kept, not trained on) in a deferred render, not in the import's own task.
       */
      readonly people: readonly Person[];
      readonly measure: Measure;
      /** The file's own columns were mapped: the lab now uses their names. */
      readonly mapped: boolean;
      /** Too big for the browser's storage: the table will not survive a reload. */
      readonly unsaved: boolean;
      /** Rows left out for a missing label (`NA`, `?`, empty…). */
      readonly missingLabels: number;
      /** What the two inputs are called: the file's column names, or weight and height. */
      readonly inputNames: readonly [string, string];
    }
  | { readonly kind: 'refused'; readonly message: string; readonly problems: readonly CsvProblem[] }
  /** An import being read off the page's thread; `fraction` of its lines so far, null until known. */
  | { readonly kind: 'reading'; readonly what: string; readonly fraction: number | null }
  | { readonly kind: 'mapping'; readonly raw: RawTable; readonly source: string }
  | { readonly kind: 'info'; readonly message: string };

const NONE: DataNotice = { kind: 'none' };

/**
 * Turns a reader's answer into a notice; people replace the table (one undo step, with the file's units
 * or column names), or nothing changes.
 */
function settle(result: CsvParseResult | ReturnType<typeof applyMapping>, source: string): DataNotice {
  if (result.kind === 'error') return { kind: 'refused', message: result.message, problems: [] };
  if (result.kind === 'needs-mapping') return { kind: 'mapping', raw: result, source };
  if (result.people.length === 0) {
    return {
      kind: 'refused',
      message: 'No row could be imported, so the table is unchanged.',
      problems: result.problems,
    };
  }
  importDataset(result.people, result.units, result.labels, result.sides);
  const measure = measureOf({ units: result.units, dataLabels: result.labels });
  const mapped = result.labels !== null;
  const unsaved = !tableFitsStorage(result.people);
  return {
    kind: 'imported',
    count: result.people.length,
    problems: result.problems,
    people: result.people,
    measure,
    mapped,
    unsaved,
    missingLabels: result.missingLabels,
    inputNames: result.labels ? [result.labels.x1, result.labels.x2] : ['weight', 'height'],
  };
}

/**
 * Import by file, drop or paste; the mapping step when the headers are unknown. Files and pasted text
 * take one path: checked against the limits, then parsed in a worker while the notice shows progress;
 * a newer import cancels one still being read. `encodingNote` says when the last file was not UTF-8
 * and was read as Windows-1252; any other notice clears it.
 */
export function useCsvImport() {
  const [notice, setPanelNotice] = useState<DataNotice>(NONE);
  const [encodingNote, setEncodingNote] = useState<string | null>(null);
  const cancelReading = useRef<(() => void) | null>(null);
  /** Bumped by every import: a file still being loaded into memory when a newer import starts is dropped. */
  const latestImport = useRef(0);

  const setNotice = useCallback((next: DataNotice, note: string | null = null) => {
    setPanelNotice(next);
    setEncodingNote(note);
  }, []);

  const read = useCallback(
    (source: CsvSource, what: string, name: string) => {
      cancelReading.current?.();
      const done = (next: DataNotice, note: string | null = null) => {
        cancelReading.current = null;
        setNotice(next, note);
      };
      setNotice({ kind: 'reading', what, fraction: null });
      cancelReading.current = startCsvRead(
        { source, what },
        {
          onProgress: (fraction) => setPanelNotice({ kind: 'reading', what, fraction }),
          onDone: ({ result, encoding }: CsvReading) =>
            done(settle(result, name), encoding === 'windows-1252' ? fallbackEncodingNotice(what) : null),
          onFailure: (message) =>
            done({ kind: 'refused', message: `${what} could not be read (${message}).`, problems: [] }),
        },
      );
    },
    [setNotice],
  );
  useEffect(() => () => cancelReading.current?.(), []);

  const importText = useCallback(
    (text: string, source: string) => {
      latestImport.current += 1;
      // The size is known without reading: a text over it is not even copied to the reader.
      const tooBig = csvSizeProblem(text.length, source);
      if (tooBig !== null) return setNotice({ kind: 'refused', message: tooBig, problems: [] });
      read({ text }, source, source);
    },
    [read, setNotice],
  );

  const importFile = useCallback(
    async (file: File) => {
      const what = `The file ${file.name}`;
      const thisImport = ++latestImport.current;
      const tooBig = csvSizeProblem(file.size, what);
      if (tooBig !== null) {
        setNotice({ kind: 'refused', message: tooBig, problems: [] });
        return;
      }
      let bytes: ArrayBuffer;
      try {
        bytes = await file.arrayBuffer();
      } catch {
        if (thisImport !== latestImport.current) return;
        setNotice({ kind: 'refused', message: `${what} could not be read.`, problems: [] });
        return;
      }
      if (thisImport === latestImport.current) read({ bytes }, what, file.name);
    },
    [read, setNotice],
  );

  // The mapping step belongs to the same file: its encoding note stays.
  const applyColumns = useCallback((raw: RawTable, mapping: ColumnMapping, source: string) => {
    setPanelNotice(settle(applyMapping(raw, mapping), source));
  }, []);

  const cancelMapping = useCallback(() => {
    setNotice({ kind: 'info', message: 'Import cancelled; the table is unchanged.' });
  }, [setNotice]);

  return { notice, encodingNote, setNotice, importText, importFile, applyColumns, cancelMapping };
}

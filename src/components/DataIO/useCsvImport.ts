import { useCallback, useState } from 'react';
import {
  applyMapping,
  binaryFileProblem,
  csvSizeProblem,
  parseDatasetCsv,
  type ColumnMapping,
  type CsvParseResult,
  type CsvProblem,
  type RawTable,
} from '../../core/csv';
import { decodeCsvBytes, fallbackEncodingNotice } from '../../core/csvDecoding';
import type { Person } from '../../core/dataset';
import { measureOf, type Measure } from '../../core/units';
import { importDataset } from '../../store/dataActions';
import { tableFitsStorage } from '../../store/persistence';

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
  importDataset(result.people, result.units, result.labels);
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
 * Import by file, drop or paste; the mapping step when the headers are unknown. `encodingNote` says
 * when the last file was not UTF-8 and was read as Windows-1252; any other notice clears it.
 */
export function useCsvImport() {
  const [notice, setPanelNotice] = useState<DataNotice>(NONE);
  const [encodingNote, setEncodingNote] = useState<string | null>(null);

  const setNotice = useCallback((next: DataNotice, note: string | null = null) => {
    setPanelNotice(next);
    setEncodingNote(note);
  }, []);

  const importText = useCallback(
    (text: string, source: string) => setNotice(settle(parseDatasetCsv(text, source), source)),
    [setNotice],
  );

  const importFile = useCallback(
    async (file: File) => {
      const what = `The file ${file.name}`;
      const tooBig = csvSizeProblem(file.size, what);
      if (tooBig !== null) {
        setNotice({ kind: 'refused', message: tooBig, problems: [] });
        return;
      }
      let bytes: ArrayBuffer;
      try {
        bytes = await file.arrayBuffer();
      } catch {
        setNotice({ kind: 'refused', message: `${what} could not be read.`, problems: [] });
        return;
      }
      const { text, encoding } = decodeCsvBytes(bytes);
      const binary = binaryFileProblem(text, what);
      if (binary !== null) return setNotice({ kind: 'refused', message: binary, problems: [] });
      const note = encoding === 'utf-8' ? null : fallbackEncodingNotice(what);
      setNotice(settle(parseDatasetCsv(text, what), file.name), note);
    },
    [setNotice],
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

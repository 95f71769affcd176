/**
 * The page's end of the CSV reader: starts one reading in its own worker (or in this thread where
 * there are no workers, as in jsdom) and hands back progress and the answer; a newer reading cancels
 * an older one by ending its worker.
 */
import { readCsv, type CsvReading, type CsvSource } from '../core/csvRead';

export interface CsvReaderRequest {
  readonly source: CsvSource;
  readonly what: string;
}

export type CsvReaderMessage =
  | { readonly type: 'progress'; readonly fraction: number }
  | { readonly type: 'done'; readonly reading: CsvReading };

export interface CsvReadHandlers {
  onProgress(fraction: number): void;
  onDone(reading: CsvReading): void;
  /** The worker could not load or threw: `message` is for people. */
  onFailure(message: string): void;
}

export function createCsvReaderWorker(): Worker {
  return new Worker(new URL('./csvReader.worker.ts', import.meta.url), { type: 'module', name: 'csv' });
}

/** Starts reading; the answer comes through `handlers` unless the returned cancel is called first. */
export function startCsvRead(
  request: CsvReaderRequest,
  handlers: CsvReadHandlers,
  createWorker: (() => Worker) | null = typeof Worker === 'undefined' ? null : createCsvReaderWorker,
): () => void {
  if (createWorker === null) {
    handlers.onDone(readCsv(request.source, request.what, (fraction) => handlers.onProgress(fraction)));
    return () => {};
  }
  const worker = createWorker();
  let settled = false;
  let cancelled = false;
  const finish = () => {
    settled = true;
    worker.terminate();
  };
  worker.onmessage = (event: MessageEvent<CsvReaderMessage>) => {
    if (settled) return;
    const message = event.data;
    if (message.type === 'progress') return handlers.onProgress(message.fraction);
    finish();
    // Taking in 100,000 rows is one task and the import that follows another, not one long one.
    setTimeout(() => {
      if (!cancelled) handlers.onDone(message.reading);
    });
  };
  const fail = (message: string) => {
    if (settled) return;
    finish();
    handlers.onFailure(message);
  };
  worker.onerror = (event: ErrorEvent) => {
    event.preventDefault();
    fail(event.message || 'the reader stopped unexpectedly');
  };
  worker.onmessageerror = () => fail('its answer could not be read');
  // A file's bytes move to the worker rather than being copied; the page does not need them again.
  const { source } = request;
  const transfer = 'bytes' in source && source.bytes instanceof ArrayBuffer ? [source.bytes] : [];
  worker.postMessage(request, transfer);
  return () => {
    cancelled = true;
    if (!settled) finish();
  };
}

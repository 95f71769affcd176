/// <reference lib="webworker" />
/**
 * The CSV reader: one import per worker, parsed off the page's thread, so a 10 MB file or paste never
 * stops the page. It posts its progress, then the answer, and is done.
 */
import { readCsv } from '../core/csvRead';
import type { CsvReaderMessage, CsvReaderRequest } from './csvReader';

const scope = self as unknown as DedicatedWorkerGlobalScope;
/** Progress is posted at most this often: the page repaints its bar, not every 4,096 rows. */
const PROGRESS_EVERY_MS = 50;

scope.onmessage = (event: MessageEvent<CsvReaderRequest>) => {
  const { source, what } = event.data;
  const post = (message: CsvReaderMessage) => scope.postMessage(message);
  let postedAt = -Infinity;
  const reading = readCsv(source, what, (fraction) => {
    const now = performance.now();
    if (now - postedAt < PROGRESS_EVERY_MS) return;
    postedAt = now;
    post({ type: 'progress', fraction });
  });
  post({ type: 'done', reading });
};

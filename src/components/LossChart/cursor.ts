import { formatCount, formatLoss } from '../format';
import { columnOf, type AccuracyReader, type HistoryReader } from './columns';
import type { IncrementalColumns } from './incrementalColumns';

/**
 * Reading values off the curve: which record sits under a pixel column, and where Left/Right/Home/End
 * take the cursor. Pure: everything it needs is passed in.
 */

/** A history that can find records by epoch (TrainingHistory satisfies it). */
export interface SearchableHistory extends HistoryReader {
  indexAtOrBefore(epoch: number): number;
}

/** What the cursor reads: the drawn columns, their x scale and the latest record. */
export type ColumnsView = Pick<IncrementalColumns, 'stable' | 'width' | 'x' | 'tailLoss' | 'tailColumn'>;

/** The lowest and highest loss drawn in column c (latest record included), or null when empty. */
export function columnRange(view: ColumnsView, column: number): [number, number] | null {
  let low = view.stable[2 * column];
  let high = view.stable[2 * column + 1];
  if (low === undefined || high === undefined) return null;
  if (column === view.tailColumn() && Number.isFinite(view.tailLoss)) {
    low = Math.min(low, view.tailLoss);
    high = Math.max(high, view.tailLoss);
  }
  return low <= high ? [low, high] : null;
}

/** The nearest column from `start` in `direction` (1 or -1), start included, that holds a record. */
export function filledColumnFrom(view: ColumnsView, start: number, direction: 1 | -1): number {
  for (let column = start; column >= 0 && column < view.width; column += direction) {
    if (columnRange(view, column) !== null) return column;
  }
  return -1;
}

/** The filled column nearest to `column` on either side (ties go left), or -1 if none. */
export function nearestFilledColumn(view: ColumnsView, column: number): number {
  const start = Math.min(Math.max(0, Math.round(column)), view.width - 1);
  for (let offset = 0; offset < view.width; offset++) {
    if (start - offset >= 0 && columnRange(view, start - offset) !== null) return start - offset;
    if (start + offset < view.width && columnRange(view, start + offset) !== null) return start + offset;
  }
  return -1;
}

/** The latest record whose epoch falls in `column`, or -1. */
export function recordInColumn(history: SearchableHistory, view: ColumnsView, column: number): number {
  let index = history.indexAtOrBefore(view.x.invert(column + 1));
  // invert() is float maths: step back over a record that rounds into the next column.
  while (index >= 0 && columnOf(view.x, history.epochAt(index), view.width) > column) index--;
  if (index < 0 || columnOf(view.x, history.epochAt(index), view.width) !== column) return -1;
  return index;
}

export type CursorKey = 'ArrowLeft' | 'ArrowRight' | 'Home' | 'End';

export function isCursorKey(key: string): key is CursorKey {
  return key === 'ArrowLeft' || key === 'ArrowRight' || key === 'Home' || key === 'End';
}

/**
 * The record a key moves the cursor to: Left/Right go one filled pixel column (10 with Shift), so a
 * short run steps record by record and a long one pixel by pixel; Home and End go to the first and the
 * latest record. With no cursor yet, Left/Right start from the latest record.
 */
export function moveCursor(
  history: SearchableHistory,
  view: ColumnsView,
  cursorIndex: number | null,
  key: CursorKey,
  shift: boolean,
): number {
  const last = history.length - 1;
  if (last < 0) return -1;
  if (key === 'Home') return 0;
  if (key === 'End' || cursorIndex === null) return last;
  const current = columnOf(view.x, history.epochAt(cursorIndex), view.width);
  const direction = key === 'ArrowRight' ? 1 : -1;
  const step = shift ? 10 : 1;
  const target = Math.min(Math.max(current + direction * step, 0), view.width - 1);
  if (target === current) return direction === 1 ? last : 0;
  const column = filledColumnFrom(view, target, direction);
  if (column === -1) return direction === 1 ? last : 0;
  const index = recordInColumn(history, view, column);
  return index === -1 ? cursorIndex : index;
}

const SPREAD_WORTH_NAMING = 1.1;

/** `75 %` (the Training status writes accuracy the same way); `—` where it is not known. */
export function formatAccuracy(accuracy: number): string {
  return Number.isFinite(accuracy) ? `${Math.round(accuracy * 100)} %` : '—';
}

/**
 * `Epoch 1,234 · Loss 0.00239`, plus the column's spread when the pixel hides a range of losses, plus
 * `· Accuracy 75 %` when the accuracy series is shown.
 */
export function describeRecord(
  history: SearchableHistory & AccuracyReader,
  view: ColumnsView,
  index: number,
  withAccuracy = false,
): string {
  const epoch = history.epochAt(index);
  let text = `Epoch ${formatCount(epoch)} · Loss ${formatLoss(history.lossAt(index))}`;
  const range = columnRange(view, columnOf(view.x, epoch, view.width));
  // Name the pixel's spread only when it hides something (a spike, a steep fall), not float noise.
  if (range !== null && range[1] > range[0] * SPREAD_WORTH_NAMING) {
    text += ` (${formatLoss(range[0])} to ${formatLoss(range[1])} within this pixel)`;
  }
  const testLoss = history.testLossAt?.(index) ?? Number.NaN;
  if (Number.isFinite(testLoss)) text += ` · Test loss ${formatLoss(testLoss)}`;
  return withAccuracy ? `${text} · Accuracy ${formatAccuracy(history.accuracyAt(index))}` : text;
}

/**
 * Min/max per pixel column: how the loss curve draws a history of any length in at most `width`
 * vertical strokes without losing a spike. Pure: no DOM, no React, no store.
 *
 * Layout of a column buffer: `columns[2c]` is the smallest and `columns[2c + 1]` the largest finite
 * loss of the records whose epoch falls in pixel column c. An empty column holds (+Infinity, -Infinity),
 * so folding a record in is two comparisons and an empty column is recognised by min > max.
 */

import type { RecordBlock } from '../../store/historyChunks';

/** What the chart reads from a training history (TrainingHistory satisfies it). */
export interface HistoryReader {
  readonly length: number;
  epochAt(index: number): number;
  lossAt(index: number): number;
}

/**
 * A history that also knows each record's accuracy, and its test loss (NaN where unknown), and reads
 * them a block of records at a time (TrainingHistory.readRecords) for the folds that go through all.
 */
export interface AccuracyReader extends HistoryReader {
  accuracyAt(index: number): number;
  testLossAt?(index: number): number;
  readRecords(from: number, n: number, block: RecordBlock): void;
}

/** The epoch axis: a linear scale (d3's scaleLinear) from epochs to pixels 0..width. */
export interface EpochScale {
  (epoch: number): number;
  domain(): number[];
  range(): number[];
}

/** A buffer of `width` empty columns. */
export function createColumns(width: number): Float64Array<ArrayBuffer> {
  const columns = new Float64Array(2 * width);
  clearColumns(columns);
  return columns;
}

/** Empties every column in place (reuses the buffer). */
export function clearColumns(columns: Float64Array): void {
  for (let i = 0; i < columns.length; i += 2) {
    columns[i] = Number.POSITIVE_INFINITY;
    columns[i + 1] = Number.NEGATIVE_INFINITY;
  }
}

/**
 * The scale as offset + factor. The fold runs once per record (up to the history's cap, 65,536, on a recompute), and this
 * plain multiply is several times cheaper than calling the d3 scale; every column decision uses it,
 * so the cursor and the fold always agree on where a record falls.
 */
interface Affine {
  readonly epoch0: number;
  readonly pixel0: number;
  readonly factor: number;
}

function affineOf(x: EpochScale): Affine {
  const [epoch0 = 0, epoch1 = 1] = x.domain();
  const [pixel0 = 0, pixel1 = 1] = x.range();
  return { epoch0, pixel0, factor: (pixel1 - pixel0) / (epoch1 - epoch0) };
}

function columnAt(affine: Affine, epoch: number, width: number): number {
  const column = Math.floor(affine.pixel0 + (epoch - affine.epoch0) * affine.factor);
  if (!(column > 0)) return 0; // also NaN
  return column >= width ? width - 1 : column;
}

/** The pixel column an epoch falls in, clamped to 0..width-1 (the domain end maps to the last one). */
export function columnOf(x: EpochScale, epoch: number, width: number): number {
  return columnAt(affineOf(x), epoch, width);
}

/**
 * Folds records [from, to) into `columns` (width = columns.length / 2). Non-finite losses (a diverged
 * run) are skipped: they cannot be drawn, and the status line reports them.
 */
export function foldColumns(
  history: HistoryReader,
  from: number,
  to: number,
  x: EpochScale,
  columns: Float64Array,
): void {
  const width = columns.length / 2;
  const affine = affineOf(x);
  for (let i = from; i < to; i++) {
    const loss = history.lossAt(i);
    if (!Number.isFinite(loss)) continue;
    foldValue(columns, 2 * columnAt(affine, history.epochAt(i), width), loss);
  }
}

/** Records read per block by foldLossAndAccuracy: 32 kB of scratch, allocated once. */
const BLOCK = 1024;
let scratch: RecordBlock | null = null;

/**
 * Folds records [from, to) into the loss, the accuracy and (given `testLosses`) the test loss columns in
 * one pass (one column lookup per record), reading the history a block at a time. Each series skips its
 * own unknown values: an epoch without an accuracy still has a loss, and a run without test rows leaves
 * the test columns empty.
 */
export function foldLossAndAccuracy(
  history: AccuracyReader,
  from: number,
  to: number,
  x: EpochScale,
  losses: Float64Array,
  accuracies: Float64Array,
  testLosses: Float64Array | null = null,
): void {
  const width = losses.length / 2;
  const affine = affineOf(x);
  const block = (scratch ??= {
    epochs: new Float64Array(BLOCK),
    losses: new Float64Array(BLOCK),
    accuracies: new Float64Array(BLOCK),
    testLosses: new Float64Array(BLOCK),
  });
  for (let start = from; start < to; start += BLOCK) {
    const n = Math.min(BLOCK, to - start);
    history.readRecords(start, n, block);
    for (let k = 0; k < n; k++) {
      const at = 2 * columnAt(affine, block.epochs[k]!, width);
      const loss = block.losses[k]!;
      if (Number.isFinite(loss)) foldValue(losses, at, loss);
      const accuracy = block.accuracies[k]!;
      if (Number.isFinite(accuracy)) foldValue(accuracies, at, accuracy);
      const testLoss = block.testLosses[k]!;
      if (testLosses !== null && Number.isFinite(testLoss)) foldValue(testLosses, at, testLoss);
    }
  }
}

function foldValue(columns: Float64Array, at: number, value: number): void {
  if (value < columns[at]!) columns[at] = value;
  if (value > columns[at + 1]!) columns[at + 1] = value;
}

/** The columns of the whole history, computed from scratch. */
export function computeColumns(
  history: HistoryReader,
  x: EpochScale,
  width: number,
): Float64Array<ArrayBuffer> {
  const columns = createColumns(width);
  foldColumns(history, 0, history.length, x, columns);
  return columns;
}

/** Smallest loss, smallest positive loss (for a log axis) and largest loss over all columns. */
export interface LossExtent {
  min: number;
  minPositive: number;
  max: number;
}

/** Folds the columns' range into `extent` (start from emptyExtent()). O(width). */
export function extendExtent(extent: LossExtent, columns: Float64Array): LossExtent {
  for (let i = 0; i < columns.length; i += 2) {
    const low = columns[i]!;
    const high = columns[i + 1]!;
    if (low > high) continue;
    extendExtentBy(extent, low);
    extendExtentBy(extent, high);
  }
  return extent;
}

export function extendExtentBy(extent: LossExtent, loss: number): void {
  if (!Number.isFinite(loss)) return;
  if (loss < extent.min) extent.min = loss;
  if (loss > extent.max) extent.max = loss;
  if (loss > 0 && loss < extent.minPositive) extent.minPositive = loss;
}

export function emptyExtent(): LossExtent {
  return {
    min: Number.POSITIVE_INFINITY,
    minPositive: Number.POSITIVE_INFINITY,
    max: Number.NEGATIVE_INFINITY,
  };
}

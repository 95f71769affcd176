/**
 * The history's storage: fixed-size chunks of records (epoch, loss, accuracy, test loss, test accuracy,
 * parameters) in typed arrays, and the few ways records are copied into them. See history.ts for what is
 * kept and why.
 */
export interface Chunk {
  readonly epochs: Float64Array;
  readonly losses: Float64Array;
  readonly accuracies: Float64Array;
  readonly testLosses: Float64Array;
  readonly testAccuracies: Float64Array;
  readonly params: Float64Array;
}

/** One frame's epochs as appended: the columns a missing one (null) reads NaN for. */
export interface BatchColumns {
  readonly losses: Float64Array;
  readonly params: Float64Array;
  readonly accuracies: Float64Array | null;
  readonly testLosses: Float64Array | null;
  readonly testAccuracies: Float64Array | null;
}

/**
 * Where record `index` lives when the cap is 2**bits: its bits rotated left by `rotation` (0: the plain
 * layout, record i in slot i). See history.ts for why thinning rotates instead of moving records.
 */
export function rotatedSlot(index: number, rotation: number, bits: number): number {
  if (rotation === 0) return index;
  return ((index << rotation) | (index >>> (bits - rotation))) & ((1 << bits) - 1);
}

/** Columns of consecutive records as `readRecordBlock` fills them (each at least as long as the block). */
export interface RecordBlock {
  readonly epochs: Float64Array;
  readonly losses: Float64Array;
  readonly accuracies: Float64Array;
  readonly testLosses: Float64Array;
}

/**
 * Copies the epoch, loss, accuracy and test loss of records from..from+n-1 into block[0..n): one slot
 * lookup per record, in one loop, for a reader that goes through thousands of them (the loss curve's
 * fold took three times as long through the checked per-column accessors).
 */
export function readRecordBlock(
  chunks: readonly Chunk[],
  size: number,
  rotation: number,
  bits: number,
  from: number,
  n: number,
  block: RecordBlock,
): void {
  const { epochs, losses, accuracies, testLosses } = block;
  const room = Math.min(epochs.length, losses.length, accuracies.length, testLosses.length);
  if (n > room) throw new RangeError(`A block of ${room} records cannot hold ${n}`);
  for (let k = 0; k < n; k++) {
    const slot = rotatedSlot(from + k, rotation, bits);
    const chunk = chunks[(slot / size) | 0]!;
    const o = slot % size;
    epochs[k] = chunk.epochs[o]!;
    losses[k] = chunk.losses[o]!;
    accuracies[k] = chunk.accuracies[o]!;
    testLosses[k] = chunk.testLosses[o]!;
  }
}

export function newChunk(size: number, P: number): Chunk {
  return {
    epochs: new Float64Array(size),
    losses: new Float64Array(size),
    accuracies: new Float64Array(size),
    testLosses: new Float64Array(size),
    testAccuracies: new Float64Array(size),
    params: new Float64Array(size * P),
  };
}

/** Copies the record in slot `fromSlot` to slot `toSlot`, slots counted across chunks of `size` records. */
export function copyRecord(
  chunks: readonly Chunk[],
  fromSlot: number,
  toSlot: number,
  size: number,
  P: number,
): void {
  const source = chunks[(fromSlot / size) | 0]!;
  const target = chunks[(toSlot / size) | 0]!;
  const from = fromSlot % size;
  const to = toSlot % size;
  target.epochs[to] = source.epochs[from]!;
  target.losses[to] = source.losses[from]!;
  target.accuracies[to] = source.accuracies[from]!;
  target.testLosses[to] = source.testLosses[from]!;
  target.testAccuracies[to] = source.testAccuracies[from]!;
  for (let k = 0; k < P; k++) target.params[to * P + k] = source.params[from * P + k]!;
}

/** Batch offset `i` (epoch `epoch`) into record `o` of the chunk; a missing column reads NaN. */
export function writeRecord(
  chunk: Chunk,
  o: number,
  epoch: number,
  batch: BatchColumns,
  i: number,
  P: number,
): void {
  const { losses, params, accuracies, testLosses, testAccuracies } = batch;
  chunk.epochs[o] = epoch;
  chunk.losses[o] = losses[i]!;
  chunk.accuracies[o] = accuracies ? accuracies[i]! : Number.NaN;
  chunk.testLosses[o] = testLosses ? testLosses[i]! : Number.NaN;
  chunk.testAccuracies[o] = testAccuracies ? testAccuracies[i]! : Number.NaN;
  for (let k = 0; k < P; k++) chunk.params[o * P + k] = params[i * P + k]!;
}

function copyColumn(
  target: Float64Array,
  source: Float64Array | null,
  i: number,
  n: number,
  o: number,
): void {
  if (source) target.set(source.subarray(i, i + n), o);
  else target.fill(Number.NaN, o, o + n);
}

/**
 * Batch offsets i..i+n-1 (epochs from `epoch`) into records o..o+n-1 of the chunk, with typed-array
 * copies: record by record, a 30,000-epoch batch at stride 1 took about 11 ms (Node).
 */
export function writeRecords(
  chunk: Chunk,
  o: number,
  n: number,
  epoch: number,
  batch: BatchColumns,
  i: number,
  P: number,
): void {
  for (let j = 0; j < n; j++) chunk.epochs[o + j] = epoch + j;
  copyColumn(chunk.losses, batch.losses, i, n, o);
  copyColumn(chunk.accuracies, batch.accuracies, i, n, o);
  copyColumn(chunk.testLosses, batch.testLosses, i, n, o);
  copyColumn(chunk.testAccuracies, batch.testAccuracies, i, n, o);
  chunk.params.set(batch.params.subarray(i * P, (i + n) * P), o * P);
}

/**
 * offset mod stride, for a non-negative offset and a power-of-two stride. Dividing by a power of two is
 * exact, and far cheaper than `%` on doubles (a call to fmod), which shows at a full history's worth of records a frame.
 */
export function remainder(offset: number, stride: number): number {
  return offset - Math.floor(offset / stride) * stride;
}

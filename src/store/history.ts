/**
 * The per-epoch record of a training run (epoch, loss, accuracy, test loss and accuracy, the parameters), in flat memory however
 * long the run. Pure TypeScript: no React, no DOM, no store.
 * - Records live in fixed-size typed-array chunks, so appending never copies what is stored (a single
 *   growing array would copy everything on each resize: a long pause mid-training).
 * - It thins itself: only epochs on a power-of-two stride (counted from the first epoch) are kept; when
 *   the cap is reached every other record goes and the stride doubles, so the chart always sees the
 *   whole run, evenly sampled. The latest epoch is always kept too, so chart and status agree.
 * - Thinning moves no record when the cap is a power of two and the records are evenly spaced (an
 *   unbroken run): record i lives in slot rotl(i, r), its index rotated left by r bits, and each halving
 *   just adds one to r. Record 2i keeps its slot as the new record i, and the dropped odd records' slots
 *   take the next half's new records. Moving the kept half instead took 100-440 ms in one frame at 4x CPU.
 *   Other caps, and records left unevenly spaced by a gap or `truncateAfter`, are compacted in place.
 */

/** Parameters per record of the article's 2-2-1 network, in its order: w1..w6, b1..b3. */
export const HISTORY_PARAM_COUNT = 9;

import {
  copyRecord,
  newChunk,
  readRecordBlock,
  remainder,
  rotatedSlot,
  writeRecord,
  writeRecords,
  type BatchColumns,
  type Chunk,
  type RecordBlock,
} from './historyChunks';
import { indexAtOrBefore, nearestIndex } from './historySearch';
import { checkBatch, checkCap, checkChunkSize, checkParamCount, type HistoryOptions } from './historyChecks';

export type { HistoryOptions } from './historyChecks';

const DEFAULT_CAP = 2 ** 18;
const DEFAULT_CHUNK_SIZE = 4096;

export class TrainingHistory {
  private readonly cap: number;
  private readonly chunkSize: number;
  /** Parameters per record: one network size per run. */
  private P: number;
  private chunks: Chunk[] = [];
  /**
   * Chunks emptied by thinning or `clear`, kept for reuse: fresh typed-array memory costs a page fault
   * per 4 kB on first write (about 33 ms per 2**18 records here), reused memory does not.
   * Never more than the cap's worth of chunks in all.
   */
  private spare: Chunk[] = [];
  private count = 0;
  private currentStride = 1;
  /** Bits in a record index when the cap is a power of two, else 0: no rotated layout. */
  private readonly indexBits: number;
  /** Record i lives in slot rotl(i, rotation) of indexBits bits; 0 is the plain layout. */
  private rotation = 0;
  private moves = 0;
  /** Thinning counts from the first epoch appended since the history was empty, so that one is kept. */
  private origin = 0;
  private changes = 0;

  constructor(options: HistoryOptions = {}) {
    const cap = options.cap ?? DEFAULT_CAP;
    const chunkSize = options.chunkSize ?? DEFAULT_CHUNK_SIZE;
    this.cap = checkCap(cap);
    this.chunkSize = checkChunkSize(chunkSize);
    this.indexBits = (cap & (cap - 1)) === 0 ? Math.log2(cap) : 0;
    this.P = checkParamCount(options.paramsPerRecord ?? HISTORY_PARAM_COUNT);
  }

  get length(): number {
    return this.count;
  }

  get stride(): number {
    return this.currentStride;
  }

  /** The epoch thinning counts from: the history keeps epochs `stride` apart from it (and the latest). */
  get strideOrigin(): number {
    return this.origin;
  }

  get version(): number {
    return this.changes;
  }

  /** Records thinning has copied from one slot to another since this history was made: its work. */
  get recordsMoved(): number {
    return this.moves;
  }

  get paramsPerRecord(): number {
    return this.P;
  }

  /** Memory held: the chunks in use and those kept for reuse (never more than the cap's worth). */
  get byteLength(): number {
    // Per record: epoch, loss, accuracy, test loss, test accuracy and the parameters.
    const values = 5 + this.P;
    const chunks = this.chunks.length + this.spare.length;
    return chunks * this.chunkSize * values * Float64Array.BYTES_PER_ELEMENT;
  }

  /**
   * Appends epochs firstEpoch..firstEpoch+count-1 (params flat, `paramsPerRecord` each; accuracies and
   * the test columns optional: NaN where not given); copies: the caller recycles the buffers.
   */
  appendBatch(
    firstEpoch: number,
    count: number,
    losses: Float64Array,
    params: Float64Array,
    accuracies: Float64Array | null = null,
    test: { readonly losses: Float64Array; readonly accuracies: Float64Array } | null = null,
    epochs: Float64Array | null = null,
  ): void {
    const batch: BatchColumns = {
      losses,
      params,
      accuracies,
      testLosses: test?.losses ?? null,
      testAccuracies: test?.accuracies ?? null,
    };
    checkBatch(firstEpoch, count, batch, this.P, this.lastEpoch(), epochs);
    if (count === 0) return;
    if (this.count === 0) this.origin = firstEpoch;
    if (epochs) return this.appendThinned(epochs, count, batch);
    const last = count - 1;
    this.makeRoom(); // a tail kept only for being the latest goes before anything newer is written
    // Jump from kept epoch to kept epoch: at stride 64 a 30,000-epoch batch is ~470 writes, not 30,000;
    // at stride 1 (until the history first fills up) whole runs of records are copied at once.
    let i = this.alignUp(firstEpoch, 0);
    while (i < last) {
      if (this.count >= this.cap) {
        this.makeRoom();
        i = this.alignUp(firstEpoch, i); // the stride doubled: on to the next epoch still kept
      } else if (this.currentStride === 1 && this.rotation === 0) {
        i += this.writeRun(firstEpoch, batch, i, last);
      } else {
        this.write(firstEpoch + i, batch, i);
        i += this.currentStride;
      }
    }
    // The batch's last epoch is the latest: always stored, on the stride or not.
    this.makeRoom();
    this.write(firstEpoch + last, batch, last);
    this.changes++;
  }

  /**
   * appendBatch for a batch the worker thinned to what this history keeps (KeepRule): record i is epoch
   * epochs[i]. What it keeps is what the whole batch would have left.
   */
  private appendThinned(epochs: Float64Array, count: number, batch: BatchColumns): void {
    this.makeRoom();
    for (let i = 0; i < count - 1; i++) {
      const epoch = epochs[i]!;
      if (!this.conforms(epoch)) continue;
      if (this.count >= this.cap && this.makeRoom() && !this.conforms(epoch)) continue;
      this.write(epoch, batch, i);
    }
    this.makeRoom();
    this.write(epochs[count - 1]!, batch, count - 1);
    this.changes++;
  }

  /** Empties the history; a new run may record another number of parameters per epoch. */
  clear(paramsPerRecord = this.P): void {
    if (checkParamCount(paramsPerRecord) !== this.P) this.spare = [];
    else this.spare.push(...this.chunks);
    this.P = paramsPerRecord;
    this.chunks = [];
    this.count = 0;
    this.currentStride = 1;
    this.rotation = 0;
    this.origin = 0;
    this.changes++;
  }

  epochAt(index: number): number {
    return this.chunkAt(index).epochs[this.slot(index) % this.chunkSize]!;
  }

  lossAt(index: number): number {
    return this.chunkAt(index).losses[this.slot(index) % this.chunkSize]!;
  }

  /** The share of rows on the right side of 0.5 after that epoch; NaN where it is not known. */
  accuracyAt(index: number): number {
    return this.chunkAt(index).accuracies[this.slot(index) % this.chunkSize]!;
  }

  /** The loss over the test rows after that epoch; NaN where the run had none. */
  testLossAt(index: number): number {
    return this.chunkAt(index).testLosses[this.slot(index) % this.chunkSize]!;
  }

  /** The share of test rows on the right side of 0.5 after that epoch; NaN where the run had none. */
  testAccuracyAt(index: number): number {
    return this.chunkAt(index).testAccuracies[this.slot(index) % this.chunkSize]!;
  }

  /**
   * Epoch, loss, accuracy and test loss of records from..from+n-1 into block[0..n), in one pass; a
   * RangeError, writing nothing, for records out of range or a block too short.
   */
  readRecords(from: number, n: number, block: RecordBlock): void {
    if (n <= 0) return;
    this.chunkAt(from); // range checks, as the accessors make them
    this.chunkAt(from + n - 1);
    readRecordBlock(this.chunks, this.chunkSize, this.rotation, this.indexBits, from, n, block);
  }

  paramAt(index: number, param: number): number {
    const P = this.P;
    if (!Number.isInteger(param) || param < 0 || param >= P) {
      throw new RangeError(`Parameter index must be 0..${P - 1}; got ${param}`);
    }
    return this.chunkAt(index).params[(this.slot(index) % this.chunkSize) * P + param]!;
  }

  /** Copies the `paramsPerRecord` parameters of a record into out and returns out. */
  paramsAt(index: number, out: Float64Array): Float64Array {
    const P = this.P;
    const chunk = this.chunkAt(index);
    const from = (this.slot(index) % this.chunkSize) * P;
    // Plain loops here and below rather than set(subarray()): no view object allocated per record.
    for (let k = 0; k < P; k++) out[k] = chunk.params[from + k]!;
    return out;
  }

  /** The latest epoch appended (always the last record), or -1 when empty. */
  lastEpoch(): number {
    return this.count === 0 ? -1 : this.rawEpoch(this.count - 1);
  }

  /** Index of the kept record with the greatest epoch <= epoch, or -1. */
  indexAtOrBefore(epoch: number): number {
    return indexAtOrBefore(this.count, this.epochOf, epoch);
  }

  /** Index of the kept record whose epoch is closest to epoch (ties: the earlier), or -1. */
  nearestIndex(epoch: number): number {
    return nearestIndex(this.count, this.epochOf, epoch);
  }

  /**
   * Drops every record with epoch > epoch (used to branch a run from the past). The next append must
   * then follow the new lastEpoch(), or start anywhere if nothing is left.
   */
  truncateAfter(epoch: number): void {
    if (Number.isNaN(epoch)) throw new RangeError('truncateAfter needs an epoch; got NaN');
    const keep = this.indexAtOrBefore(epoch) + 1;
    if (keep === this.count) return;
    this.count = keep;
    if (keep === 0) {
      this.currentStride = 1;
      this.rotation = 0;
    } else {
      // The records left were thinned for a longer run. Go back to about the stride a fresh run this
      // long would have, so the new branch is recorded in detail. Every record left conforms to the old
      // power-of-two stride, hence to any smaller one: the thinning rule still holds.
      const span = this.rawEpoch(keep - 1) - this.origin;
      let stride = 1;
      while (stride < this.currentStride && span >= stride * (this.cap / 2)) stride *= 2;
      this.currentStride = stride;
    }
    this.releaseUnusedChunks();
    this.changes++;
  }

  private conforms(epoch: number): boolean {
    return remainder(epoch - this.origin, this.currentStride) === 0;
  }

  /** The smallest batch offset >= from whose epoch is on the stride. */
  private alignUp(firstEpoch: number, from: number): number {
    const rest = remainder(firstEpoch + from - this.origin, this.currentStride);
    return rest === 0 ? from : from + this.currentStride - rest;
  }

  /**
   * Makes room for a newer record: drops a tail that was kept only for being the latest, then compacts
   * while full. Returns whether the stride changed.
   */
  private makeRoom(): boolean {
    if (this.count > 0 && !this.conforms(this.rawEpoch(this.count - 1))) this.count--;
    let compacted = false;
    while (this.count >= this.cap) {
      this.compact();
      compacted = true;
    }
    return compacted;
  }

  /**
   * Doubles the stride and keeps only the records on it. Called just before a newer record is written,
   * which becomes the latest, so the current tail gets no special treatment. A full, evenly spaced
   * history keeps exactly its even records: one more bit of rotation, nothing moved.
   */
  private compact(): void {
    const doubled = this.currentStride * 2;
    if (this.indexBits > 0 && this.count === this.cap && this.evenlySpaced()) {
      this.rotation = (this.rotation + 1) % this.indexBits;
      this.currentStride = doubled;
      this.count = this.cap / 2;
      return;
    }
    // Otherwise in place, in record order: O(count), once per ~cap/2 records kept.
    let kept = 0;
    for (let i = 0; i < this.count; i++) {
      if (remainder(this.rawEpoch(i) - this.origin, doubled) !== 0) continue;
      if (kept !== i) {
        copyRecord(this.chunks, this.slot(i), this.slot(kept), this.chunkSize, this.P);
        this.moves++;
      }
      kept++;
    }
    this.currentStride = doubled;
    this.count = kept;
    this.releaseUnusedChunks();
  }

  /**
   * Whether the records are the epochs origin, origin + stride, origin + 2 stride, ...: they all lie on
   * the stride and increase, so only an unbroken run spans exactly (count - 1) strides.
   */
  private evenlySpaced(): boolean {
    const span = this.rawEpoch(this.count - 1) - this.rawEpoch(0);
    return this.rawEpoch(0) === this.origin && span === (this.count - 1) * this.currentStride;
  }

  /** The storage slot of record `index`: its bits rotated left by `rotation`. */
  private slot(index: number): number {
    return rotatedSlot(index, this.rotation, this.indexBits);
  }

  /** Writes batch offset `i` as the new last record. */
  private write(epoch: number, batch: BatchColumns, i: number): void {
    const at = this.count;
    const slot = this.slot(at);
    writeRecord(this.chunkFor(slot), slot % this.chunkSize, epoch, batch, i, this.P);
    this.count = at + 1;
  }

  /**
   * Writes batch offsets i, i+1, ... (before `end`) as new last records, as far as the last chunk and
   * the cap allow, in one copy (plain layout only: consecutive records in consecutive slots). Returns how
   * many records it wrote (at least one).
   */
  private writeRun(firstEpoch: number, batch: BatchColumns, i: number, end: number): number {
    const at = this.count;
    const o = at % this.chunkSize;
    const n = Math.min(end - i, this.chunkSize - o, this.cap - at);
    writeRecords(this.chunkFor(at), o, n, firstEpoch + i, batch, i, this.P);
    this.count = at + n;
    return n;
  }

  /**
   * The chunk slot `at` is in, added (a spare one if any) when the last one is full. A rotated layout
   * only exists once the cap's worth of slots was filled, so every chunk it reaches is there.
   */
  private chunkFor(at: number): Chunk {
    const c = (at / this.chunkSize) | 0;
    let chunk = this.chunks[c];
    if (chunk === undefined) {
      chunk = this.spare.pop() ?? newChunk(this.chunkSize, this.P);
      this.chunks.push(chunk);
    }
    return chunk;
  }

  private releaseUnusedChunks(): void {
    if (this.rotation !== 0) return; // the records are spread over every slot
    const used = Math.ceil(this.count / this.chunkSize);
    this.spare.push(...this.chunks.slice(used));
    this.chunks.length = used;
  }

  private chunkAt(index: number): Chunk {
    if (!Number.isInteger(index) || index < 0 || index >= this.count) {
      throw new RangeError(`History index ${index} is out of range 0..${this.count - 1}`);
    }
    return this.chunks[(this.slot(index) / this.chunkSize) | 0]!;
  }

  /** rawEpoch, made once for the searches. */
  private readonly epochOf = (index: number): number => this.rawEpoch(index);

  private rawEpoch(index: number): number {
    const slot = this.slot(index);
    return this.chunks[(slot / this.chunkSize) | 0]!.epochs[slot % this.chunkSize]!;
  }
}

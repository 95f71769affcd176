/**
 * The history's storage: fixed-size chunks of records (epoch, loss, accuracy, parameters) in typed
 * arrays, and the few ways records are copied into them. See history.ts for what is kept and why.
 */
export interface Chunk {
  readonly epochs: Float64Array;
  readonly losses: Float64Array;
  readonly accuracies: Float64Array;
  readonly params: Float64Array;
}

export function newChunk(size: number, P: number): Chunk {
  return {
    epochs: new Float64Array(size),
    losses: new Float64Array(size),
    accuracies: new Float64Array(size),
    params: new Float64Array(size * P),
  };
}

export function copyRecord(source: Chunk, from: number, target: Chunk, to: number, P: number): void {
  target.epochs[to] = source.epochs[from]!;
  target.losses[to] = source.losses[from]!;
  target.accuracies[to] = source.accuracies[from]!;
  for (let k = 0; k < P; k++) target.params[to * P + k] = source.params[from * P + k]!;
}

/** Batch offset `i` (epoch `epoch`) into record `o` of the chunk; a missing accuracy reads NaN. */
export function writeRecord(
  chunk: Chunk,
  o: number,
  epoch: number,
  losses: Float64Array,
  params: Float64Array,
  accuracies: Float64Array | null,
  i: number,
  P: number,
): void {
  chunk.epochs[o] = epoch;
  chunk.losses[o] = losses[i]!;
  chunk.accuracies[o] = accuracies ? accuracies[i]! : Number.NaN;
  for (let k = 0; k < P; k++) chunk.params[o * P + k] = params[i * P + k]!;
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
  losses: Float64Array,
  params: Float64Array,
  accuracies: Float64Array | null,
  i: number,
  P: number,
): void {
  for (let j = 0; j < n; j++) chunk.epochs[o + j] = epoch + j;
  chunk.losses.set(losses.subarray(i, i + n), o);
  if (accuracies) chunk.accuracies.set(accuracies.subarray(i, i + n), o);
  else chunk.accuracies.fill(Number.NaN, o, o + n);
  chunk.params.set(params.subarray(i * P, (i + n) * P), o * P);
}

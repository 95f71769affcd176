/**
 * The training worker's frames on their way to the page, with their test metrics measured on the
 * evaluation worker. A frame whose epochs were trained without their test pass waits here (in order,
 * with every frame after it) until the evaluation worker answers with those epochs' test loss and
 * accuracy; the page so only ever sees whole epochs, each with its own test figures. Without an
 * evaluation worker, or once it failed or fell silent, the relay measures those epochs itself.
 */
import { measureEpochs, type EvaluatedMessage, type EvaluatorCommand, type TestRowsOf } from './evaluation';
import type { FrameMessage, WorkerMessage } from './protocol';

/** The training worker's end of the evaluation worker. */
export interface EvaluatorLink {
  post(message: EvaluatorCommand, transfer: Transferable[]): void;
  terminate(): void;
}

/** An evaluation worker that has not answered the oldest request in this long is given up on. */
export const EVALUATION_TIMEOUT_MS = 2000;

interface HeldFrame {
  readonly message: FrameMessage;
  readonly transfer: Transferable[];
  /** The request measuring it, -1 when it needs none (it only waits for the frames before it). */
  readonly id: number;
  /** Epochs from this index on are measured on `rows`. */
  readonly from: number;
  readonly rows: TestRowsOf | null;
  readonly sentAt: number;
}

export class FrameRelay {
  private readonly held: HeldFrame[] = [];
  private nextId = 1;
  private version = 0;
  private sentRows: TestRowsOf | null = null;
  private readonly spare: Float64Array[] = [];
  private evaluator: EvaluatorLink | null = null;
  private watching = false;

  /** `start` starts the evaluation worker, when first needed (null: there is none; the relay measures). */
  constructor(
    private readonly post: (message: WorkerMessage, transfer: Transferable[]) => void,
    private start: (() => EvaluatorLink | null) | null,
    private readonly clock: { now(): number; after(ms: number, task: () => void): void },
  ) {}

  /** Whether epochs may be trained without their test pass: someone else measures them. */
  get evaluating(): boolean {
    return this.start !== null;
  }

  /**
   * Sends a frame on. Epochs `from..count-1` still need their test metrics on `rows` (from = -1: none);
   * the frame waits for them, and for every frame before it.
   */
  send(message: FrameMessage, transfer: Transferable[], from: number, rows: TestRowsOf | null): void {
    const needs = from >= 0 && from < message.count && rows !== null && message.testLosses !== undefined;
    if (!needs && this.held.length === 0) return this.post(message, transfer);
    const frame = { message, transfer, from, rows, sentAt: this.clock.now() };
    if (!needs) {
      this.held.push({ ...frame, id: -1 });
      return;
    }
    this.evaluator ??= this.start?.() ?? null;
    if (!this.evaluator) {
      this.start = null;
      this.measureHere({ ...frame, id: -1 });
      this.held.push({ ...frame, id: -1 });
      return this.drain();
    }
    const id = this.nextId++;
    this.held.push({ ...frame, id });
    this.request(id, message, from, rows);
    this.watchSilence();
  }

  /** The evaluation worker's answer: the frame it measured may go, with the frames behind it. */
  evaluated(answer: EvaluatedMessage): void {
    const frame = this.held.find((held) => held.id === answer.id);
    if (frame) {
      const { testLosses, testAccuracies } = frame.message;
      for (let i = frame.from; i < frame.message.count; i++) {
        testLosses![i] = answer.losses[i - frame.from]!;
        testAccuracies![i] = answer.accuracies[i - frame.from]!;
      }
      this.held[this.held.indexOf(frame)] = { ...frame, id: -1 };
    }
    if (this.spare.length < 4) this.spare.push(new Float64Array(answer.params.buffer));
    this.drain();
  }

  /** The evaluation worker failed (or fell silent): measure what it still owes here, and from now on. */
  failed(): void {
    this.evaluator?.terminate();
    this.evaluator = null;
    this.start = null;
    for (let i = 0; i < this.held.length; i++) {
      const frame = this.held[i]!;
      if (frame.id < 0) continue;
      this.measureHere(frame);
      this.held[i] = { ...frame, id: -1 };
    }
    this.drain();
  }

  /**
   * Gives up on an evaluation worker that owes its oldest answer too long: looked at on a timer of its
   * own, since a page waiting for held frames sends no command that would wake the worker.
   */
  private watchSilence(): void {
    if (this.watching) return;
    this.watching = true;
    this.clock.after(EVALUATION_TIMEOUT_MS, () => {
      this.watching = false;
      const oldest = this.held.find((frame) => frame.id >= 0);
      if (!oldest) return;
      if (this.clock.now() - oldest.sentAt >= EVALUATION_TIMEOUT_MS) this.failed();
      else this.watchSilence();
    });
  }

  private request(id: number, message: FrameMessage, from: number, rows: TestRowsOf): void {
    const evaluator = this.evaluator!;
    if (rows !== this.sentRows) {
      this.version += 1;
      this.sentRows = rows;
      const { architecture, set } = rows;
      const { inputs, targets, count } = set;
      evaluator.post({ type: 'test-set', version: this.version, architecture, inputs, targets, count }, []);
    }
    const stride = message.paramsPerEpoch;
    const count = message.count - from;
    const params = this.bufferFor(count * stride);
    params.set(message.params.subarray(from * stride, message.count * stride));
    const command: EvaluatorCommand = { type: 'evaluate', id, version: this.version, stride, count, params };
    evaluator.post(command, [params.buffer]);
  }

  private measureHere(frame: HeldFrame): void {
    const { message, from, rows } = frame;
    measureEpochs(
      rows!,
      message.params,
      message.paramsPerEpoch,
      from,
      message.count,
      message.testLosses!,
      message.testAccuracies!,
    );
  }

  /** Posts the frames at the front that wait for nothing. */
  private drain(): void {
    while (this.held.length > 0 && this.held[0]!.id < 0) {
      const { message, transfer } = this.held.shift()!;
      this.post(message, transfer);
    }
  }

  private bufferFor(length: number): Float64Array {
    const index = this.spare.findIndex((buffer) => buffer.length >= length);
    const buffer = index >= 0 ? this.spare.splice(index, 1)[0]! : new Float64Array(Math.max(length, 1024));
    return buffer.length === length ? buffer : buffer.subarray(0, length);
  }
}

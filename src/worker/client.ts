import { isRecord } from '../core/stateSchema';
import { pacedHandBack } from './frameAcks';
import { readFrame } from './frameCheck';
import type { Command, FrameMessage, KeepRule } from './protocol';

/** The page's end of the training worker: typed commands out, frames in, buffers handed back. */
export interface TrainerClient {
  send(command: Command): void;
  dispose(): void;
}

export interface TrainerClientHandlers {
  onFrame(frame: FrameMessage): void;
  /** Which epochs the page keeps now, sent with each hand-back (KeepRule); null: every one. */
  keepRule?(): KeepRule | null;
  /** The worker threw, could not load, or went silent; `message` is for people. */
  onFailure(message: string): void;
}

/** The worker is asked whether it is alive this often... */
export const PING_EVERY_MS = 1000;
/** ...and given up on after this many asks in a row, each on time, went unanswered. */
export const SILENT_PINGS = 4;
/**
 * A watchdog tick this late means the page's own thread was busy (a long script, a huge paste): the
 * worker's answers may be waiting behind it in the page's queue, so that silence proves nothing.
 */
export const LATE_TICK_MS = 2 * PING_EVERY_MS;

export function createTrainingWorker(): Worker {
  return new Worker(new URL('./training.worker.ts', import.meta.url), { type: 'module', name: 'training' });
}

export function createTrainerClient(
  handlers: TrainerClientHandlers,
  createWorker: () => Worker = createTrainingWorker,
): TrainerClient {
  const worker = createWorker();
  const send = (command: Command, transfer: Transferable[] = []): void =>
    worker.postMessage(command, transfer);
  let failed = false;
  /** Pings sent on time since the worker last said anything. */
  let unanswered = 0;
  let lastTickAt = performance.now();
  // The worker posts its next frame when one is handed back: at the page's next painted frame.
  const acks = pacedHandBack<Extract<Command, { type: 'recycle' }>>((recycle) => {
    if (failed) return;
    const { losses, accuracies, params, testLosses, testAccuracies } = recycle;
    const buffers: Transferable[] = [losses.buffer, accuracies.buffer, params.buffer];
    if (testLosses && testAccuracies) buffers.push(testLosses.buffer, testAccuracies.buffer);
    const keep = handlers.keepRule?.();
    send(keep ? { ...recycle, keep } : recycle, buffers);
  });

  const stop = (): void => {
    failed = true;
    clearInterval(watchdog);
    acks.dispose();
    worker.terminate();
  };
  const fail = (message: string): void => {
    if (failed) return;
    stop();
    handlers.onFailure(message);
  };
  // A worker that closed itself or hung raises no error: only its silence tells. The silence is counted
  // in the page's own on-time ticks, so a page too busy to listen never blames the worker for it.
  const watchdog = setInterval(() => {
    const now = performance.now();
    const pageWasBusy = now - lastTickAt > LATE_TICK_MS;
    lastTickAt = now;
    if (pageWasBusy) unanswered = 0;
    if (unanswered >= SILENT_PINGS) return fail('it stopped responding');
    unanswered += 1;
    send({ type: 'ping' });
  }, PING_EVERY_MS);

  worker.onmessage = (event: MessageEvent<unknown>) => {
    unanswered = 0;
    const { data } = event;
    // Anything but a frame (a pong) only says the worker is alive.
    if (failed || !isRecord(data) || data.type !== 'frame') return;
    const message = readFrame(data);
    if (message === null) return fail('it sent a frame the page could not read');
    handlers.onFrame(message);
    // The store has copied what it keeps; the worker can refill these buffers.
    const { losses, accuracies, params, testLosses, testAccuracies } = message;
    if (!testLosses || !testAccuracies) return acks.handBack({ type: 'recycle', losses, accuracies, params });
    acks.handBack({ type: 'recycle', losses, accuracies, params, testLosses, testAccuracies });
  };
  worker.onerror = (event: ErrorEvent) => {
    event.preventDefault();
    fail(event.message || 'it stopped unexpectedly');
  };
  worker.onmessageerror = () => fail('a message from it could not be read');

  return {
    send: (command) => {
      if (!failed) send(command);
    },
    dispose: stop,
  };
}

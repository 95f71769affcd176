import type { Command, FrameMessage, WorkerMessage } from './protocol';

/** The page's end of the training worker: typed commands out, frames in, buffers handed back. */
export interface TrainerClient {
  send(command: Command): void;
  dispose(): void;
}

export interface TrainerClientHandlers {
  onFrame(frame: FrameMessage): void;
  /** The worker threw, could not load, or went silent; `message` is for people. */
  onFailure(message: string): void;
}

/** The worker is asked whether it is alive this often, and given up on after this long of silence. */
export const PING_EVERY_MS = 1000;
export const SILENCE_LIMIT_MS = 4000;

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
  let lastHeardAt = performance.now();

  const fail = (message: string): void => {
    if (failed) return;
    failed = true;
    clearInterval(watchdog);
    worker.terminate();
    handlers.onFailure(message);
  };
  // A worker that closed itself or hung raises no error: only its silence tells.
  const watchdog = setInterval(() => {
    if (performance.now() - lastHeardAt > SILENCE_LIMIT_MS) fail('it stopped responding');
    else send({ type: 'ping' });
  }, PING_EVERY_MS);

  worker.onmessage = (event: MessageEvent<WorkerMessage>) => {
    lastHeardAt = performance.now();
    const message = event.data;
    if (message.type !== 'frame' || failed) return;
    handlers.onFrame(message);
    // The store has copied what it keeps; the worker can refill these buffers.
    const { losses, accuracies, params } = message;
    send({ type: 'recycle', losses, accuracies, params }, [losses.buffer, accuracies.buffer, params.buffer]);
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
    dispose: () => {
      failed = true;
      clearInterval(watchdog);
      worker.terminate();
    },
  };
}

import type { Command, FrameMessage, WorkerMessage } from './protocol';

/** The page's end of the training worker: typed commands out, frames in, buffers handed back. */
export interface TrainerClient {
  send(command: Command): void;
  dispose(): void;
}

export interface TrainerClientHandlers {
  onFrame(frame: FrameMessage): void;
  /** The worker threw or could not load; `message` is for people. */
  onFailure(message: string): void;
}

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

  worker.onmessage = (event: MessageEvent<WorkerMessage>) => {
    const frame = event.data;
    handlers.onFrame(frame);
    // The store has copied what it keeps; the worker can refill these buffers.
    send({ type: 'recycle', losses: frame.losses, params: frame.params }, [
      frame.losses.buffer,
      frame.params.buffer,
    ]);
  };
  worker.onerror = (event: ErrorEvent) => {
    event.preventDefault();
    handlers.onFailure(event.message || 'The training worker stopped unexpectedly.');
  };
  worker.onmessageerror = () => handlers.onFailure('A message from the training worker could not be read.');

  return {
    send: (command) => send(command),
    dispose: () => worker.terminate(),
  };
}

import '@vitest/web-worker';
import { ARTICLE_PEOPLE } from '../../src/core/dataset';
import type { Command, FrameMessage, RunConfig } from '../../src/worker/protocol';

export const ARTICLE_CONFIG: RunConfig = {
  people: ARTICLE_PEOPLE,
  scaling: 'article',
  initialWeights: 'ones',
  seed: 7,
  sampleOrder: 'in-order',
  learningRate: 0.1,
};

/** A real training worker (run in-process by @vitest/web-worker) and every frame it posted. */
export interface WorkerHarness {
  frames: FrameMessage[];
  send(command: Command): void;
  /** Resolves with the first frame (after index `from`) that satisfies `test`. */
  waitForFrame(
    test: (frame: FrameMessage) => boolean,
    from?: number,
    timeoutMs?: number,
  ): Promise<FrameMessage>;
  last(): FrameMessage;
  close(): void;
}

export function startWorker(options: { recycle?: boolean } = {}): WorkerHarness {
  const recycle = options.recycle ?? true;
  const worker = new Worker(new URL('../../src/worker/training.worker.ts', import.meta.url), {
    type: 'module',
  });
  const frames: FrameMessage[] = [];
  const waiters: {
    test: (frame: FrameMessage) => boolean;
    from: number;
    resolve: (f: FrameMessage) => void;
  }[] = [];
  worker.onmessage = (event: MessageEvent<FrameMessage>) => {
    // Keep copies and hand the buffers back, as the page does (the worker holds frames back until it does).
    const frame = event.data;
    frames.push({
      ...frame,
      losses: frame.losses.slice(0, frame.count),
      accuracies: frame.accuracies.slice(0, frame.count),
      params: frame.params.slice(0, frame.count * frame.paramsPerEpoch),
    });
    if (recycle) {
      const { losses, accuracies, params } = frame;
      worker.postMessage({ type: 'recycle', losses, accuracies, params });
    }
    for (const waiter of [...waiters]) {
      const index = frames.findIndex((f, i) => i >= waiter.from && waiter.test(f));
      if (index >= 0) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve(frames[index]!);
      }
    }
  };
  return {
    frames,
    send: (command) => worker.postMessage(command),
    waitForFrame(test, from = 0, timeoutMs = 5000) {
      const found = frames.find((f, i) => i >= from && test(f));
      if (found) return Promise.resolve(found);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('no matching frame arrived')), timeoutMs);
        waiters.push({
          test,
          from,
          resolve: (frame) => {
            clearTimeout(timer);
            resolve(frame);
          },
        });
      });
    },
    last: () => frames[frames.length - 1]!,
    close: () => worker.terminate(),
  };
}

/** Every (epoch, loss) the frames carried, in arrival order. */
export function epochsIn(frames: readonly FrameMessage[]): number[] {
  return frames.flatMap((frame) => Array.from({ length: frame.count }, (_, i) => frame.firstEpoch + i));
}

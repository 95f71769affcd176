/**
 * A training worker that fails is replaced by a new one that goes on from the last epoch: the history it
 * goes on with is the run's own, and only while the network is the same.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Architecture } from '../../src/core/architecture';
import { runHistory } from '../../src/store/runHistory';
import { applyFrame, connectTrainer } from '../../src/store/trainerBridge';
import { resetLab } from '../helpers/resetLab';
import { frame } from './frames';

/** Stands in for the browser's Worker: records what it is sent; a test raises its error. */
class FakeWorker {
  onmessage: ((event: MessageEvent) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  onmessageerror: (() => void) | null = null;
  postMessage(): void {}
  terminate(): void {}
}

/** 2-4-1: 17 parameters, with sigmoid or tanh hidden neurons alike. */
const FOUR_HIDDEN = 17;

function frameWith(runId: number, firstEpoch: number, count: number, change: Partial<Architecture> = {}) {
  const sent = frame(runId, firstEpoch, count, 'running', FOUR_HIDDEN);
  return { ...sent, live: { ...sent.live, architecture: { ...sent.live.architecture, ...change } } };
}

let workers: FakeWorker[] = [];
let disconnect = (): void => {};

beforeEach(() => {
  resetLab();
  workers = [];
  disconnect = connectTrainer(() => {
    const worker = new FakeWorker();
    workers.push(worker);
    return worker as unknown as Worker;
  });
  applyFrame(frameWith(1, 0, 5));
  // The first worker fails: a second one takes over where it was.
  workers[0]!.onerror!({ message: 'boom', preventDefault: () => {} } as ErrorEvent);
});

afterEach(() => {
  disconnect();
  resetLab();
});

describe('the history across a worker restart', () => {
  it('goes on with the run it took over when the network is the same', () => {
    expect(workers).toHaveLength(2);
    // It resumes at the last epoch shown (4), whose record it sends again.
    applyFrame(frameWith(2, 4, 3));
    expect(runHistory.length).toBe(7);
    expect(runHistory.epochAt(0)).toBe(0);
    expect(runHistory.epochAt(6)).toBe(6);
  });

  it('starts again for another network with as many parameters', () => {
    applyFrame(frameWith(2, 0, 3, { activation: 'tanh' }));
    expect(runHistory.length).toBe(3);
    expect(runHistory.epochAt(0)).toBe(0);
    expect(runHistory.paramAt(0, 0)).toBe(2);
  });
});

/**
 * A training worker that fails is replaced by a new one that goes on from the last epoch: the history it
 * goes on with is the run's own, and only while the network is the same.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Architecture } from '../../src/core/architecture';
import { useLab } from '../../src/store/labStore';
import { runHistory } from '../../src/store/runHistory';
import { applyFrame, connectTrainer } from '../../src/store/trainerBridge';
import { FakeWorker } from '../helpers/fakeWorker';
import { resetLab } from '../helpers/resetLab';
import { frame } from './frames';

/** 2-4-1: 17 parameters, with sigmoid or tanh hidden neurons alike. */
const FOUR_HIDDEN = 17;

function frameWith(runId: number, firstEpoch: number, count: number, change: Partial<Architecture> = {}) {
  const sent = frame(runId, firstEpoch, count, 'running', FOUR_HIDDEN);
  return { ...sent, live: { ...sent.live, architecture: { ...sent.live.architecture, ...change } } };
}

let workers: FakeWorker[] = [];
let disconnect = (): void => {};

/** The run the new worker is told to start: where it resumes, if anywhere. */
function resumedBy(worker: FakeWorker) {
  const configure = worker.sent.find((command) => command.type === 'configure');
  return configure?.type === 'configure' ? configure.config.resume : undefined;
}

/** The old worker fails: a new one takes over where it was. */
function failFirstWorker(): void {
  workers[0]!.onerror!({ message: 'boom', preventDefault: () => {} } as ErrorEvent);
}

beforeEach(() => {
  resetLab();
  const { settings } = useLab.getState();
  useLab.setState({ settings: { ...settings, architecture: frameWith(1, 0, 1).live.architecture } });
  workers = [];
  disconnect = connectTrainer(() => {
    const worker = new FakeWorker();
    workers.push(worker);
    return worker as unknown as Worker;
  });
  applyFrame(frameWith(1, 0, 5));
});

afterEach(() => {
  disconnect();
  resetLab();
});

describe('the history across a worker restart', () => {
  it('goes on with the run it took over when the network is the same', () => {
    failFirstWorker();
    expect(workers).toHaveLength(2);
    expect(resumedBy(workers[1]!)?.epoch).toBe(4);
    // It resumes at the last epoch shown (4), whose record it sends again.
    applyFrame(frameWith(2, 4, 3));
    expect(runHistory.length).toBe(7);
    expect(runHistory.epochAt(0)).toBe(0);
    expect(runHistory.epochAt(6)).toBe(6);
  });

  it('starts again for another network with as many parameters', () => {
    // The network changes while the old worker is failing; the new one hears of the change, not of a resume.
    const { settings } = useLab.getState();
    useLab.setState({
      settings: { ...settings, architecture: { ...settings.architecture, activation: 'tanh' } },
    });
    failFirstWorker();
    expect(resumedBy(workers[1]!)).toBeNull();
    expect(useLab.getState().appNotice?.message).toContain('from epoch 0');
    applyFrame(frameWith(2, 0, 3, { activation: 'tanh' }));
    expect(runHistory.length).toBe(3);
    expect(runHistory.epochAt(0)).toBe(0);
    expect(runHistory.paramAt(0, 0)).toBe(2);
  });

  it('keeps no record of another network that a worker resumed onto all the same', () => {
    failFirstWorker();
    applyFrame(frameWith(2, 4, 3, { activation: 'tanh' }));
    expect(runHistory.length).toBe(3);
    expect(runHistory.epochAt(0)).toBe(4);
  });
});

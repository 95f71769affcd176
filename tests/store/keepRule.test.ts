// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TrainingHistory } from '../../src/store/history';
import { HISTORY_CAP, runHistory } from '../../src/store/runHistory';
import { connectTrainer, trainerBridge } from '../../src/store/trainerBridge';
import type { Command } from '../../src/worker/protocol';
import { FakeWorker } from '../helpers/fakeWorker';
import { nextFrame } from '../helpers/nextFrame';
import { resetLab } from '../helpers/resetLab';
import { frame } from './frames';

let worker: FakeWorker;

beforeEach(() => {
  resetLab();
  worker = new FakeWorker();
  connectTrainer(() => worker as unknown as Worker);
});
afterEach(() => trainerBridge.reset());

/** The hand-backs the page sent the worker. */
const handBacks = () =>
  worker.sent.filter(
    (command): command is Extract<Command, { type: 'recycle' }> => command.type === 'recycle',
  );

describe('the page tells the worker which epochs its history keeps', () => {
  it('says nothing while the history keeps every epoch, and its stride once it has thinned itself', async () => {
    worker.post(frame(1, 0, 100, 'running'));
    worker.deliver();
    await nextFrame(); // hand-backs go with the page's next frame
    expect(handBacks().at(-1)?.keep).toBeUndefined();
    worker.post({ ...frame(1, 100, 70_000, 'running'), branch: 3 }); // past the history's 65,536 records
    worker.deliver();
    await nextFrame();
    expect(runHistory.stride).toBe(2);
    expect(handBacks().at(-1)?.keep).toEqual({ runId: 1, branch: 3, origin: 0, stride: 2 });
  });

  it('takes a thinned frame in as the whole frame would have left it', async () => {
    const before = frame(1, 0, 70_001, 'running');
    worker.post(before);
    worker.deliver();
    await nextFrame();
    const whole = frame(1, 70_001, 10, 'running');
    const kept = [70_001, 70_002, 70_004, 70_006, 70_008, 70_010]; // the first (off the stride of 2), on it, the last
    const pick = (column: Float64Array, size = 1) =>
      Float64Array.from(
        kept.flatMap((epoch) =>
          Array.from(column.subarray((epoch - 70_001) * size, (epoch - 70_000) * size)),
        ),
      );
    worker.post({
      ...whole,
      count: kept.length,
      epochs: Float64Array.from(kept),
      losses: pick(whole.losses),
      accuracies: pick(whole.accuracies),
      params: pick(whole.params, 9),
    });
    worker.deliver();
    // The same two frames, whole, into a history of the app's size.
    const reference = new TrainingHistory({ cap: HISTORY_CAP });
    for (const { firstEpoch, count, losses, params, accuracies } of [before, whole])
      reference.appendBatch(firstEpoch, count, losses, params, accuracies);
    expect(runHistory.length).toBe(reference.length);
    for (const index of [0, 1, reference.length - 6, reference.length - 2, reference.length - 1]) {
      expect(runHistory.epochAt(index)).toBe(reference.epochAt(index));
      expect(runHistory.lossAt(index)).toBe(reference.lossAt(index));
      expect(runHistory.paramAt(index, 8)).toBe(reference.paramAt(index, 8));
    }
  });
});

import '@vitest/web-worker';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ARTICLE_PEOPLE } from '../../src/core/dataset';
import * as actions from '../../src/store/actions';
import { runHistory } from '../../src/store/runHistory';
import { applyFrame, connectTrainer } from '../../src/store/trainerBridge';
import type { Command } from '../../src/worker/protocol';
import { waitForState } from '../helpers/waitForState';
import { labState, resetLab, setLab } from '../helpers/resetLab';
import { frame } from './frames';

beforeEach(() => {
  resetLab();
});

describe('applying worker frames', () => {
  it('appends every epoch to the history and shows the live run', () => {
    applyFrame(frame(1, 0, 3));
    applyFrame(frame(1, 3, 2, 'running'));
    const state = labState();
    expect(runHistory.length).toBe(5);
    expect(runHistory.lossAt(4)).toBe(1 / 5);
    expect(state.run.epoch).toBe(4);
    expect(state.run.status).toBe('running');
    expect(state.historyVersion).toBe(2);
  });

  it('keeps each epoch’s accuracy beside its loss, through the history', () => {
    applyFrame(frame(1, 0, 3));
    applyFrame(frame(1, 3, 2, 'running'));
    expect(Array.from({ length: 5 }, (_, i) => runHistory.accuracyAt(i))).toEqual([
      0,
      1 / 2,
      2 / 3,
      3 / 4,
      4 / 5,
    ]);
  });

  it('a run with another network size starts a history with its own parameters per epoch', () => {
    applyFrame(frame(1, 0, 10));
    expect(runHistory.paramsPerRecord).toBe(9);
    applyFrame(frame(2, 0, 2, 'paused', 33)); // 8 hidden neurons
    expect(runHistory.paramsPerRecord).toBe(33);
    expect(runHistory.length).toBe(2);
    expect(Array.from(runHistory.paramsAt(1, new Float64Array(33)))).toEqual(new Array<number>(33).fill(2));
    applyFrame(frame(3, 0, 1)); // back to the article's network
    expect(runHistory.paramsPerRecord).toBe(9);
    expect(runHistory.length).toBe(1);
  });

  it('a new run clears the history and markers; a late frame of an old run is ignored', () => {
    applyFrame(frame(1, 0, 10));
    setLab({ markers: [{ epoch: 5, kind: 'dataset', label: 'data edited' }] });
    applyFrame(frame(2, 0, 1));
    expect(runHistory.length).toBe(1);
    expect(labState().markers).toEqual([]);
    applyFrame(frame(1, 10, 5));
    expect(runHistory.length).toBe(1);
    expect(labState().run.runId).toBe(2);
  });
});

describe('actions against the real training worker', () => {
  let disconnect: () => void = () => {};
  afterEach(() => disconnect());

  const connect = async () => {
    disconnect = connectTrainer(
      () => new Worker(new URL('../../src/worker/training.worker.ts', import.meta.url), { type: 'module' }),
    );
    await waitForState((s) => s.run.runId === 1);
  };

  it('opens on the article’s four people at epoch 0 with the default settings', async () => {
    await connect();
    const state = labState();
    expect(state.people).toEqual(ARTICLE_PEOPLE);
    expect(state.settings).toMatchObject({ learningRate: 0.1, initialWeights: 'random', scaling: 'article' });
    expect(state.run.sampleCount).toBe(4);
    expect(runHistory.length).toBe(1);
  });

  it('Step epoch, then a learning-rate change, leaves a marker and keeps the run', async () => {
    await connect();
    actions.stepEpoch();
    await waitForState((s) => s.run.epoch === 1);
    actions.setLearningRate(1);
    actions.stepEpoch();
    const state = await waitForState((s) => s.run.epoch === 2);
    expect(state.run.runId).toBe(1);
    expect(state.run.learningRate).toBe(1);
    expect(state.markers).toEqual([{ epoch: 1, kind: 'learning-rate', label: 'rate 1' }]);
    expect(runHistory.length).toBe(3);
  });

  it('a bad cell leaves the row out of training but keeps what was typed; fixing it brings it back', async () => {
    await connect();
    actions.updatePerson('bob', { weight: 'abc' });
    actions.stepEpoch();
    const without = await waitForState((s) => s.run.epoch === 1);
    expect(without.run.sampleCount).toBe(3);
    expect(without.people[1]!.weight).toBe('abc');
    actions.updatePerson('bob', { weight: '160' });
    actions.stepEpoch();
    const back = await waitForState((s) => s.run.epoch === 2);
    expect(back.run.sampleCount).toBe(4);
  });

  it('changing the seed restarts from a new start; Reset returns to the same start', async () => {
    await connect();
    const start = Array.from(labState().run.params);
    actions.setSeed(7);
    const seeded = await waitForState((s) => s.run.runId === 2);
    expect(Array.from(seeded.run.params)).not.toEqual(start);
    actions.stepEpoch();
    await waitForState((s) => s.run.epoch === 1);
    actions.reset();
    const reset = await waitForState((s) => s.run.runId === 3);
    expect(Array.from(reset.run.params)).toEqual(Array.from(seeded.run.params));
  });

  it('Add person and Remove change the rows the worker trains on', async () => {
    await connect();
    const id = actions.addPerson({ name: 'Emily', weight: '128', height: '63', gender: 'F' });
    actions.stepEpoch();
    expect((await waitForState((s) => s.run.epoch === 1)).run.sampleCount).toBe(5);
    actions.removePerson(id);
    actions.removePerson('alice');
    actions.stepEpoch();
    expect((await waitForState((s) => s.run.epoch === 2)).run.sampleCount).toBe(3);
  });
});

describe('markers', () => {
  it('move to the epoch at which the worker applied the change', () => {
    applyFrame(frame(1, 0, 100));
    actions.setLearningRate(1);
    expect(labState().markers).toEqual([{ epoch: 99, kind: 'learning-rate', label: 'rate 1' }]);
    const later = frame(1, 100, 50);
    applyFrame({ ...later, live: { ...later.live, learningRateSince: 120 } });
    expect(labState().markers).toEqual([{ epoch: 120, kind: 'learning-rate', label: 'rate 1' }]);
  });
});

describe('undo and redo of table edits', () => {
  it('a burst of typing in one cell is one undo step; other edits are their own', () => {
    actions.updatePerson('bob', { weight: '1' });
    actions.updatePerson('bob', { weight: '16' });
    actions.updatePerson('bob', { weight: '165' });
    applyFrame(frame(1, 0, 3)); // training frames between keystrokes do not split the burst
    actions.updatePerson('bob', { weight: '1650' });
    actions.updatePerson('alice', { name: 'Alicia' });
    actions.undoTableEdit();
    expect(labState().people[0]!.name).toBe('Alice');
    expect(labState().people[1]!.weight).toBe('1650');
    actions.undoTableEdit();
    expect(labState().people[1]!.weight).toBe('160');
    actions.redoTableEdit();
    expect(labState().people[1]!.weight).toBe('1650');
  });

  it('a burst of edits sends the worker one table, the latest, ahead of the next command', async () => {
    const posted: string[] = [];
    const disconnect = connectTrainer(() => {
      const worker = new Worker(new URL('../../src/worker/training.worker.ts', import.meta.url), {
        type: 'module',
      });
      const post = worker.postMessage.bind(worker);
      worker.postMessage = ((message: Command, transfer: Transferable[] = []) => {
        posted.push(message.type);
        post(message, transfer);
      }) as Worker['postMessage'];
      return worker;
    });
    try {
      await waitForState((s) => s.run.runId === 1);
      posted.length = 0;
      actions.updatePerson('bob', { weight: '150' });
      actions.updatePerson('bob', { weight: '151' });
      actions.removePerson('alice');
      actions.stepEpoch();
      expect(posted.filter((type) => type !== 'recycle')).toEqual(['set-data', 'step-epoch']);
      expect((await waitForState((s) => s.run.epoch === 1)).run.sampleCount).toBe(3);
    } finally {
      disconnect();
    }
  });

  it('undo reaches the worker like any edit', async () => {
    const disconnect = connectTrainer(
      () => new Worker(new URL('../../src/worker/training.worker.ts', import.meta.url), { type: 'module' }),
    );
    try {
      await waitForState((s) => s.run.runId === 1);
      actions.removePerson('alice');
      actions.stepEpoch();
      expect((await waitForState((s) => s.run.epoch === 1)).run.sampleCount).toBe(3);
      actions.undoTableEdit();
      actions.stepEpoch();
      expect((await waitForState((s) => s.run.epoch === 2)).run.sampleCount).toBe(4);
    } finally {
      disconnect();
    }
  });
});

describe('a worker that fails', () => {
  it('is replaced by a new one that resumes from the last parameters, with a notice, keeping the history', async () => {
    const workers: Worker[] = [];
    const disconnect = connectTrainer(() => {
      const worker = new Worker(new URL('../../src/worker/training.worker.ts', import.meta.url), {
        type: 'module',
      });
      workers.push(worker);
      return worker;
    });
    try {
      await waitForState((s) => s.run.runId === 1);
      actions.stepEpoch();
      actions.stepEpoch();
      const before = await waitForState((s) => s.run.epoch === 2);
      // Node has no ErrorEvent; the client reads only these two members of it.
      const fault = { message: 'injected fault', preventDefault: () => {} } as unknown as ErrorEvent;
      workers[0]!.onerror?.(fault);
      const after = await waitForState((s) => s.run.runId === 1 && s.appNotice !== null);
      expect(workers).toHaveLength(2);
      expect(after.appNotice!.message).toMatch(/injected fault.*epoch 2/);
      expect(after.run.epoch).toBe(2);
      expect(Array.from(after.run.params)).toEqual(Array.from(before.run.params));
      expect(runHistory.length).toBe(3);
      actions.stepEpoch();
      await waitForState((s) => s.run.epoch === 3);
      expect(runHistory.lastEpoch()).toBe(3);
    } finally {
      disconnect();
    }
  });
});

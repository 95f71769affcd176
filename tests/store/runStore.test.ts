// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { checkTable } from '../../src/core/checkedTable';
import * as actions from '../../src/store/actions';
import { setUpArticleLab, restoreLabSnapshot, takeLabSnapshot } from '../../src/store/classroomActions';
import { useLab } from '../../src/store/labStore';
import { STORAGE_KEY } from '../../src/store/persistence';
import { runStore } from '../../src/store/runStore';
import { applyFrame, connectTrainer, trainerBridge } from '../../src/store/trainerBridge';
import type { Command, PlateauNotice } from '../../src/worker/protocol';
import { resetLab } from '../helpers/resetLab';
import { frame } from './frames';

/** A worker that answers nothing: the commands it was sent are all a test needs. */
function silentWorker(posted: Command[]): () => Worker {
  return () =>
    ({
      postMessage: (command: Command) => posted.push(command),
      terminate: () => {},
    }) as unknown as Worker;
}

const storedResume = () =>
  (JSON.parse(localStorage.getItem(STORAGE_KEY) ?? 'null') as { state: { resume: unknown } } | null)?.state
    .resume;

beforeEach(() => {
  vi.useFakeTimers();
  localStorage.clear();
  resetLab();
});
afterEach(() => {
  trainerBridge.reset();
  vi.useRealTimers();
});

describe('the run store', () => {
  it('keeps the notice it holds while each frame brings an equal copy (views compare it by identity)', () => {
    const plateau: PlateauNotice = {
      kind: 'plateau',
      best: 0.01,
      since: 10,
      epoch: 300,
      rose: false,
      learningRate: 0.1,
      hidden: 2,
    };
    const withPlateau = (k: number, notice: PlateauNotice) => {
      const next = frame(1, k, 1, 'running');
      return { ...next, live: { ...next.live, plateau: { ...notice } } };
    };
    applyFrame(withPlateau(0, plateau));
    const held = runStore.getState().run.plateau;
    expect(held).toEqual(plateau);
    applyFrame(withPlateau(1, plateau));
    expect(runStore.getState().run.plateau).toBe(held);
    applyFrame(withPlateau(2, { ...plateau, epoch: 900 }));
    expect(runStore.getState().run.plateau).toMatchObject({ epoch: 900 });
    applyFrame(frame(1, 3, 1, 'running'));
    expect(runStore.getState().run.plateau).toBeNull();
  });

  it('takes training frames without an undo step, a document change or a storage write', () => {
    const documentChanges = vi.fn();
    const unsubscribe = useLab.subscribe(documentChanges);
    const setItem = vi.spyOn(Storage.prototype, 'setItem');
    for (let k = 0; k < 120; k++) applyFrame(frame(1, k, 1, 'running'));
    vi.advanceTimersByTime(2000);
    unsubscribe();
    expect(runStore.getState().run.epoch).toBe(119);
    expect(documentChanges).not.toHaveBeenCalled();
    expect(useLab.temporal.getState().pastStates).toEqual([]);
    expect(setItem).not.toHaveBeenCalled();
    setItem.mockRestore();
  });

  it('leaves the document store persisted and undoable: an edit is one undo step and is saved', () => {
    actions.updatePerson('bob', { weight: '170' });
    expect(useLab.temporal.getState().pastStates).toHaveLength(1);
    vi.advanceTimersByTime(1100);
    expect(localStorage.getItem(STORAGE_KEY)).toContain('"weight":"170"');
  });
});

describe('autosave of the run position', () => {
  it('writes where the run is at most once a second while frames arrive', () => {
    connectTrainer(silentWorker([]));
    const setItem = vi.spyOn(Storage.prototype, 'setItem');
    // Three seconds of frames at 60 a second.
    for (let k = 0; k < 180; k++) {
      applyFrame(frame(1, k, 1, 'running'));
      vi.advanceTimersByTime(1000 / 60);
    }
    const writes = setItem.mock.calls.filter(([key]) => key === STORAGE_KEY).length;
    expect(writes).toBeGreaterThanOrEqual(2);
    expect(writes).toBeLessThanOrEqual(3);
    vi.advanceTimersByTime(1000);
    expect(storedResume()).toEqual({ epoch: 179, params: new Array<number>(9).fill(1) });
    setItem.mockRestore();
  });

  it('writes nothing for the run once disconnected', () => {
    const disconnect = connectTrainer(silentWorker([]));
    disconnect();
    applyFrame(frame(1, 0, 5, 'running'));
    vi.advanceTimersByTime(2000);
    expect(localStorage.getItem(STORAGE_KEY)).toBeNull();
  });
});

describe('one restart path', () => {
  it('every restart sends the checked table, the classroom’s as well as a setting’s', () => {
    const posted: Command[] = [];
    connectTrainer(silentWorker(posted));
    const configures = () => posted.filter((command) => command.type === 'configure');
    const checked = () => checkTable(useLab.getState().people, 'imperial');
    actions.setSeed(7);
    const snapshot = takeLabSnapshot();
    setUpArticleLab();
    restoreLabSnapshot(snapshot);
    expect(configures().length).toBeGreaterThanOrEqual(3);
    for (const command of configures()) {
      expect(command.type === 'configure' && command.config.people).toEqual(checked());
    }
  });
});

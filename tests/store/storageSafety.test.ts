// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ARTICLE_PEOPLE } from '../../src/core/dataset';

const KEY = 'backprop-lab';
const BACKUP = 'backprop-lab-unreadable';

/** A fresh copy of the stores, as a reload would load them (the lab store reads localStorage on creation). */
async function reload() {
  vi.resetModules();
  const { useLab } = await import('../../src/store/labStore');
  const actions = await import('../../src/store/actions');
  const { storageNoticeStore } = await import('../../src/store/storageNotice');
  const storageActions = await import('../../src/store/storageActions');
  const notice = () => storageNoticeStore.getState().notice;
  return { useLab, actions, notice, ...storageActions };
}

const stored = () => JSON.parse(localStorage.getItem(KEY)!) as { state: { people: { weight: string }[] } };

function anotherTabSaves(text: string): void {
  localStorage.setItem(KEY, text);
  window.dispatchEvent(new StorageEvent('storage', { key: KEY, newValue: text, storageArea: localStorage }));
}

function quotaError(): DOMException {
  return new DOMException('The quota has been exceeded.', 'QuotaExceededError');
}

beforeEach(() => {
  localStorage.clear();
  vi.useFakeTimers();
});
afterEach(() => {
  vi.restoreAllMocks();
  vi.useRealTimers();
});

describe('a saved lab that is not a lab', () => {
  it.each(['42', '[]', 'null', '"lab"', '{"version":1}'])(
    'a save of %s is reported, the defaults load and its text is kept after edits are saved',
    async (text) => {
      localStorage.setItem(KEY, text);
      const { useLab, actions } = await reload();
      const { appNotice, people } = useLab.getState();
      expect(appNotice?.kind).toBe('error');
      expect(appNotice?.message).toMatch(/could not be restored \(it is not a saved lab\).*defaults/);
      expect(appNotice?.message).toContain(BACKUP);
      expect(people).toEqual(ARTICLE_PEOPLE);
      actions.updatePerson('bob', { weight: '170' });
      vi.advanceTimersByTime(1100);
      expect(stored().state.people[1]!.weight).toBe('170');
      expect(localStorage.getItem(BACKUP)).toBe(text);
    },
  );

  it('a corrupt save that cannot be set aside is not saved over until the user chooses', async () => {
    localStorage.setItem(KEY, '[]');
    const setItem = vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw quotaError();
    });
    const { useLab, actions, notice, keepThisLab } = await reload();
    setItem.mockRestore();
    expect(notice()).toEqual({ kind: 'unreadable-kept', why: 'it is not a saved lab' });
    actions.updatePerson('bob', { weight: '170' });
    vi.advanceTimersByTime(1100);
    window.dispatchEvent(new Event('pagehide'));
    expect(localStorage.getItem(KEY)).toBe('[]');
    keepThisLab();
    expect(stored().state.people[1]!.weight).toBe('170');
    expect(notice()).toBeNull();
    expect(useLab.getState().people[1]!.weight).toBe('170');
  });
});

describe('two tabs', () => {
  const otherTabsLab = JSON.stringify({
    state: { settings: {}, people: [], keptRuns: [], resume: null },
    version: 1,
  });

  it('another tab’s save stops this tab from writing over it, even on leaving the page', async () => {
    const { actions, notice } = await reload();
    actions.updatePerson('bob', { weight: '170' });
    anotherTabSaves(otherTabsLab);
    expect(notice()).toEqual({ kind: 'newer-elsewhere' });
    vi.advanceTimersByTime(5000);
    actions.updatePerson('bob', { weight: '171' });
    vi.advanceTimersByTime(1100);
    window.dispatchEvent(new Event('pagehide'));
    expect(localStorage.getItem(KEY)).toBe(otherTabsLab);
  });

  it('keeping this lab saves it at once over the other tab’s', async () => {
    const { actions, notice, keepThisLab } = await reload();
    actions.updatePerson('bob', { weight: '170' });
    anotherTabSaves(otherTabsLab);
    keepThisLab();
    expect(stored().state.people[1]!.weight).toBe('170');
    expect(notice()).toBeNull();
    actions.updatePerson('bob', { weight: '172' });
    vi.advanceTimersByTime(1100);
    expect(stored().state.people[1]!.weight).toBe('172');
  });

  it('loading the newer lab reloads the page without writing this tab’s changes', async () => {
    const { actions, loadSavedLab } = await reload();
    actions.updatePerson('bob', { weight: '170' });
    anotherTabSaves(otherTabsLab);
    const reloadPage = vi.fn();
    loadSavedLab(reloadPage);
    window.dispatchEvent(new Event('pagehide'));
    expect(reloadPage).toHaveBeenCalledOnce();
    expect(localStorage.getItem(KEY)).toBe(otherTabsLab);
  });

  it('a tab that only opens writes nothing, so other tabs are not told of a newer lab', async () => {
    /** The worker's first frame: the run starts where the saved lab was (here epoch 12). */
    async function connect() {
      const { followRunForAutosave } = await import('../../src/store/autosaveRun');
      const { runStore } = await import('../../src/store/runStore');
      followRunForAutosave();
      const { run } = runStore.getState();
      runStore.setState({ run: { ...run, runId: 1, epoch: 12, params: Float64Array.from(run.params) } });
    }
    const first = await reload();
    await connect();
    first.actions.updatePerson('bob', { weight: '170' });
    vi.advanceTimersByTime(1100);
    const saved = localStorage.getItem(KEY);
    expect(saved).toContain('"epoch":12');
    const setItem = vi.spyOn(Storage.prototype, 'setItem');
    await reload();
    await connect();
    vi.advanceTimersByTime(5000);
    window.dispatchEvent(new Event('pagehide'));
    expect(setItem).not.toHaveBeenCalled();
    expect(localStorage.getItem(KEY)).toBe(saved);
  });

  it('a first visit that changes nothing saves nothing, so the next one opens as new (the page’s own first screen)', async () => {
    /** The worker's first frame for the defaults: epoch 0, the seeded initial weights. */
    async function connect(params: number[]) {
      const { followRunForAutosave } = await import('../../src/store/autosaveRun');
      const { runStore } = await import('../../src/store/runStore');
      followRunForAutosave();
      const { run } = runStore.getState();
      runStore.setState({ run: { ...run, runId: 1, epoch: 0, params: Float64Array.from(params) } });
      return runStore;
    }
    const start = [0.1, -0.2, 0.3, -0.4, 0.5, -0.6, 0.7, -0.8, 0.9];
    const setItem = vi.spyOn(Storage.prototype, 'setItem');
    await reload();
    let runStore = await connect(start);
    // Reset starts another run at the same place: still the lab any first visit opens.
    runStore.setState({ run: { ...runStore.getState().run, runId: 2, params: Float64Array.from(start) } });
    vi.advanceTimersByTime(5000);
    window.dispatchEvent(new Event('pagehide'));
    expect(setItem).not.toHaveBeenCalled();
    expect(localStorage.getItem(KEY)).toBeNull();

    // A weight set by hand at epoch 0 is a change: it is saved.
    await reload();
    runStore = await connect(start);
    const edited = Float64Array.from(start, (value, i) => (i === 0 ? 2 : value));
    runStore.setState({ run: { ...runStore.getState().run, params: edited } });
    vi.advanceTimersByTime(1100);
    expect(localStorage.getItem(KEY)).toContain('"params":[2,');
  });

  it('other keys and removals are not another tab’s lab', async () => {
    const { actions, notice } = await reload();
    window.dispatchEvent(
      new StorageEvent('storage', { key: 'other', newValue: 'x', storageArea: localStorage }),
    );
    window.dispatchEvent(
      new StorageEvent('storage', { key: KEY, newValue: null, storageArea: localStorage }),
    );
    expect(notice()).toBeNull();
    actions.updatePerson('bob', { weight: '170' });
    vi.advanceTimersByTime(1100);
    expect(stored().state.people[1]!.weight).toBe('170');
  });
});

describe('a full storage', () => {
  it('says what is not saved, keeps the last good save, and clears once a save fits again', async () => {
    const { useLab, actions, notice, dismissStorageNotice } = await reload();
    actions.updatePerson('bob', { weight: '170' });
    vi.advanceTimersByTime(1100);
    const lastGood = localStorage.getItem(KEY);
    const setItem = vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw quotaError();
    });
    const rows = Array.from({ length: 2000 }, (_, i) => ({
      id: `p${i}`,
      name: `Person ${i}`,
      weight: '150',
      height: '66',
      gender: 'F' as const,
    }));
    useLab.setState({ people: rows });
    vi.advanceTimersByTime(1100);
    expect(notice()).toEqual({ kind: 'full', people: 2000 });
    expect(localStorage.getItem(KEY)).toBe(lastGood);

    // Dismissed, it does not come back every second for the same table.
    dismissStorageNotice();
    actions.setSeed(7);
    vi.advanceTimersByTime(1100);
    expect(notice()).toBeNull();

    setItem.mockRestore();
    useLab.setState({ people: rows.slice(1) });
    vi.advanceTimersByTime(1100);
    expect(stored().state.people).toHaveLength(1999);
    expect(notice()).toBeNull();
  });

  it('a failed write after a notice for another table tells the user again', async () => {
    const { useLab, notice } = await reload();
    vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw quotaError();
    });
    useLab.setState({ people: ARTICLE_PEOPLE.slice(1) });
    vi.advanceTimersByTime(1100);
    expect(notice()).toEqual({ kind: 'full', people: ARTICLE_PEOPLE.length - 1 });
    useLab.setState({ people: ARTICLE_PEOPLE.slice(2) });
    vi.advanceTimersByTime(1100);
    expect(notice()).toEqual({ kind: 'full', people: ARTICLE_PEOPLE.length - 2 });
  });
});

// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ARTICLE_PEOPLE } from '../../src/core/dataset';

const KEY = 'backprop-lab';

/** A fresh copy of the store module, as a reload would load it (it reads localStorage on creation). */
async function reload() {
  vi.resetModules();
  return import('../../src/store/labStore');
}

const saved = (state: unknown, version = 1) => localStorage.setItem(KEY, JSON.stringify({ state, version }));

const goodState = {
  settings: {
    learningRate: 0.5,
    speed: null,
    stopAtEpoch: 2000,
    initialWeights: 'ones',
    seed: 9,
    scaling: 'standardize',
    sampleOrder: 'shuffled',
  },
  people: [{ id: 'x', name: 'Zoë, "the tall"', weight: 'abc', height: '70', gender: 'F' }],
  keptRuns: [{ label: 'rate 0.1, seed 42', epochs: [0, 1, 2], losses: [0.5, 0.4, 0.3] }],
  resume: { epoch: 1234, params: [1, 2, 3, 4, 5, 6, 7, 8, 9] },
};

beforeEach(() => localStorage.clear());
afterEach(() => vi.useRealTimers());

describe('autosave', () => {
  it('a reload restores the table (as typed), the settings, kept runs and where the run was', async () => {
    saved(goodState);
    const { useLab } = await reload();
    const state = useLab.getState();
    expect(state.appNotice).toBeNull();
    // A save from before the network options existed gets the article's defaults for them.
    const { DEFAULT_SETTINGS } = await import('../../src/core/settings');
    expect(state.settings).toEqual({ ...DEFAULT_SETTINGS, ...goodState.settings });
    expect(
      state.people.map(({ name, weight, height, gender }) => ({ name, weight, height, gender })),
    ).toEqual([{ name: 'Zoë, "the tall"', weight: 'abc', height: '70', gender: 'F' }]);
    expect(Array.from(state.keptRuns[0]!.losses)).toEqual([0.5, 0.4, 0.3]);
    expect(state.resumeFrom).toEqual(goodState.resume);
    expect(useLab.temporal.getState().pastStates).toEqual([]);
  });

  it('an edit is written to storage within a second', async () => {
    vi.useFakeTimers();
    const { useLab } = await reload();
    const actions = await import('../../src/store/actions');
    actions.updatePerson('bob', { weight: '170' });
    vi.advanceTimersByTime(1100);
    const stored = JSON.parse(localStorage.getItem(KEY)!) as {
      state: { people: { weight: string }[] };
      version: number;
    };
    expect(stored.version).toBe(1);
    expect(stored.state.people[1]!.weight).toBe('170');
    expect(useLab.getState().people[1]!.weight).toBe('170');
  });

  it('a table too large for storage is not saved (nor turned into JSON); the last one that fitted stays', async () => {
    vi.useFakeTimers();
    const { useLab } = await reload();
    const actions = await import('../../src/store/actions');
    actions.updatePerson('bob', { weight: '170' });
    vi.advanceTimersByTime(1100);
    const before = localStorage.getItem(KEY);
    const big = Array.from({ length: 100_000 }, (_, i) => ({
      id: `p${i}`,
      name: `Person ${i}`,
      weight: '120',
      height: '64',
      gender: 'F' as const,
    }));
    const stringify = vi.spyOn(JSON, 'stringify');
    useLab.setState({ people: big });
    vi.advanceTimersByTime(1100);
    expect(stringify.mock.calls.some(([value]) => value === big)).toBe(false);
    stringify.mockRestore();
    expect(localStorage.getItem(KEY)).toBe(before);
    const { tableFitsStorage } = await import('../../src/store/persistence');
    expect([tableFitsStorage(big), tableFitsStorage(big.slice(0, 1000))]).toEqual([false, true]);
  });

  it('an older save (version 0, before kept runs) migrates', async () => {
    saved({ settings: goodState.settings, people: goodState.people }, 0);
    const { useLab } = await reload();
    expect(useLab.getState().appNotice).toBeNull();
    expect(useLab.getState().settings.seed).toBe(9);
    expect(useLab.getState().keptRuns).toEqual([]);
  });

  it.each([
    ['not JSON', '{"state": {"settings": '],
    [
      'a wrong shape',
      JSON.stringify({ state: { settings: { learningRate: 'fast' }, people: [] }, version: 1 }),
    ],
    [
      'a bad hidden count',
      JSON.stringify({
        state: {
          ...goodState,
          settings: { ...goodState.settings, architecture: { hidden: 9, activation: 'relu' } },
        },
        version: 1,
      }),
    ],
    ['a bad person', JSON.stringify({ state: { ...goodState, people: [{ name: 1 }] }, version: 1 })],
    [
      'non-finite parameters',
      JSON.stringify({ state: { ...goodState, resume: { epoch: 3, params: [1] } }, version: 1 }),
    ],
  ])('a corrupt save (%s) is reported once and the defaults load', async (_what, text) => {
    localStorage.setItem(KEY, text);
    const { useLab } = await reload();
    const state = useLab.getState();
    expect(state.appNotice?.kind).toBe('error');
    expect(state.appNotice?.message).toMatch(/could not be restored .*defaults/);
    expect(state.people).toEqual(ARTICLE_PEOPLE);
    expect(state.settings.learningRate).toBe(0.1);
  });
});

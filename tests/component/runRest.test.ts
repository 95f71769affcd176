import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { whenRunRests } from '../../src/app/runRest';
import { runStore } from '../../src/store/runStore';
import { resetLab } from '../helpers/resetLab';

const setStatus = (status: 'paused' | 'running') =>
  runStore.setState((state) => ({ run: { ...state.run, status } }));

beforeEach(() => {
  resetLab();
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
});
afterEach(() => vi.useRealTimers());

describe('whenRunRests: background work waits for a training run to pause', () => {
  it('runs at once when no run trains', () => {
    const work = vi.fn();
    whenRunRests(work);
    expect(work).toHaveBeenCalledTimes(1);
  });

  it('while a run trains, waits for the pause, and runs once', () => {
    setStatus('running');
    const work = vi.fn();
    whenRunRests(work);
    runStore.setState((state) => ({ run: { ...state.run, epoch: 10 } })); // a training frame
    expect(work).not.toHaveBeenCalled();
    setStatus('paused');
    expect(work).toHaveBeenCalledTimes(1);
    setStatus('running');
    setStatus('paused');
    vi.advanceTimersByTime(120_000);
    expect(work).toHaveBeenCalledTimes(1);
  });

  it('a run that never pauses holds the work back for the longest wait only', () => {
    setStatus('running');
    const work = vi.fn();
    whenRunRests(work, 60_000);
    vi.advanceTimersByTime(59_999);
    expect(work).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(work).toHaveBeenCalledTimes(1);
    setStatus('paused');
    expect(work).toHaveBeenCalledTimes(1);
  });

  it('a cancel while it waits drops the work', () => {
    setStatus('running');
    const work = vi.fn();
    whenRunRests(work)();
    setStatus('paused');
    vi.advanceTimersByTime(120_000);
    expect(work).not.toHaveBeenCalled();
  });
});

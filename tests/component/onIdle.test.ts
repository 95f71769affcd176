// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { afterLoad, inTurnWhenIdle } from '../../src/app/onIdle';

/** requestIdleCallback held by the test: `idle()` runs the oldest pending callback, as one idle moment. */
let pending: { id: number; callback: () => void }[] = [];
function idle(): void {
  const next = pending.shift();
  next?.callback();
}
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

beforeEach(() => {
  pending = [];
  let nextId = 1;
  vi.stubGlobal('requestIdleCallback', (callback: () => void) => {
    const id = nextId++;
    pending.push({ id, callback });
    return id;
  });
  vi.stubGlobal('cancelIdleCallback', (id: number) => {
    pending = pending.filter((entry) => entry.id !== id);
  });
});
afterEach(() => vi.unstubAllGlobals());

describe('afterLoad', () => {
  it('waits for the load event, then for an idle moment', () => {
    const readyState = vi.spyOn(document, 'readyState', 'get').mockReturnValue('interactive');
    const callback = vi.fn();
    afterLoad(callback);
    expect(pending).toHaveLength(0);
    readyState.mockReturnValue('complete');
    window.dispatchEvent(new Event('load'));
    expect(callback).not.toHaveBeenCalled();
    idle();
    expect(callback).toHaveBeenCalledTimes(1);
  });

  it('on a page already loaded, waits only for an idle moment; a cancel stops it', () => {
    vi.spyOn(document, 'readyState', 'get').mockReturnValue('complete');
    const kept = vi.fn();
    const cancelled = vi.fn();
    afterLoad(kept);
    afterLoad(cancelled)();
    idle();
    idle();
    expect(kept).toHaveBeenCalledTimes(1);
    expect(cancelled).not.toHaveBeenCalled();
  });

  it('with a settle time, waits that long after the load event before asking for an idle moment', () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      const readyState = vi.spyOn(document, 'readyState', 'get').mockReturnValue('interactive');
      const callback = vi.fn();
      const cancelledLater = vi.fn();
      afterLoad(callback, 4000);
      const cancel = afterLoad(cancelledLater, 4000);
      readyState.mockReturnValue('complete');
      window.dispatchEvent(new Event('load'));
      vi.advanceTimersByTime(3999);
      expect(pending).toHaveLength(0);
      cancel(); // cancelled while it waits out the settle time
      vi.advanceTimersByTime(1);
      expect(pending).toHaveLength(1);
      expect(callback).not.toHaveBeenCalled();
      idle();
      expect(callback).toHaveBeenCalledTimes(1);
      expect(cancelledLater).not.toHaveBeenCalled();
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('inTurnWhenIdle', () => {
  it('runs one task per idle moment, in order, each after the previous one settled', async () => {
    const ran: string[] = [];
    let finishFirst: () => void = () => {};
    inTurnWhenIdle(() => {
      ran.push('first');
      return new Promise<void>((resolve) => (finishFirst = resolve));
    });
    inTurnWhenIdle(() => void ran.push('second'));
    inTurnWhenIdle(() => void ran.push('third'));
    expect(pending).toHaveLength(1);
    idle();
    expect(ran).toEqual(['first']);
    await settle();
    expect(pending).toHaveLength(0); // the second waits for the first's promise
    finishFirst();
    await settle();
    idle();
    expect(ran).toEqual(['first', 'second']);
    await settle();
    idle();
    expect(ran).toEqual(['first', 'second', 'third']);
  });

  it('skips a cancelled task, whether it waits in line or for its idle moment, and goes on', async () => {
    const ran: string[] = [];
    const cancelWaiting = inTurnWhenIdle(() => void ran.push('a'));
    const cancelQueued = inTurnWhenIdle(() => void ran.push('b'));
    inTurnWhenIdle(() => void ran.push('c'));
    cancelQueued();
    cancelWaiting();
    expect(pending).toHaveLength(1);
    idle();
    await settle();
    expect(ran).toEqual(['c']);
  });

  it('goes on after a task that fails', async () => {
    const ran: string[] = [];
    inTurnWhenIdle(() => Promise.reject(new Error('offline')));
    inTurnWhenIdle(() => void ran.push('after'));
    idle();
    await settle();
    idle();
    expect(ran).toEqual(['after']);
  });
});

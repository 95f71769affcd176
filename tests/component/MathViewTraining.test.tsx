// @vitest-environment jsdom
import { act, cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { initialParams } from '../../src/core/init';
import { ARTICLE_SHIFT } from '../../src/core/scaling';
import { MathView } from '../../src/components/MathView/MathView';
import { loadTexRenderer } from '../../src/components/MathView/texRenderer';
import { INITIAL_RUN } from '../../src/store/runStore';
import { FakeIntersectionObserver } from '../helpers/fakeIntersectionObserver';
import { resetLab, setLab } from '../helpers/resetLab';

const BASE = initialParams('ones', 0);
/** A training frame's parameters: the article's start, nudged by `k`. */
const paramsAt = (k: number) => BASE.map((value) => value + k / 100);

function frame(k: number, status: 'running' | 'paused' = 'running'): void {
  act(() => {
    setLab({ run: { ...INITIAL_RUN, status, params: paramsAt(k), scaling: ARTICLE_SHIFT } });
  });
}

function wait(ms: number): void {
  act(() => {
    vi.advanceTimersByTime(ms);
  });
}

/** The typeset formulas' markup, in order. */
function typeset(): string[] {
  const section = screen.getByRole('region', { name: 'Math' });
  return Array.from(section.querySelectorAll('.tex')).map((tex) => tex.innerHTML);
}

/** w1's value before the explained step, as the Gradient table shows it. */
function w1Before(): string {
  const table = within(screen.getByRole('table', { name: 'Gradient' }));
  return within(table.getByRole('rowheader', { name: 'w1' }).closest('tr')!).getAllByRole('cell')[0]!
    .textContent;
}

const changedSince = (before: string[]) => typeset().filter((html, i) => html !== before[i]).length;

beforeAll(async () => {
  expect(await loadTexRenderer()).not.toBe('failed');
});
beforeEach(() => {
  resetLab();
  vi.useFakeTimers();
  FakeIntersectionObserver.all = [];
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('the Math view while training', () => {
  it('refreshes twice a second, not per frame, and re-typesets one formula per turn', () => {
    frame(0, 'paused');
    render(<MathView />);
    frame(1);
    wait(1000);
    frame(2); // the first frame after a quiet spell shows in the next animation frame
    wait(140); // and its formulas, one per 20 ms turn
    const settled = typeset();
    expect(settled).toHaveLength(5);
    expect(w1Before()).toBe('1.02');
    // frames inside the half second: nothing changes
    for (let k = 3; k <= 6; k++) {
      frame(k);
      wait(10);
    }
    expect(w1Before()).toBe('1.02');
    expect(changedSince(settled)).toBe(0);
    // half a second after the last refresh, in the animation frame after it, the latest frame lands: the
    // table at once, the formulas one per 20 ms turn
    wait(340);
    expect(w1Before()).toBe('1.02');
    // due 500 ms after the last refresh, then drawn in the next animation frame: within two frames of here
    for (let waited = 0; w1Before() === '1.02' && waited < 32; waited++) wait(1);
    expect(w1Before()).toBe('1.06');
    const turns = [changedSince(settled)];
    // The clock renders the refresh inside a frame's callback, so the first turn is queued during it; fake
    // timers start a 0 ms timer queued during a tick 1 ms later (a browser runs it in the next task).
    for (const ms of [1, 20, 20, 20, 20, 20]) {
      wait(ms);
      turns.push(changedSince(settled));
    }
    expect(turns).toEqual([0, 1, 2, 3, 4, 5, 5]);
  });

  it('off screen it stops following, and catches up when scrolled back into view', () => {
    vi.stubGlobal('IntersectionObserver', FakeIntersectionObserver);
    frame(0, 'paused');
    render(<MathView />);
    const [observer] = FakeIntersectionObserver.all;
    frame(1);
    wait(1000);
    act(() => observer!.show(false));
    for (let k = 2; k <= 8; k++) {
      frame(k);
      wait(500);
    }
    expect(w1Before()).toBe('1.01');
    act(() => observer!.show(true));
    wait(200);
    expect(w1Before()).toBe('1.08');
  });

  it('paused, every change shows at once: on screen all of it, off screen the formulas one per turn', () => {
    vi.stubGlobal('IntersectionObserver', FakeIntersectionObserver);
    frame(0, 'paused');
    render(<MathView />);
    const before = typeset();
    frame(3, 'paused');
    expect(w1Before()).toBe('1.03');
    expect(changedSince(before)).toBe(5);
    act(() => FakeIntersectionObserver.all[0]!.show(false));
    const onScreen = typeset();
    frame(5, 'paused');
    expect(w1Before()).toBe('1.05'); // the numbers (and what screen readers read) at once
    expect(changedSince(onScreen)).toBe(0);
    wait(100);
    expect(changedSince(onScreen)).toBe(5);
  });
});

// @vitest-environment jsdom
import { act, cleanup, renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CADENCES, useShownParams, useShownParamsAndDetail } from '../../src/store/displayClock';
import { SLOWEST_MS } from '../../src/store/frameBudget';
import { INITIAL_RUN, runStore } from '../../src/store/runStore';
import { resetLab } from '../helpers/resetLab';

/** The page's clock, the animation frames waiting to run, and what one redraw of the view costs. */
let clock = 0;
let frames: FrameRequestCallback[] = [];
let renderCostMs = 0;

const paramsOf = (value: number) => new Float64Array(9).fill(value);
const setRun = (value: number, status: 'paused' | 'running') =>
  act(() => {
    runStore.setState({ run: { ...INITIAL_RUN, status, params: paramsOf(value) } });
  });
/** The page's clock and its timers move on together, a millisecond at a time. */
const advance = (ms: number) =>
  act(() => {
    for (let step = 0; step < ms; step++) {
      clock += 1;
      vi.advanceTimersByTime(1);
    }
  });
/** One animation frame that took `ms`: the clock moves on and the frame callbacks run. */
const frame = (ms: number) => {
  advance(Math.round(ms));
  act(() => {
    const due = frames;
    frames = [];
    for (const callback of due) callback(clock);
  });
};

beforeEach(() => {
  vi.useFakeTimers();
  resetLab();
  clock = 1000;
  frames = [];
  renderCostMs = 0;
  vi.spyOn(performance, 'now').mockImplementation(() => clock);
  vi.stubGlobal('requestAnimationFrame', (callback: FrameRequestCallback) => frames.push(callback));
  vi.stubGlobal('cancelAnimationFrame', () => {
    frames = [];
  });
});
afterEach(() => {
  cleanup(); // a view left from the last test would take its frames' turns
  setRun(0, 'paused');
  vi.useRealTimers();
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

/** A figure (30 redraws a second) whose every redraw costs `renderCostMs` of the page's clock. */
function renderFigure() {
  return renderHook(() => {
    const params = useShownParams('figure');
    clock += renderCostMs;
    return params;
  });
}

describe('the display clock under load', () => {
  it('slows a figure whose redraws make frames run long, then gives its rate back when there is room', () => {
    const { result } = renderFigure();
    renderCostMs = 15;
    let value = 1;
    const trainFor = (frameMs: number, count: number) => {
      for (let i = 0; i < count; i++) {
        setRun(++value, 'running');
        frame(frameMs);
      }
    };
    trainFor(30, 40); // over a second of frames twice as long as 60 Hz allows

    // Slower than its cadence now: a change just after a redraw still waits in a frame 33 ms later. (How much
    // slower depends on how far the frames overran, up to one redraw a second: after that long, a change
    // shows in the next frame.)
    advance(SLOWEST_MS);
    setRun(++value, 'running');
    frame(16);
    expect(result.current[0]).toBe(value);
    setRun(++value, 'running');
    frame(CADENCES.figure);
    expect(result.current[0]).toBe(value - 1);

    renderCostMs = 1;
    trainFor(16, 900); // calm again for a while: every step taken is given back
    advance(SLOWEST_MS);
    setRun(++value, 'running');
    frame(16);
    expect(result.current[0]).toBe(value);
    // Its own cadence again: a change just after a redraw shows in a frame 33 ms later.
    setRun(++value, 'running');
    frame(CADENCES.figure);
    expect(result.current[0]).toBe(value);
  });

  it('a stop gives every view its own cadence back', () => {
    const { result } = renderFigure();
    renderCostMs = 15;
    let value = 1;
    for (let i = 0; i < 40; i++) {
      setRun(++value, 'running');
      frame(30);
    }
    setRun(++value, 'paused');
    advance(SLOWEST_MS);
    setRun(++value, 'running');
    frame(16);
    expect(result.current[0]).toBe(value);
    // Its own cadence from the start of the new run: a change just after a redraw shows 33 ms later.
    setRun(++value, 'running');
    frame(CADENCES.figure);
    expect(result.current[0]).toBe(value);
  });

  it('draws a figure less finely once its slowest rate still makes frames run long, fully again after a stop', () => {
    const { result } = renderHook(() => {
      const shown = useShownParamsAndDetail('figure');
      clock += renderCostMs;
      return shown;
    });
    renderCostMs = 60;
    let value = 1;
    for (let i = 0; i < 200 && result.current[1] === 'full'; i++) {
      setRun(++value, 'running');
      frame(80);
    }
    expect(result.current[1]).toBe('reduced');
    setRun(++value, 'paused');
    expect(result.current).toEqual([paramsOf(value), 'full']);
  });
});

// @vitest-environment jsdom
import { act, renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CADENCES, useShownParams } from '../../src/store/displayClock';
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
  setRun(0, 'paused');
  vi.useRealTimers();
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

describe('the display clock spreads redraws over frames', () => {
  it('two costly figures due together redraw in turn, never both into one frame, and both catch up', () => {
    let framesRun = 0;
    const redraws: { figure: string; value: number; frame: number }[] = [];
    const figure = (name: string) =>
      renderHook(() => {
        const params = useShownParams('figure');
        clock += renderCostMs;
        if (redraws.at(-1)?.figure !== name || redraws.at(-1)?.value !== params[0])
          redraws.push({ figure: name, value: params[0]!, frame: framesRun });
        return params;
      });
    figure('network');
    figure('boundary');
    renderCostMs = 15;
    setRun(2, 'running');
    advance(CADENCES.figure);
    for (let i = 0; i < 3; i++) {
      frame(16);
      framesRun += 1;
    }
    const second = redraws.filter((redraw) => redraw.value === 2);
    expect(second.map((redraw) => redraw.figure).sort()).toEqual(['boundary', 'network']);
    expect(second[0]!.frame).not.toBe(second[1]!.frame);
  });
});

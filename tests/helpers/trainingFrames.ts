import { act, cleanup } from '@testing-library/react';
import { afterEach, beforeEach, vi } from 'vitest';
import { HISTORY_PARAM_COUNT } from '../../src/store/history';
import { runHistory } from '../../src/store/runHistory';
import { labState, resetLab, setLab } from './resetLab';

/** Records epochs first..first+count-1 (loss 1 / (epoch + 1)), as a training frame from the worker does. */
export function trainingFrame(first: number, count: number): void {
  act(() => {
    const losses = Float64Array.from({ length: count }, (_, i) => 1 / (first + i + 1));
    runHistory.appendBatch(first, count, losses, new Float64Array(count * HISTORY_PARAM_COUNT));
    setLab({ historyVersion: labState().historyVersion + 1 });
  });
}

/** Sets the run's status, as Play and Pause do. */
export function setRunStatus(status: 'running' | 'paused'): void {
  act(() => {
    setLab({ run: { ...labState().run, status } });
  });
}

/**
 * For every test of the calling describe block: a fresh lab, and fake timers, `performance.now` and
 * animation frames (the display clock paces redraws on them), so a test says when frames pass.
 */
export function withFakeFrames(): void {
  beforeEach(() => {
    resetLab();
    vi.useFakeTimers({
      toFake: ['setTimeout', 'clearTimeout', 'performance', 'requestAnimationFrame', 'cancelAnimationFrame'],
    });
  });
  afterEach(() => {
    cleanup();
    vi.useRealTimers();
  });
}

/** Lets `count` animation frames (16 ms each) pass under withFakeFrames. */
export function nextFakeFrames(count: number): void {
  for (let k = 0; k < count; k++) {
    act(() => {
      vi.advanceTimersByTime(16);
    });
  }
}

// @vitest-environment jsdom
import { act, renderHook } from '@testing-library/react';
import { useRef } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useOnScreen } from '../../src/components/common/useOnScreen';
import { CADENCES, redrawDelay, useShownParams } from '../../src/store/displayClock';
import { runHistory } from '../../src/store/runHistory';
import { INITIAL_RUN, runStore } from '../../src/store/runStore';
import { viewEpoch } from '../../src/store/actions';
import { FakeIntersectionObserver } from '../helpers/fakeIntersectionObserver';
import { resetLab } from '../helpers/resetLab';

const paramsOf = (value: number) => new Float64Array(9).fill(value);
const setRun = (value: number, status: 'paused' | 'running') =>
  act(() => {
    runStore.setState({ run: { ...INITIAL_RUN, status, params: paramsOf(value) } });
  });

beforeEach(() => {
  vi.useFakeTimers();
  FakeIntersectionObserver.all = [];
  resetLab();
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

/** A readout's parameters (100 ms cadence) on a view that is in the document, with its observer. */
function renderOffScreenable() {
  vi.stubGlobal('IntersectionObserver', FakeIntersectionObserver);
  const element = document.createElement('div');
  const hook = renderHook(() => {
    const ref = useRef<Element | null>(element);
    return useShownParams('readout', useOnScreen(ref));
  });
  const sight = (onScreen: boolean) =>
    act(() => {
      FakeIntersectionObserver.all.at(-1)!.show(onScreen);
    });
  return { result: hook.result, sight };
}

describe('the display clock policy', () => {
  it('on screen while training, a view waits out its cadence; every frame with no cadence', () => {
    expect(redrawDelay(true, true, CADENCES.readout, 1000, 1040)).toBe(60);
    expect(redrawDelay(true, true, CADENCES.readout, 1000, 1200)).toBe(0);
    expect(redrawDelay(true, true, CADENCES.frame, 1000, 1000)).toBe(0);
  });

  it('off screen while training, a view holds still', () => {
    expect(redrawDelay(true, false, CADENCES.figure, 0, 10_000)).toBeNull();
  });

  it('paused, stepping or scrubbing, every view redraws at once, on screen or not', () => {
    expect(redrawDelay(false, true, CADENCES.formulas, 1000, 1001)).toBe(0);
    expect(redrawDelay(false, false, CADENCES.formulas, 1000, 1001)).toBe(0);
  });
});

describe('useShownParams', () => {
  it('shows every change at once while paused', () => {
    const { result } = renderHook(() => useShownParams('readout'));
    setRun(1, 'paused');
    expect(result.current[0]).toBe(1);
    setRun(2, 'paused');
    expect(result.current[0]).toBe(2);
  });

  it('while training, takes new parameters at most once per cadence, and always the latest', () => {
    const { result } = renderHook(() => useShownParams('readout'));
    act(() => {
      vi.advanceTimersByTime(500);
    });
    setRun(1, 'running'); // while training, a view redraws in an animation frame's callback...
    expect(result.current[0]).toBe(0);
    act(() => {
      vi.advanceTimersByTime(16);
    });
    expect(result.current[0]).toBe(1); // ...and the first change after a quiet spell shows in the next one
    setRun(2, 'running');
    setRun(3, 'running');
    expect(result.current[0]).toBe(1);
    act(() => {
      vi.advanceTimersByTime(CADENCES.readout - 16);
    });
    expect(result.current[0]).toBe(1);
    act(() => {
      vi.advanceTimersByTime(16 + 16); // the cadence's end, then the frame that draws
    });
    expect(result.current[0]).toBe(3);
  });

  it('off screen while training, holds still; back in view, shows the latest at once', () => {
    const { result, sight } = renderOffScreenable();
    setRun(1, 'running');
    act(() => {
      vi.advanceTimersByTime(500);
    });
    sight(false);
    for (let k = 2; k <= 6; k++) {
      setRun(k, 'running');
      act(() => {
        vi.advanceTimersByTime(300);
      });
    }
    expect(result.current[0]).toBe(1);
    sight(true);
    expect(result.current[0]).toBe(6);
  });

  it('off screen, pausing shows what was held back even if the parameters do not move again', () => {
    const { result, sight } = renderOffScreenable();
    setRun(1, 'running');
    sight(false);
    setRun(2, 'running');
    expect(result.current[0]).toBe(1);
    act(() => {
      runStore.setState((state) => ({ run: { ...state.run, status: 'paused' } })); // the same parameters
    });
    expect(result.current[0]).toBe(2);
  });

  it('while scrubbing the timeline, shows the viewed epoch’s parameters, then the live ones again', () => {
    for (let epoch = 0; epoch < 3; epoch++) {
      runHistory.appendBatch(epoch, 1, Float64Array.of(0.5), paramsOf(10 + epoch), Float64Array.of(0.5));
    }
    setRun(12, 'paused');
    const { result } = renderHook(() => useShownParams('figure'));
    act(() => {
      viewEpoch(1);
    });
    expect(result.current[0]).toBe(11);
    act(() => {
      viewEpoch(2); // the last epoch is live
    });
    expect(result.current[0]).toBe(12);
  });
});

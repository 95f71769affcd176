// @vitest-environment jsdom
import { act, renderHook } from '@testing-library/react';
import { useRef } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useCalmParams } from '../../src/components/common/useCalmParams';
import { INITIAL_RUN, initialLabState, useLab } from '../../src/store/labStore';
import { FakeIntersectionObserver } from '../helpers/fakeIntersectionObserver';

const paramsOf = (value: number) => new Float64Array(9).fill(value);
const setRun = (value: number, status: 'paused' | 'running') =>
  act(() => {
    useLab.setState({ run: { ...INITIAL_RUN, status, params: paramsOf(value) } });
  });

beforeEach(() => {
  vi.useFakeTimers();
  FakeIntersectionObserver.all = [];
  useLab.setState(initialLabState(), true);
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

/** The hook on a view that is in the document, with the observer that reports whether it is in sight. */
function renderOffScreenable() {
  vi.stubGlobal('IntersectionObserver', FakeIntersectionObserver);
  const element = document.createElement('div');
  const hook = renderHook(() => {
    const ref = useRef<Element | null>(element);
    return useCalmParams(ref, 100);
  });
  const sight = (onScreen: boolean) =>
    act(() => {
      FakeIntersectionObserver.all.at(-1)!.show(onScreen);
    });
  return { result: hook.result, sight };
}

describe('useCalmParams', () => {
  it('shows every change at once while paused', () => {
    const { result } = renderHook(() => useCalmParams(null, 100));
    setRun(1, 'paused');
    expect(result.current[0]).toBe(1);
    setRun(2, 'paused');
    expect(result.current[0]).toBe(2);
  });

  it('while training, takes new parameters at most once per interval, and always the latest', () => {
    const { result } = renderHook(() => useCalmParams(null, 100));
    act(() => {
      vi.advanceTimersByTime(500);
    });
    setRun(1, 'running'); // the first change after a quiet spell shows at once
    expect(result.current[0]).toBe(1);
    setRun(2, 'running');
    setRun(3, 'running');
    expect(result.current[0]).toBe(1);
    act(() => {
      vi.advanceTimersByTime(100);
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
      useLab.setState((state) => ({ run: { ...state.run, status: 'paused' } })); // the same parameters
    });
    expect(result.current[0]).toBe(2);
  });
});

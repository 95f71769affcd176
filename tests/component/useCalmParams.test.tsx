// @vitest-environment jsdom
import { act, renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useCalmParams } from '../../src/components/common/useCalmParams';
import { INITIAL_RUN, initialLabState, useLab } from '../../src/store/labStore';

const paramsOf = (value: number) => new Float64Array(9).fill(value);
const setRun = (value: number, status: 'paused' | 'running') =>
  act(() => {
    useLab.setState({ run: { ...INITIAL_RUN, status, params: paramsOf(value) } });
  });

beforeEach(() => {
  vi.useFakeTimers();
  useLab.setState(initialLabState(), true);
});
afterEach(() => vi.useRealTimers());

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
});

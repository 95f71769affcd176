// @vitest-environment jsdom
import { act, cleanup, render, renderHook, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DatasetTable } from '../../src/components/DatasetTable/DatasetTable';
import { Predict } from '../../src/components/Predict/Predict';
import { usePhaseView } from '../../src/components/NetworkDiagram/usePhaseView';
import { initialParams } from '../../src/core/init';
import { ARTICLE_SHIFT } from '../../src/core/scaling';
import { INITIAL_RUN, runStore } from '../../src/store/runStore';
import { FakeIntersectionObserver } from '../helpers/fakeIntersectionObserver';
import { resetLab } from '../helpers/resetLab';

/** The run as the worker reports it: training (or paused) at `params`. */
const setRun = (params: Float64Array, status: 'running' | 'paused') =>
  act(() => {
    runStore.setState({ run: { ...INITIAL_RUN, status, params, scaling: ARTICLE_SHIFT } });
  });
const sight = (onScreen: boolean) =>
  act(() => {
    for (const observer of FakeIntersectionObserver.all) observer.show(onScreen);
  });
const later = (ms: number) =>
  act(() => {
    vi.advanceTimersByTime(ms);
  });

beforeEach(() => {
  vi.useFakeTimers();
  vi.stubGlobal('IntersectionObserver', FakeIntersectionObserver);
  FakeIntersectionObserver.all = [];
  resetLab();
});
afterEach(() => {
  setRun(new Float64Array(9), 'paused');
  cleanup();
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe.each([
  { name: 'Predict', view: () => <Predict />, region: () => screen.getByRole('region', { name: 'Predict' }) },
  {
    name: 'Dataset',
    view: () => <DatasetTable />,
    region: () => screen.getByRole('table', { name: 'Dataset' }),
  },
])('the $name readouts while training', ({ view, region }) => {
  it('follow the live parameters on screen, hold still out of sight, and catch up back in view', () => {
    render(view());
    const zeros = region().textContent;
    setRun(initialParams('ones', 0), 'running');
    later(500);
    const ones = region().textContent;
    expect(ones).not.toBe(zeros); // on screen: the live numbers update

    sight(false);
    const flipped = initialParams('ones', 0);
    flipped[4] = flipped[5] = -1;
    setRun(flipped, 'running');
    later(500);
    expect(region().textContent).toBe(ones);

    sight(true);
    expect(region().textContent).not.toBe(ones);
  });
});

describe('the Network figure’s step phase while training', () => {
  it('with no phase shown, the explained step does not redraw the figure', () => {
    let renders = 0;
    renderHook(() => {
      renders += 1;
      return usePhaseView();
    });
    setRun(initialParams('ones', 0), 'running');
    const before = renders;
    for (let k = 1; k <= 4; k++) {
      setRun(initialParams('ones', 0).fill(k), 'running');
      later(600); // past the formulas' cadence each time
    }
    expect(renders).toBe(before);
  });
});

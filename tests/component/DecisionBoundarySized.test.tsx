// @vitest-environment jsdom
import { act, cleanup, render } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DecisionBoundary } from '../../src/components/DecisionBoundary/DecisionBoundary';
import { ARTICLE_SHIFT } from '../../src/core/scaling';
import { INITIAL_RUN } from '../../src/store/runStore';
import { resetLab, setLab } from '../helpers/resetLab';
import { FakeResizeObserver } from '../helpers/fakeResizeObserver';

// Its own file: stubbing ResizeObserver gives a file its own module graph (vitest.config.ts).
beforeEach(() => {
  resetLab();
  vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(null);
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('the Decision boundary figure before its width is known', () => {
  it('leaves the grid and the line out of a render at a guessed width, and draws them once measured', () => {
    // A real observer reports the plot's width after layout; until then the width is a guess.
    vi.stubGlobal('ResizeObserver', FakeResizeObserver);
    vi.spyOn(HTMLElement.prototype, 'getBoundingClientRect').mockReturnValue({
      width: 420,
      top: 2000,
      bottom: 2400,
    } as DOMRect);
    setLab({
      run: {
        ...INITIAL_RUN,
        params: Float64Array.from([-1, -1, -1, -1, 3, 3, 0, 0, -3]),
        scaling: ARTICLE_SHIFT,
      },
    });
    const { container } = render(<DecisionBoundary />);
    expect(container.querySelector('path.boundary-line')?.getAttribute('d')).toBe('');
    expect(container.querySelector('.boundary-note')).toBeNull(); // not "not a number here"
    act(() => FakeResizeObserver.latest!.report());
    expect(container.querySelector('path.boundary-line')?.getAttribute('d')).toMatch(/^M[\d.]+,[\d.]+L/);
    expect(container.querySelector('svg.boundary-svg')).toHaveAttribute('width', String(420));
  });
});

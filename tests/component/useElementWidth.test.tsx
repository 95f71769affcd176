// @vitest-environment jsdom
import { act, cleanup, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useElementWidth } from '../../src/components/common/useElementWidth';

/** What getBoundingClientRect answers for the probe, and for the built page's stand-in. */
let probeBox = { width: 375, top: 900, bottom: 1100 };
const STAND_IN_WIDTH = 512;
/** The observer's report, called by hand: a real one reports after the browser's layout. */
let report: (() => void) | null = null;
const widths: number[] = [];

function Probe({ standIn }: { readonly standIn?: string }) {
  const [ref, width] = useElementWidth<HTMLDivElement>(600, standIn);
  widths.push(width);
  return (
    <div ref={ref} data-testid="probe">
      {width}
    </div>
  );
}

beforeEach(() => {
  widths.length = 0;
  report = null;
  vi.stubGlobal(
    'ResizeObserver',
    class {
      constructor(callback: () => void) {
        report = callback;
      }
      observe() {}
      disconnect() {}
    },
  );
  vi.spyOn(HTMLElement.prototype, 'getBoundingClientRect').mockImplementation(function (this: HTMLElement) {
    const box = this.classList.contains('loss-plot')
      ? { width: STAND_IN_WIDTH, top: 0, bottom: 200 }
      : probeBox;
    return box as DOMRect;
  });
});

afterEach(() => {
  cleanup();
  document.body.replaceChildren();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

/** The observer's first report, outside React's act: what is drawn right after it, before any later task. */
function firstReport(): string | null {
  const previous = (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT;
  (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = false;
  try {
    report!();
    return screen.getByTestId('probe').textContent;
  } finally {
    (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = previous;
  }
}

describe('useElementWidth', () => {
  it('a figure on screen is redrawn at its width within the observer’s report, before the frame is painted', () => {
    probeBox = { width: 375, top: 100, bottom: 300 };
    render(<Probe />);
    expect(screen.getByTestId('probe')).toHaveTextContent('600');
    expect(firstReport()).toBe('375');
  });

  it('a figure below the fold is redrawn at its width later, in work that yields to the browser', async () => {
    probeBox = { width: 375, top: 900, bottom: 1100 };
    render(<Probe />);
    expect(firstReport()).toBe('600');
    await waitFor(() => expect(screen.getByTestId('probe')).toHaveTextContent('375'));
  });

  it('later resizes follow at once, on screen or not', () => {
    probeBox = { width: 375, top: 100, bottom: 300 };
    render(<Probe />);
    firstReport();
    probeBox = { width: 320, top: 900, bottom: 1100 };
    act(() => report!());
    expect(screen.getByTestId('probe')).toHaveTextContent('320');
  });

  it('takes its first width from the laid-out stand-in it replaces, so it is drawn once', () => {
    const page = document.createElement('div');
    page.setAttribute('data-first-screen', '');
    page.innerHTML = '<div class="loss-plot"></div>';
    document.body.append(page);
    probeBox = { width: STAND_IN_WIDTH, top: 100, bottom: 300 };
    render(<Probe standIn="[data-first-screen] .loss-plot" />);
    expect(widths.every((width) => width === STAND_IN_WIDTH)).toBe(true);
    expect(firstReport()).toBe(String(STAND_IN_WIDTH));
    expect(widths.every((width) => width === STAND_IN_WIDTH)).toBe(true);
  });

  it('without a stand-in on the page, starts from the fallback', () => {
    render(<Probe standIn="[data-first-screen] .loss-plot" />);
    expect(widths[0]).toBe(600);
  });
});

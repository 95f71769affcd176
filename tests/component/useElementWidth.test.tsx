// @vitest-environment jsdom
import { act, cleanup, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useElementWidth } from '../../src/components/common/useElementWidth';
import { FakeResizeObserver } from '../helpers/fakeResizeObserver';

/** What getBoundingClientRect answers for the probe, and for the built page's stand-in. */
let probeBox = { width: 375, top: 900, bottom: 1100 };
const STAND_IN_WIDTH = 512;
const widths: number[] = [];
const sizedFlags: boolean[] = [];

function Probe({ standIn }: { readonly standIn?: string }) {
  const [ref, width, sized] = useElementWidth<HTMLDivElement>(600, standIn);
  widths.push(width);
  sizedFlags.push(sized);
  return (
    <div ref={ref} data-testid="probe">
      {width}
    </div>
  );
}

beforeEach(() => {
  widths.length = 0;
  sizedFlags.length = 0;
  FakeResizeObserver.latest = null;
  vi.stubGlobal('ResizeObserver', FakeResizeObserver);
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

/** A report of the observer outside React's act: what is drawn right after it, before any later task. */
function reportNow(): string | null {
  const previous = (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT;
  (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = false;
  try {
    FakeResizeObserver.latest!.report();
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
    expect(reportNow()).toBe('375');
  });

  it('a figure below the fold is redrawn at its width later (a transition), not within the report', async () => {
    probeBox = { width: 375, top: 900, bottom: 1100 };
    render(<Probe />);
    expect(reportNow()).toBe('600');
    await waitFor(() => expect(screen.getByTestId('probe')).toHaveTextContent('375'));
  });

  it('a later resize is followed, on screen or not', () => {
    probeBox = { width: 375, top: 100, bottom: 300 };
    render(<Probe />);
    reportNow();
    probeBox = { width: 320, top: 900, bottom: 1100 };
    act(() => FakeResizeObserver.latest!.report());
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
    expect(sizedFlags.every(Boolean)).toBe(true);
    expect(reportNow()).toBe(String(STAND_IN_WIDTH));
    expect(widths.every((width) => width === STAND_IN_WIDTH)).toBe(true);
  });

  it('without a stand-in on the page, starts from the fallback', () => {
    render(<Probe standIn="[data-first-screen] .loss-plot" />);
    expect(widths[0]).toBe(600);
  });

  it('says the width is a guess until the first report, even when the report finds the fallback right', () => {
    probeBox = { width: 600, top: 100, bottom: 300 };
    render(<Probe />);
    expect(sizedFlags.at(-1)).toBe(false);
    reportNow();
    expect(widths.at(-1)).toBe(600);
    expect(sizedFlags.at(-1)).toBe(true);
  });

  it('a figure mounted hidden (0 wide) gets its first width when shown, before that frame is painted', () => {
    probeBox = { width: 0, top: 0, bottom: 0 };
    render(<Probe />);
    expect(reportNow()).toBe('600');
    expect(sizedFlags.at(-1)).toBe(false);
    probeBox = { width: 375, top: 100, bottom: 300 };
    expect(reportNow()).toBe('375');
    expect(sizedFlags.at(-1)).toBe(true);
  });

  it('on screen, stops watching over its redraw (its new height) and watches again from the next frame', async () => {
    probeBox = { width: 375, top: 100, bottom: 300 };
    render(<Probe />);
    expect(FakeResizeObserver.latest!.watching).toBe(1);
    reportNow();
    expect(FakeResizeObserver.latest!.watching).toBe(0);
    await waitFor(() => expect(FakeResizeObserver.latest!.watching).toBe(1));
  });

  it('without ResizeObserver (no layout to watch), the fallback is the width, and final', () => {
    vi.stubGlobal('ResizeObserver', undefined);
    render(<Probe />);
    expect([widths.at(-1), sizedFlags.at(-1)]).toEqual([600, true]);
  });
});

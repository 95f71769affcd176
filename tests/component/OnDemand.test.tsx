// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { deferred } from '../../src/app/deferred';
import { OnDemand } from '../../src/app/OnDemand';
import { FakeIntersectionObserver } from '../helpers/fakeIntersectionObserver';

afterEach(cleanup);

function Heavy({ label }: { readonly label: string }) {
  return <p>{label} is here</p>;
}

describe('deferred', () => {
  it('shows the fallback until the code arrives, then the component with its props', async () => {
    let arrive: (component: typeof Heavy) => void = () => {};
    const load = vi.fn(() => new Promise<typeof Heavy>((resolve) => (arrive = resolve)));
    const Panel = deferred(load);
    render(<Panel.View label="Math" fallback={<p>loading</p>} />);
    expect(screen.getByText('loading')).toBeInTheDocument();
    // The fetch starts in a task of its own, not in the commit that mounted the panel.
    expect(load).not.toHaveBeenCalled();
    await waitFor(() => expect(load).toHaveBeenCalledTimes(1));
    await act(async () => {
      arrive(Heavy);
      await Promise.resolve();
    });
    expect(screen.getByText('Math is here')).toBeInTheDocument();
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('once preloaded, renders in the same pass (no fallback), fetching the code only once', async () => {
    const load = vi.fn(() => Promise.resolve(Heavy));
    const Panel = deferred(load);
    await Panel.preload();
    expect(Panel.isLoaded()).toBe(true);
    render(<Panel.View label="Dataset" fallback={<p>loading</p>} />);
    expect(screen.getByText('Dataset is here')).toBeInTheDocument();
    expect(screen.queryByText('loading')).toBeNull();
    await Panel.preload();
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('keeps the fallback when the fetch fails, and tries again next time', async () => {
    const load = vi
      .fn<() => Promise<typeof Heavy>>()
      .mockRejectedValueOnce(new Error('offline'))
      .mockResolvedValue(Heavy);
    const Panel = deferred(load);
    await Panel.preload();
    expect(Panel.isLoaded()).toBe(false);
    render(<Panel.View label="Predict" fallback={<p>loading</p>} />);
    expect(await screen.findByText('Predict is here')).toBeInTheDocument();
    expect(load).toHaveBeenCalledTimes(2);
  });
});

describe('OnDemand', () => {
  beforeEach(() => {
    FakeIntersectionObserver.all = [];
    vi.stubGlobal('IntersectionObserver', FakeIntersectionObserver);
  });
  afterEach(() => vi.unstubAllGlobals());

  const panel = (asked = false) => (
    <OnDemand asked={asked} placeholder={<p>placeholder</p>}>
      <p>the panel</p>
    </OnDemand>
  );

  it('keeps the placeholder while the panel is far off screen and nobody has used the page', () => {
    render(panel());
    expect(screen.getByText('placeholder')).toBeInTheDocument();
    expect(screen.queryByText('the panel')).toBeNull();
  });

  it('mounts the panel when it comes near the screen, and keeps it when it leaves', () => {
    render(panel());
    const observer = FakeIntersectionObserver.all[0]!;
    act(() => observer.show(true));
    expect(screen.getByText('the panel')).toBeInTheDocument();
    act(() => observer.show(false));
    expect(screen.getByText('the panel')).toBeInTheDocument();
  });

  it('mounts the panel when its view is asked for (a phone view, the tour)', () => {
    const { rerender } = render(panel(false));
    expect(screen.queryByText('the panel')).toBeNull();
    rerender(panel(true));
    expect(screen.getByText('the panel')).toBeInTheDocument();
    rerender(panel(false));
    expect(screen.getByText('the panel')).toBeInTheDocument();
  });

  it.each([
    ['a click', () => fireEvent.pointerDown(document.body)],
    ['a key', () => fireEvent.keyDown(document.body, { key: 'p' })],
    ['an edit', () => fireEvent.change(document.body)],
  ])('mounts the panel after the first use of the page: %s', (_, use) => {
    render(panel());
    act(() => {
      use();
    });
    expect(screen.getByText('the panel')).toBeInTheDocument();
  });

  it('with whenIdle, mounts the panel once the page is idle, and not before', () => {
    let idle: () => void = () => {};
    vi.stubGlobal('requestIdleCallback', (callback: () => void) => {
      idle = callback;
      return 1;
    });
    vi.stubGlobal('cancelIdleCallback', () => {});
    render(
      <OnDemand asked={false} whenIdle placeholder={<p>placeholder</p>}>
        <p>the panel</p>
      </OnDemand>,
    );
    expect(screen.queryByText('the panel')).toBeNull();
    act(() => idle());
    expect(screen.getByText('the panel')).toBeInTheDocument();
  });
});

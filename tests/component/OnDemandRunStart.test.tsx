// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { OnDemand } from '../../src/app/OnDemand';
import { AFTER_RUN_START_MS, startsRun } from '../../src/app/runStart';
import { INITIAL_RUN, initialRunState, runStore } from '../../src/store/runStore';
import { FakeIntersectionObserver } from '../helpers/fakeIntersectionObserver';

let idle: (() => void) | null = null;

beforeEach(() => {
  vi.useFakeTimers();
  idle = null;
  FakeIntersectionObserver.all = [];
  vi.stubGlobal('IntersectionObserver', FakeIntersectionObserver);
  vi.stubGlobal('requestIdleCallback', (callback: () => void) => {
    idle = callback;
    return 1;
  });
  vi.stubGlobal('cancelIdleCallback', () => {
    idle = null;
  });
});
afterEach(() => {
  cleanup();
  runStore.setState(initialRunState());
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

/** `byDefault`: the panel is given no `deferAfter`, as most of the lab's panels are. */
function Page({
  asked = false,
  byDefault = false,
}: {
  readonly asked?: boolean;
  readonly byDefault?: boolean;
}) {
  return (
    <>
      <section aria-label="Controls">
        <div role="group" aria-label="Run">
          <button type="button">Play</button>
        </div>
        <input type="range" aria-label="Speed" />
      </section>
      <button type="button">Reset view</button>
      <input aria-label="Name" />
      <OnDemand
        asked={asked}
        {...(byDefault ? {} : { deferAfter: startsRun })}
        placeholder={<p>placeholder</p>}
      >
        <p>the Math view</p>
      </OnDemand>
    </>
  );
}

const mathView = () => screen.queryByText('the Math view');

describe('OnDemand with deferAfter: the Math view stays out of the run’s first second', () => {
  it.each([
    ['a press on Play', () => fireEvent.pointerDown(screen.getByRole('button', { name: 'Play' }))],
    ['the Space shortcut', () => fireEvent.keyDown(document.body, { key: ' ' })],
    [
      'Enter on the focused Play button',
      () => fireEvent.keyDown(screen.getByRole('button', { name: 'Play' }), { key: 'Enter' }),
    ],
    [
      'the End key on the Speed slider beside Play, and the value it sets',
      () => {
        const speed = screen.getByRole('slider', { name: 'Speed' });
        fireEvent.keyDown(speed, { key: 'End' });
        fireEvent.input(speed, { target: { value: '100' } });
        fireEvent.change(speed, { target: { value: '100' } });
      },
    ],
  ])('after %s, mounts only once the run has gone a while and the page is idle', (_, use) => {
    render(<Page />);
    act(() => {
      use();
    });
    expect(mathView()).toBeNull();
    act(() => {
      vi.advanceTimersByTime(AFTER_RUN_START_MS - 1);
    });
    expect(mathView()).toBeNull();
    expect(idle).toBeNull(); // not even waiting for an idle moment yet
    act(() => {
      vi.advanceTimersByTime(1);
    });
    expect(mathView()).toBeNull();
    act(() => idle?.());
    expect(mathView()).toBeInTheDocument();
  });

  it('a panel given no deferAfter waits the same way: the Speed slider used before Play mounts nothing yet', () => {
    render(<Page byDefault />);
    act(() => {
      fireEvent.keyDown(screen.getByRole('slider', { name: 'Speed' }), { key: 'End' });
    });
    expect(mathView()).toBeNull();
    act(() => {
      vi.advanceTimersByTime(AFTER_RUN_START_MS);
    });
    act(() => idle?.());
    expect(mathView()).toBeInTheDocument();
  });

  it('after any other first use (a press elsewhere, typing), mounts at once as before', () => {
    render(<Page />);
    act(() => {
      fireEvent.pointerDown(screen.getByRole('button', { name: 'Reset view' }));
    });
    expect(mathView()).toBeInTheDocument();
  });

  it('a key that focus keeps (Space typed in a field) is not a run control', () => {
    render(<Page />);
    act(() => {
      fireEvent.keyDown(screen.getByRole('textbox', { name: 'Name' }), { key: ' ' });
    });
    expect(mathView()).toBeInTheDocument();
  });

  it('scrolled near, it mounts at once even while a deferred mount waits', () => {
    render(<Page />);
    act(() => {
      fireEvent.pointerDown(screen.getByRole('button', { name: 'Play' }));
    });
    act(() => FakeIntersectionObserver.all[0]!.show(true));
    expect(mathView()).toBeInTheDocument();
  });

  it('its phone view chosen, it mounts at once even while a deferred mount waits', () => {
    const { rerender } = render(<Page />);
    act(() => {
      fireEvent.pointerDown(screen.getByRole('button', { name: 'Play' }));
    });
    rerender(<Page asked />);
    expect(mathView()).toBeInTheDocument();
  });
});

const setStatus = (status: 'running' | 'paused'): void =>
  act(() => runStore.setState({ run: { ...INITIAL_RUN, status } }));

function IdlePanel({
  load,
  whenIdle = true,
}: {
  readonly load?: () => Promise<void>;
  readonly whenIdle?: boolean;
}) {
  return (
    <>
      <button type="button">Reset view</button>
      <OnDemand asked={false} whenIdle={whenIdle} load={load} placeholder={<p>placeholder</p>}>
        <p>the Math view</p>
      </OnDemand>
    </>
  );
}

describe('OnDemand while training runs live: a mount nobody asked for waits for the run to rest', () => {
  it('a first use or an idle moment mounts nothing during the run; pausing mounts it (in an idle moment)', () => {
    setStatus('running');
    render(<IdlePanel />);
    act(() => {
      fireEvent.pointerDown(screen.getByRole('button', { name: 'Reset view' }));
      vi.advanceTimersByTime(10_000);
    });
    act(() => idle?.());
    expect(mathView()).toBeNull();
    setStatus('paused');
    expect(mathView()).toBeInTheDocument(); // the first use: as soon as the run rests
  });

  it('an idle mount found the run playing again waits for the next rest', () => {
    render(<IdlePanel />);
    setStatus('running');
    act(() => idle?.());
    expect(mathView()).toBeNull();
    setStatus('paused');
    expect(mathView()).toBeNull(); // its own idle moment first
    act(() => idle?.());
    expect(mathView()).toBeInTheDocument();
  });

  it('the run start’s delay ends during the run: the Math view waits until Pause', () => {
    render(<Page />);
    act(() => {
      fireEvent.pointerDown(screen.getByRole('button', { name: 'Play' }));
    });
    setStatus('running');
    act(() => {
      vi.advanceTimersByTime(AFTER_RUN_START_MS);
    });
    act(() => idle?.());
    expect(mathView()).toBeNull();
    setStatus('paused');
    expect(mathView()).toBeInTheDocument();
  });

  it('during the run, scrolled near it waits (for Pause); scrolled on screen it mounts at once', () => {
    setStatus('running');
    render(<IdlePanel />);
    const [near, onScreen] = FakeIntersectionObserver.all;
    act(() => near!.show(true));
    expect(mathView()).toBeNull();
    act(() => onScreen!.show(true));
    expect(mathView()).toBeInTheDocument();
  });

  it('scrolled near during the run, it mounts in an idle moment once the run pauses', () => {
    setStatus('running');
    render(<IdlePanel whenIdle={false} />);
    act(() => FakeIntersectionObserver.all[0]!.show(true));
    expect(mathView()).toBeNull();
    setStatus('paused');
    expect(mathView()).toBeNull();
    act(() => idle?.());
    expect(mathView()).toBeInTheDocument();
  });

  it('waits for its code, and a run that starts meanwhile puts it off again', async () => {
    let arrive = (): void => {};
    const code = new Promise<void>((resolve) => (arrive = resolve));
    const load = vi.fn(() => code);
    render(<IdlePanel load={load} />);
    act(() => {
      fireEvent.pointerDown(screen.getByRole('button', { name: 'Reset view' }));
    });
    expect(load).toHaveBeenCalled();
    setStatus('running');
    await act(() => {
      arrive();
      return code;
    });
    expect(mathView()).toBeNull();
    setStatus('paused');
    await act(() => Promise.resolve());
    expect(mathView()).toBeInTheDocument();
  });
});

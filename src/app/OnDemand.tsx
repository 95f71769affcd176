import { startTransition, useEffect, useRef, useState, type ReactNode } from 'react';
import { afterRunStarts, startsRun } from './runStart';
import { isTrainingLive, runStore } from '../store/runStore';
import { mountWhenRunRests } from './runRest';

/** How far below (or above) the screen a panel starts to mount: about one screen's scroll ahead. */
const NEAR_MARGIN = '900px 0px';

/** The events that say a person is using the lab (and will soon look further down): any press or edit. */
const FIRST_USE_EVENTS = ['pointerdown', 'keydown', 'input', 'change'] as const;

interface OnDemandProps {
  /** Mount now regardless (the phone's `View` that holds the panel is chosen). */
  readonly asked: boolean;
  /** Mount also once the page is idle after load, one such panel per idle moment (inTurnWhenIdle). */
  readonly whenIdle?: boolean;
  /**
   * A first use after which the panel mounts only once the run has gone a while and the page is idle
   * (by default a run control, `startsRun`: a heavy mount would land in the run's first seconds). Scrolling
   * near or asking still mounts it at once.
   */
  readonly deferAfter?: (event: Event) => boolean;
  /** Fetches the panel's code: a mount nobody asked for yet waits for it, and so renders in one pass. */
  readonly load?: () => Promise<void>;
  /** Stands in, at about the panel's size, until the panel mounts. */
  readonly placeholder: ReactNode;
  readonly children: ReactNode;
}

/**
 * Mounts a panel below the first screen (the Math view's typeset formulas, the Dataset table) only once
 * it is wanted: scrolled near, its phone view chosen, or the person's first click, key or edit anywhere
 * (or, with `whenIdle`, once the page is idle), so the first paint stays small while every panel is in
 * place by the time anyone reaches it. These mounts are transitions: the click or key they follow is
 * answered first. A mount nobody asked for (idle, a first use) waits while training runs live and for
 * the panel's code (runRest.ts). Once mounted a panel stays, so its scroll position and state are kept.
 */
export function OnDemand({
  asked,
  whenIdle = false,
  deferAfter = startsRun,
  load,
  placeholder,
  children,
}: OnDemandProps) {
  const ref = useRef<HTMLDivElement>(null);
  const [wanted, setWanted] = useState(() => typeof IntersectionObserver === 'undefined');
  // Asked once is wanted for good: going back to another phone view keeps the panel and its state.
  if (asked && !wanted) setWanted(true);
  const mounted = wanted || asked;

  useEffect(() => {
    const element = ref.current;
    if (mounted || !element) return;
    const mount = (): void => startTransition(() => setWanted(true));
    let cancelLater = (): void => {};
    const want = (event: Event): void => {
      cancelLater();
      if (!deferAfter?.(event)) cancelLater = mountWhenRunRests(mount, { load, inTurn: false });
      else
        cancelLater = afterRunStarts(() => (cancelLater = mountWhenRunRests(mount, { load, inTurn: false })));
    };
    let cancelNear = (): void => {};
    const seen = (entries: IntersectionObserverEntry[]): boolean =>
      entries.some((entry) => entry.isIntersecting);
    // Near the screen it mounts ahead of the scroll once its code is here; while training runs live, only
    // once on screen (the run's frames are what the person watches; a panel laid out in the margin, or
    // whose code arrives mid-run, would cost them).
    const near = new IntersectionObserver(
      (entries) => {
        if (!seen(entries)) return;
        cancelNear();
        cancelNear = mountWhenRunRests(mount, { load, inTurn: isTrainingLive(runStore.getState()) });
      },
      { rootMargin: NEAR_MARGIN },
    );
    const onScreen = new IntersectionObserver((entries) => {
      if (seen(entries)) setWanted(true);
    });
    near.observe(element);
    onScreen.observe(element);
    for (const type of FIRST_USE_EVENTS) window.addEventListener(type, want, { once: true, capture: true });
    const cancelIdle = whenIdle ? mountWhenRunRests(mount, { load, inTurn: true }) : () => {};
    return () => {
      cancelIdle();
      cancelLater();
      cancelNear();
      near.disconnect();
      onScreen.disconnect();
      for (const type of FIRST_USE_EVENTS) window.removeEventListener(type, want, { capture: true });
    };
  }, [mounted, whenIdle, deferAfter, load]);

  return <div ref={ref}>{mounted ? children : placeholder}</div>;
}

import { startTransition, useEffect, useState } from 'react';
import type { Params } from '../core/network';
import { isTrainingLive, runStore, shownParams, type RunStoreState } from './runStore';

/**
 * The display clock: when the views redraw what the run store says. While training runs, a view on
 * screen redraws at most once per its cadence (every frame it can afford), a view off screen not at
 * all (it catches up as soon as it is back in view); paused, stepping or scrubbing, every change shows
 * at once, on screen or not. The `Training status` region keeps the live numbers for everyone meanwhile.
 */

/** The least time between two redraws of a view while training runs and it is on screen. */
export const CADENCES = {
  /** The live loss curve and the status figures: every animation frame. */
  frame: 0,
  /** The plane and the network diagram: about thirty redraws a second. */
  figure: 33,
  /** Numbers people read (the table's outputs, Predict, the tour): more often cannot be read. */
  readout: 100,
  /** The timeline: its end is "live" anyway, and each redraw lays out a slider and its text. */
  timeline: 250,
  /** The loss landscape: its marks move over a surface that is costly to draw. */
  landscape: 250,
  /** The formulas: re-typesetting them costs a frame's budget, and they are read, not watched. */
  formulas: 500,
} as const;

export type Cadence = keyof typeof CADENCES;

/**
 * The clock's policy: how long a change waits before a view shows it, or null to hold it until the
 * view is back on screen or training stops.
 */
export function redrawDelay(
  training: boolean,
  onScreen: boolean,
  everyMs: number,
  shownAt: number,
  now: number,
): number | null {
  if (!training) return 0;
  if (!onScreen) return null;
  return Math.max(0, shownAt + everyMs - now);
}

/**
 * What `select` reads from the run store, as the display clock lets a view show it. `select` must be
 * a stable function (declared outside the component) that allocates nothing: it runs on every frame.
 * Paused, a change renders as a transition, so the button or cell that asked for it paints first and
 * the views follow in interruptible work; while training it stays urgent (frames would keep
 * interrupting a transition).
 */
export function useDisplayedRun<T>(
  select: (state: RunStoreState) => T,
  cadence: Cadence,
  onScreen = true,
): T {
  const [shown, setShown] = useState(() => select(runStore.getState()));
  useEffect(() => {
    const everyMs = CADENCES[cadence];
    let timer: ReturnType<typeof setTimeout> | null = null;
    let shownAt = Number.NEGATIVE_INFINITY;
    /** A change was held back while off screen: pausing must show it even if nothing else moves. */
    let behind = false;
    const show = (): void => {
      if (timer !== null) clearTimeout(timer);
      timer = null;
      behind = false;
      shownAt = performance.now();
      const state = runStore.getState();
      const next = select(state);
      if (isTrainingLive(state)) setShown(() => next);
      else startTransition(() => setShown(() => next));
    };
    show(); // whatever changed between the render and this effect
    const unsubscribe = runStore.subscribe((state, previous) => {
      const training = isTrainingLive(state);
      if (select(state) === select(previous) && (training || !behind)) return;
      const wait = redrawDelay(training, onScreen, everyMs, shownAt, performance.now());
      if (wait === null) behind = true;
      else if (wait === 0) show();
      else timer ??= setTimeout(show, wait);
    });
    return () => {
      unsubscribe();
      if (timer !== null) clearTimeout(timer);
    };
  }, [select, cadence, onScreen]);
  return shown;
}

const wholeRun = (state: RunStoreState): RunStoreState => state;

/** The whole run store as the clock lets a view show it (for a view that derives much from the run). */
export function useDisplayedRunState(cadence: Cadence, onScreen = true): RunStoreState {
  return useDisplayedRun(wholeRun, cadence, onScreen);
}

/** The parameters a view shows (live, or the viewed epoch's: see `shownParams`), on the display clock. */
export function useShownParams(cadence: Cadence, onScreen = true): Params {
  return useDisplayedRun(shownParams, cadence, onScreen);
}

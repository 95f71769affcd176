import { startTransition, useEffect, useState } from 'react';
import { flushSync } from 'react-dom';
import type { Params } from '../core/network';
import { FrameBudget, type BudgetedView, type Detail } from './frameBudget';
import { FrameSlot } from './frameSlot';
import { isTrainingLive, runStore, shownParams, type RunStoreState } from './runStore';

/**
 * The display clock: when the views redraw what the run store says. While training runs, a view on
 * screen redraws at most once per its cadence (every frame it can afford), a view off screen not at
 * all (it catches up as soon as it is back in view); paused, stepping or scrubbing, every change shows
 * at once, on screen or not. The `Training status` region keeps the live numbers for everyone meanwhile.
 *
 * While training runs the clock also keeps the frame rate: it times each view's redraws and the page's
 * frames (frameBudget.ts), and a view whose redraws make frames run long is redrawn less often until
 * there is room again. Views with the `frame` cadence are never slowed: they keep the beat, one redraw in
 * each frame's callback however many worker messages came before it. Every other redraw the clock paces
 * is drawn in a frame's callback too, spread over the frames (frameSlot.ts): none in a task between two
 * frames, where it would make the browser lay the page out twice a frame. (A view drawn as it mounts or
 * comes back into view, and the redraws a stop flushes, still draw at once.)
 */

/** The least time between two redraws of a view while training runs and it is on screen. */
export const CADENCES = {
  /** The status figures: once per animation frame (in its callback), never slowed. */
  frame: 0,
  /** The live loss curve: every animation frame while frames have room (the budget may slow it). */
  curve: 0,
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

/** The budget every view of the page shares (one page, one frame). */
export const frameBudget = new FrameBudget();

/** The frame's share of redraw work every view of the page shares while training runs. */
const frameSlot = new FrameSlot(() => performance.now());

const noWork = (): void => {};

/**
 * Applies a view's new value now, timing what it costs (render, commit, effects: its drawing) for the
 * budget. Updates other views queued before it are flushed first, so they are not counted as its cost.
 */
function showTimed(view: BudgetedView, update: () => void): void {
  flushSync(noWork);
  const start = performance.now();
  flushSync(update);
  const end = performance.now();
  frameBudget.noteCost(view, end - start, end);
}

/**
 * The page's frames while training runs, timed by requestAnimationFrame for the budget; the loop runs only
 * while some view is mounted and training is live, and a stop hands every view its own cadence back.
 */
const frameWatch = {
  views: 0,
  frame: 0,
  last: Number.NaN,
  unsubscribe: null as (() => void) | null,
};

function onAnimationFrame(now: number): void {
  frameWatch.frame = 0;
  if (!isTrainingLive(runStore.getState()) || frameWatch.views === 0) return stopFrames();
  if (!Number.isNaN(frameWatch.last)) frameBudget.noteFrame(now - frameWatch.last, now);
  frameWatch.last = now;
  frameWatch.frame = requestAnimationFrame(onAnimationFrame);
  frameSlot.nextFrame();
}

function startFrames(): void {
  if (frameWatch.frame !== 0 || typeof requestAnimationFrame !== 'function') return;
  frameWatch.last = Number.NaN;
  frameWatch.frame = requestAnimationFrame(onAnimationFrame);
}

function stopFrames(): void {
  if (frameWatch.frame !== 0) cancelAnimationFrame(frameWatch.frame);
  frameWatch.frame = 0;
  frameWatch.last = Number.NaN;
  frameBudget.restart();
  frameSlot.flush();
}

function watchFrames(): () => void {
  frameWatch.views += 1;
  frameWatch.unsubscribe ??= runStore.subscribe((state) => {
    if (isTrainingLive(state)) startFrames();
    else if (frameWatch.frame !== 0) stopFrames();
  });
  if (isTrainingLive(runStore.getState())) startFrames();
  return () => {
    frameWatch.views -= 1;
    if (frameWatch.views > 0) return;
    frameWatch.unsubscribe?.();
    frameWatch.unsubscribe = null;
    stopFrames();
  };
}

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
 * the views follow in interruptible work (except the status figures, `frame`: they are the answer); while
 * training it stays urgent (frames would keep interrupting a transition).
 */
export function useDisplayedRun<T>(
  select: (state: RunStoreState) => T,
  cadence: Cadence,
  onScreen = true,
): T {
  return useClockedRun(select, cadence, onScreen);
}

function useClockedRun<T>(
  select: (state: RunStoreState) => T,
  cadence: Cadence,
  onScreen: boolean,
  onDetail?: (detail: Detail) => void,
): T {
  const [shown, setShown] = useState(() => select(runStore.getState()));
  useEffect(
    () =>
      followOnClock({
        cadence,
        onScreen,
        changed: (state, previous) => select(state) !== select(previous),
        show: (state, live) => {
          const next = select(state);
          // The status figures answer a pause or a step at once, with the button that asked for it.
          if (live || cadence === 'frame') setShown(() => next);
          else startTransition(() => setShown(() => next));
        },
        onDetail,
      }),
    [select, cadence, onScreen, onDetail],
  );
  return shown;
}

/** A view that follows the run store on the display clock (useDisplayedRun, or one drawn outside React). */
export interface ClockedView {
  readonly cadence: Cadence;
  readonly onScreen: boolean;
  /** Whether this store change concerns the view. */
  changed(state: RunStoreState, previous: RunStoreState): boolean;
  /** Shows `state`; `live` while training runs live (the clock times it for the budget). */
  show(state: RunStoreState, live: boolean): void;
  /** A view that can draw less finely hears here when the budget asks it to (or lets it draw fully again). */
  onDetail?: (detail: Detail) => void;
  /**
   * Asked after each redraw while training runs: whether the view has more of it to draw (work it spreads
   * over frames). It then redraws again in a frame with room, timed like any redraw, store change or not.
   */
  hasMore?: () => boolean;
}

/**
 * Follows the run store for `view` on the clock: shows what it has now, then each change it is due
 * (see redrawDelay), at the rate the frame budget currently allows it. Returns the unsubscribe.
 */
export function followOnClock(view: ClockedView): () => void {
  const { cadence, onScreen } = view;
  const hasDetail = view.onDetail !== undefined;
  const budgeted = frameBudget.add(CADENCES[cadence], { exempt: cadence === 'frame', hasDetail });
  budgeted.onDetail = view.onDetail ?? null;
  const unwatch = watchFrames();
  let timer: ReturnType<typeof setTimeout> | null = null;
  let shownAt = Number.NEGATIVE_INFINITY;
  /** A change was held back while off screen: pausing must show it even if nothing else moves. */
  let behind = false;
  /** `timed` only outside React's own work: the first call runs inside a commit's effects. */
  const show = (timed = true): void => {
    frameSlot.cancel(draw);
    if (timer !== null) clearTimeout(timer);
    timer = null;
    behind = false;
    shownAt = performance.now();
    const state = runStore.getState();
    const live = isTrainingLive(state);
    if (live && timed) showTimed(budgeted, () => view.show(state, true));
    else view.show(state, live);
    // Only with frames watched: the redraw then waits for the next frame (without, it would recurse).
    if (live && frameWatch.frame !== 0 && view.hasMore?.()) frameSlot.request(draw);
  };
  /**
   * While training runs (and frames are watched), a redraw waits for a frame with room; a view that keeps
   * the beat draws in the next frame's callback, once however many changes came before it.
   */
  const draw = (): void => show();
  const due = (): void => {
    if (frameWatch.frame === 0) show();
    else if (budgeted.exempt) frameSlot.requestBeat(draw);
    else frameSlot.request(draw);
  };
  show(false); // whatever changed between the render and this effect
  const unsubscribe = runStore.subscribe((state, previous) => {
    const training = isTrainingLive(state);
    if (!view.changed(state, previous) && (training || !behind)) return;
    const wait = redrawDelay(training, onScreen, budgeted.everyMs, shownAt, performance.now());
    if (wait === null) behind = true;
    else if (wait === 0) due();
    else timer ??= setTimeout(due, wait);
  });
  return () => {
    unsubscribe();
    frameSlot.cancel(draw);
    unwatch();
    if (budgeted.detail !== 'full') view.onDetail?.('full');
    frameBudget.remove(budgeted);
    if (timer !== null) clearTimeout(timer);
  };
}

const wholeRun = (state: RunStoreState): RunStoreState => state;

/** The whole run store as the clock lets a view show it (for a view that derives much from the run). */
export function useDisplayedRunState(cadence: Cadence, onScreen = true): RunStoreState {
  return useDisplayedRun(wholeRun, cadence, onScreen);
}

/**
 * The parameters a view shows on the display clock, and the detail the frame budget lets it draw at
 * ('reduced' only while training runs and its slowest rate still makes frames run long).
 */
export function useShownParamsAndDetail(cadence: Cadence, onScreen = true): [Params, Detail] {
  const [detail, setDetail] = useState<Detail>('full');
  return [useClockedRun(shownParams, cadence, onScreen, setDetail), detail];
}

/** The parameters a view shows (live, or the viewed epoch's: see `shownParams`), on the display clock. */
export function useShownParams(cadence: Cadence, onScreen = true): Params {
  return useDisplayedRun(shownParams, cadence, onScreen);
}

import { startTransition, useEffect, useState, type RefObject } from 'react';
import type { Params } from '../../core/network';
import { useLab, type LabState } from '../../store/labStore';
import { runHistory } from '../../store/runHistory';

/** Whether the element is on screen (true where IntersectionObserver is missing, as in jsdom). */
export function useOnScreen(ref: RefObject<Element | null> | null): boolean {
  const [onScreen, setOnScreen] = useState(true);
  useEffect(() => {
    const element = ref?.current;
    if (!element || typeof IntersectionObserver === 'undefined') return;
    const observer = new IntersectionObserver(([entry]) => setOnScreen(entry?.isIntersecting ?? true));
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref]);
  return onScreen;
}

let cachedKey = '';
let cachedParams: Params | null = null;

/** The parameters the views show (live, or at the viewed epoch), without allocating per frame. */
export function shownParamsOf(state: LabState): Params {
  if (state.viewEpoch === null) return state.run.params;
  const key = `${state.viewEpoch}:${state.historyVersion}:${state.run.runId}`;
  if (key !== cachedKey || !cachedParams) {
    const index = runHistory.nearestIndex(state.viewEpoch);
    cachedParams =
      index < 0 ? state.run.params : runHistory.paramsAt(index, new Float64Array(runHistory.paramsPerRecord));
    cachedKey = key;
  }
  return cachedParams;
}

/**
 * The shown parameters for a costly view: while training runs they change at most once per
 * `intervalMs`, and not at all while the view is off screen (it catches up as soon as it scrolls back
 * into view). Paused, stepping or scrubbing, every change shows at once, on screen or not. The
 * `Training status` region keeps the live numbers for everyone meanwhile.
 */
export function useCalmParams(ref: RefObject<Element | null> | null, intervalMs: number): Params {
  const onScreen = useOnScreen(ref);
  const [params, setParams] = useState(() => shownParamsOf(useLab.getState()));
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    let shownAt = 0;
    /** A change was held back while off screen: pausing must show it even if nothing else moves. */
    let behind = false;
    const show = (): void => {
      timer = null;
      behind = false;
      shownAt = performance.now();
      const next = shownParamsOf(useLab.getState());
      // Paused, every costly view catches up at once (Pause, a step, an edit): as a transition, so the
      // button or cell that asked paints first and the views follow in interruptible work. While
      // training it stays urgent: frames would keep interrupting a transition.
      if (useLab.getState().run.status === 'running') setParams(next);
      else startTransition(() => setParams(next));
    };
    show();
    const unsubscribe = useLab.subscribe((state, previous) => {
      const running = state.run.status === 'running';
      if (shownParamsOf(state) === shownParamsOf(previous) && (running || !behind)) return;
      if (running && !onScreen) {
        behind = true;
        return;
      }
      const wait = running ? shownAt + intervalMs - performance.now() : 0;
      if (wait <= 0) show();
      else timer ??= setTimeout(show, wait);
    });
    return () => {
      unsubscribe();
      if (timer !== null) clearTimeout(timer);
    };
  }, [onScreen, intervalMs]);
  return params;
}

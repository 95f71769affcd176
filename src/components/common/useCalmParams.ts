import { useEffect, useState, type RefObject } from 'react';
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

/** Off screen, a costly view still follows training, once a second (screen readers read it there too). */
export const OFF_SCREEN_INTERVAL_MS = 1000;

/**
 * The shown parameters for a costly view: while training runs they change at most once per
 * `intervalMs` (once a second while the view is off screen). Paused, stepping or scrubbing, every
 * change shows at once, on screen or not.
 */
export function useCalmParams(ref: RefObject<Element | null> | null, intervalMs: number): Params {
  const onScreen = useOnScreen(ref);
  const [params, setParams] = useState(() => shownParamsOf(useLab.getState()));
  useEffect(() => {
    const interval = onScreen ? intervalMs : Math.max(intervalMs, OFF_SCREEN_INTERVAL_MS);
    let timer: ReturnType<typeof setTimeout> | null = null;
    let shownAt = 0;
    const show = (): void => {
      timer = null;
      shownAt = performance.now();
      setParams(shownParamsOf(useLab.getState()));
    };
    show();
    const unsubscribe = useLab.subscribe((state, previous) => {
      if (shownParamsOf(state) === shownParamsOf(previous)) return;
      const wait = state.run.status === 'running' ? shownAt + interval - performance.now() : 0;
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

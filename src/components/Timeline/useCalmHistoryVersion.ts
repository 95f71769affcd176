import { useEffect, useState } from 'react';
import { useLab, type LabState } from '../../store/labStore';

/** While training runs live, the Timeline follows the history this often: its end is "live" anyway. */
export const TIMELINE_CALM_MS = 250;

/** Whether a new history version can wait: training runs and nobody is looking at the past. */
function canWait(state: LabState): boolean {
  return state.run.status === 'running' && state.viewEpoch === null;
}

/**
 * The store's `historyVersion`, for a view that reads the history but need not follow every training
 * frame: while training runs live it changes at most once per `intervalMs` (the latest version always
 * lands); paused, stepping or scrubbing, every change shows at once. Each render it saves is a slider
 * and a line of text the browser would otherwise lay out and paint again, 60 times a second.
 */
export function useCalmHistoryVersion(intervalMs = TIMELINE_CALM_MS): number {
  const [version, setVersion] = useState(() => useLab.getState().historyVersion);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    let shownAt = Number.NEGATIVE_INFINITY;
    const show = (): void => {
      timer = null;
      shownAt = performance.now();
      setVersion(useLab.getState().historyVersion);
    };
    show(); // whatever changed between the render and this effect
    const unsubscribe = useLab.subscribe((state, previous) => {
      if (state.historyVersion === previous.historyVersion && state.viewEpoch === previous.viewEpoch) return;
      const wait = canWait(state) ? shownAt + intervalMs - performance.now() : 0;
      if (wait <= 0) show();
      else timer ??= setTimeout(show, wait);
    });
    return () => {
      unsubscribe();
      if (timer !== null) clearTimeout(timer);
    };
  }, [intervalMs]);
  return version;
}

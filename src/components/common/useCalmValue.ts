import { startTransition, useEffect, useRef, useState } from 'react';

/**
 * `value`, but changing at most once per `intervalMs` (the latest value always lands). Numbers that
 * change 60 times a second cannot be read anyway, and re-typesetting formulas that often costs the
 * main thread its frame budget; with `intervalMs` 0 the value passes straight through.
 *
 * `hold` keeps the value shown until it is false again (a view off screen need not follow training);
 * then the latest lands at once. A calm update renders as a transition, so React can split a costly
 * render into short tasks instead of one long one.
 */
export function useCalmValue<T>(value: T, intervalMs: number, hold = false): T {
  const [calm, setCalm] = useState(value);
  const lastShownAt = useRef(0);
  useEffect(() => {
    if (intervalMs <= 0 || hold) return;
    const wait = lastShownAt.current + intervalMs - performance.now();
    const show = (): void => {
      lastShownAt.current = performance.now();
      startTransition(() => setCalm(value));
    };
    if (wait <= 0) {
      show();
      return;
    }
    const timer = setTimeout(show, wait);
    return () => clearTimeout(timer);
  }, [value, intervalMs, hold]);
  return intervalMs <= 0 ? value : calm;
}

import { onIdle } from './onIdle';
import { focusKeepsKey } from './shortcutFocus';

/** The shortcuts that work the run (Play / Pause, Step sample and epoch, Reset), where focus does not keep them. */
const RUN_KEYS = new Set([' ', 'ArrowRight', 'r', 'R']);

/**
 * How long a mount that followed a run control waits before it looks for an idle moment: past the run's
 * first second, whose frames are the ones a person watches most closely.
 */
export const AFTER_RUN_START_MS = 1500;

/**
 * Whether a press or a key works the run: a button in the `Run` group, a run shortcut, or a setting in the
 * run bar beside Play (Speed, Learning rate: set just before a run, their first use comes with the run's,
 * and the key or drag is followed by the `input` and `change` it makes).
 */
export function startsRun(event: Event): boolean {
  const target = event.target;
  if (!(target instanceof Element)) return false;
  if (target.matches('input') && target.closest('section[aria-label="Controls"]') !== null) return true;
  const inRunGroup = target.closest('[role="group"][aria-label="Run"]') !== null;
  if (event.type === 'pointerdown') return inRunGroup;
  if (event.type !== 'keydown') return false;
  const key = (event as KeyboardEvent).key;
  if (inRunGroup && (key === ' ' || key === 'Enter')) return true;
  return RUN_KEYS.has(key) && !focusKeepsKey(target, key);
}

/** Runs `callback` once the run has gone a while and then the page is idle; returns a cancel. */
export function afterRunStarts(callback: () => void): () => void {
  let cancelIdle = (): void => {};
  const timer = window.setTimeout(() => {
    cancelIdle = onIdle(callback);
  }, AFTER_RUN_START_MS);
  return () => {
    window.clearTimeout(timer);
    cancelIdle();
  };
}

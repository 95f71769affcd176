/** How long work waits for an idle moment at most, on a page that is never idle (training at full speed). */
const IDLE_TIMEOUT_MS = 3000;

/**
 * Runs `callback` once the main thread is idle after the page has painted (a timer where the browser
 * has no idle callbacks); returns a cancel.
 */
export function onIdle(callback: () => void): () => void {
  if (typeof window.requestIdleCallback === 'function') {
    const id = window.requestIdleCallback(callback, { timeout: IDLE_TIMEOUT_MS });
    return () => window.cancelIdleCallback(id);
  }
  const id = window.setTimeout(callback, 1000);
  return () => window.clearTimeout(id);
}

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

/**
 * Runs `callback` at the first idle moment after the page's `load` event, or, with `settleMs`, after the
 * page has had that long to settle past it: for work nobody waits for (the offline cache) that should
 * not compete with the first screen's scripts, network and first panels.
 */
export function afterLoad(callback: () => void, settleMs = 0): () => void {
  let cancel = (): void => {};
  const loaded = (): void => {
    if (settleMs <= 0) {
      cancel = onIdle(callback);
      return;
    }
    const timer = window.setTimeout(() => {
      cancel = onIdle(callback);
    }, settleMs);
    cancel = () => window.clearTimeout(timer);
  };
  if (document.readyState === 'complete') {
    loaded();
    return () => cancel();
  }
  window.addEventListener('load', loaded, { once: true });
  return () => {
    window.removeEventListener('load', loaded);
    cancel();
  };
}

interface Turn {
  readonly task: () => void | Promise<void>;
  /** Set while the turn waits for its idle moment. */
  cancelIdle: (() => void) | null;
}

/** The turns not yet started, in order; `busy` while one waits for its idle moment or its promise. */
const waiting: Turn[] = [];
let busy = false;

function nextTurn(): void {
  const turn = waiting.shift();
  busy = turn !== undefined;
  if (!turn) return;
  turn.cancelIdle = onIdle(() => {
    turn.cancelIdle = null;
    let result: void | Promise<void>;
    try {
      result = turn.task();
    } catch {
      result = undefined;
    }
    void Promise.resolve(result)
      .catch(() => {})
      .finally(nextTurn);
  });
}

/**
 * Runs `task` in an idle moment of its own once every task queued before it has run (and its promise
 * settled), so the panels and chunks a page loads after its first screen come one per idle moment,
 * never all in one long task; returns a cancel (a cancelled task is skipped, the queue goes on).
 */
export function inTurnWhenIdle(task: () => void | Promise<void>): () => void {
  const turn: Turn = { task, cancelIdle: null };
  waiting.push(turn);
  if (!busy) nextTurn();
  return () => {
    const index = waiting.indexOf(turn);
    if (index >= 0) waiting.splice(index, 1);
    else if (turn.cancelIdle) {
      turn.cancelIdle();
      turn.cancelIdle = null;
      nextTurn();
    }
  };
}

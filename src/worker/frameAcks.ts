/**
 * The page's side of the worker's flow control: a frame is handed back (its buffers, which is what lets
 * the worker post the next one: see slices.ts) only once the page has reached its next animation frame,
 * the one that paints it. So a page painting 10 frames a second receives about 10 messages a second,
 * each with every epoch since the last, instead of 60 it has to take in but cannot show.
 */

/** What the pacing needs of the page; the default is the browser's, a test passes its own. */
export interface PaintClock {
  /** Runs `task` before the page's next paint; returns a handle for `cancel`. */
  requestFrame(task: () => void): number;
  cancelFrame(handle: number): void;
  /** Whether the page paints at all now: a hidden page runs no animation frames. */
  painting(): boolean;
  /** Calls `listener` when the page stops or starts painting; returns the unsubscribe. */
  onPaintingChange(listener: () => void): () => void;
}

export interface FrameAcks<T> {
  /** The page has taken this frame in: hand it back with the next painted frame. */
  handBack(frame: T): void;
  /** Forgets whatever is waiting (the worker is gone). */
  dispose(): void;
}

/**
 * Hands frames back to `send` at the page's next animation frame, all that arrived before it together.
 * A hidden page paints nothing, so it hands back at once (and so does a page without animation frames):
 * training goes on at full speed behind another tab.
 */
export function pacedHandBack<T>(send: (frame: T) => void, clock = browserPaintClock()): FrameAcks<T> {
  const waiting: T[] = [];
  let handle: number | null = null;
  const sendAll = (): void => {
    handle = null;
    for (const frame of waiting.splice(0)) send(frame);
  };
  const stopWaiting = (): void => {
    if (handle !== null) clock?.cancelFrame(handle);
    sendAll();
  };
  const unfollow = clock?.onPaintingChange(() => {
    if (!clock.painting()) stopWaiting();
  });
  return {
    handBack(frame) {
      if (!clock?.painting()) return send(frame);
      waiting.push(frame);
      handle ??= clock.requestFrame(sendAll);
    },
    dispose() {
      unfollow?.();
      if (handle !== null) clock?.cancelFrame(handle);
      handle = null;
      waiting.length = 0;
    },
  };
}

/** The browser's animation frames and visibility; null where there are none (a worker, Node). */
export function browserPaintClock(): PaintClock | null {
  if (typeof requestAnimationFrame !== 'function' || typeof document === 'undefined') return null;
  return {
    requestFrame: (task) => requestAnimationFrame(task),
    cancelFrame: (handle) => cancelAnimationFrame(handle),
    painting: () => document.visibilityState !== 'hidden',
    onPaintingChange: (listener) => {
      document.addEventListener('visibilitychange', listener);
      return () => document.removeEventListener('visibilitychange', listener);
    },
  };
}

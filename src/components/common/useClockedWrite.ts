import { useCallback, type RefCallback } from 'react';
import { followOnClock } from '../../store/displayClock';
import { isTrainingLive, runStore, type RunStoreState } from '../../store/runStore';

/** Writes what the run store says into the page, straight into the DOM. */
type Write = (state: RunStoreState, live: boolean) => void;

/**
 * Every clocked write on the page, drawn by one view of the display clock: a write per figure would cost
 * each figure the clock's bookkeeping (its timing, its slot in the frame) every frame.
 */
const writes = new Set<Write>();
let unfollow: (() => void) | null = null;

function addWrite(write: Write): () => void {
  writes.add(write);
  if (unfollow === null) {
    unfollow = followOnClock({
      cadence: 'frame',
      onScreen: true,
      changed: (state, previous) => state !== previous,
      show: (state, live) => {
        for (const each of writes) each(state, live);
      },
    });
  } else {
    const state = runStore.getState();
    write(state, isTrainingLive(state));
  }
  return () => {
    writes.delete(write);
    if (writes.size > 0 || unfollow === null) return;
    unfollow();
    unfollow = null;
  };
}

/**
 * A ref that writes what the run store says into its element on the display clock's beat, outside React:
 * once per animation frame while training runs (however many worker messages came in it), at once when
 * paused or stepping, and as the element mounts. For figures that change every frame and are text: the
 * Training status, rendered through React every frame, reconciled and committed its whole tree to change
 * two text nodes.
 *
 * `write` gets the element, the state to show and whether training runs live; it must be stable
 * (declared outside the component, or memoised) and should write only what changed.
 */
export function useClockedWrite<E extends Element>(
  write: (element: E, state: RunStoreState, live: boolean) => void,
): RefCallback<E> {
  return useCallback(
    (element: E | null) =>
      element === null ? undefined : addWrite((state, live) => write(element, state, live)),
    [write],
  );
}

/**
 * Writes `text` into the element's one text node, in place: a new node each frame, as `textContent` makes,
 * is a new layout object each frame. Returns the text it replaced, or null when that text was shown already.
 */
export function writeText(element: Element, text: string): string | null {
  const node = element.firstChild;
  if (!(node instanceof Text)) {
    element.textContent = text;
    return '';
  }
  const before = node.data;
  if (before === text) return null;
  node.data = text;
  return before;
}

import { useCallback, useLayoutEffect, useRef, useState, type RefObject, type UIEvent } from 'react';

/** Rows of equal height rendered beyond each edge of the view, so a quick scroll shows no blank. */
const OVERSCAN = 6;
/** Sizes where the box cannot be measured (hidden, or jsdom): a row of padded text, the CSS box height. */
const FALLBACK_ROW = 29;
const FALLBACK_VIEW = 384;

export interface RowWindow {
  /** The first row rendered and one past the last. */
  readonly start: number;
  readonly end: number;
  /** Space standing in for the rows above and below the window. */
  readonly gapBefore: number;
  readonly gapAfter: number;
  readonly onScroll: (event: UIEvent<HTMLElement>) => void;
}

/**
 * The rows of a long table that are in its scroll box's view, plus overscan: every row is as high as
 * the first one rendered, so the window is worked out from the scroll offset alone. `bodyRef` is the
 * table body (the caption and header above it scroll too); with `enabled` false every row is rendered.
 */
export function useRowWindow(
  count: number,
  enabled: boolean,
  scrollRef: RefObject<HTMLElement | null>,
  bodyRef: RefObject<HTMLTableSectionElement | null>,
): RowWindow {
  const [scrollTop, setScrollTop] = useState(0);
  const [box, setBox] = useState({ row: FALLBACK_ROW, view: FALLBACK_VIEW, top: 0 });
  const frame = useRef(0);

  // Measured when the table turns long or changes length, and again whenever the box is resized.
  useLayoutEffect(() => {
    const scroller = scrollRef.current;
    if (!enabled || !scroller) return;
    const measure = () => {
      const body = bodyRef.current;
      const firstRow = body?.querySelector('tr:not([aria-hidden])');
      const row = firstRow?.getBoundingClientRect().height || FALLBACK_ROW;
      const view = scroller.clientHeight || FALLBACK_VIEW;
      const top = body?.offsetTop ?? 0;
      setBox((old) => (old.row === row && old.view === view && old.top === top ? old : { row, view, top }));
    };
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(measure);
    observer.observe(scroller);
    return () => observer.disconnect();
  }, [enabled, count, scrollRef, bodyRef]);

  // One state change per frame however many scroll events come in it.
  const onScroll = useCallback((event: UIEvent<HTMLElement>) => {
    const offset = event.currentTarget.scrollTop;
    cancelAnimationFrame(frame.current);
    frame.current = requestAnimationFrame(() => setScrollTop(offset));
  }, []);
  useLayoutEffect(() => () => cancelAnimationFrame(frame.current), []);

  if (!enabled) return { start: 0, end: count, gapBefore: 0, gapAfter: 0, onScroll };
  const inView = Math.ceil(box.view / box.row);
  // Clamped to the last screenful: a scroll offset can run past the rows for a moment (a shrinking table).
  const top = Math.min(Math.floor(Math.max(0, scrollTop - box.top) / box.row), Math.max(0, count - inView));
  const start = Math.max(0, top - OVERSCAN);
  const end = Math.min(count, top + inView + 1 + OVERSCAN);
  return { start, end, gapBefore: start * box.row, gapAfter: (count - end) * box.row, onScroll };
}

import {
  defaultRangeExtractor,
  measureElement,
  observeElementRect,
  useVirtualizer,
  type Range,
  type Virtualizer,
} from '@tanstack/react-virtual';
import { useCallback, useLayoutEffect, useMemo, useRef, useState, type RefObject } from 'react';

/** From this many rows the table renders only the rows in view (and a few around them). */
export const VIRTUAL_FROM = 100;
/** A row's height before it is measured: one line of inputs. */
const ROW_ESTIMATE = 46;
/**
 * Rows rendered beyond each edge of the view, so Enter and Tab land on a rendered row. Few: every row
 * holds five form controls, and scrolling 100,000 rows while training ran at 35-42 fps with 8 rows
 * each side, 44-53 fps with 2 (wheel scrolling in Chromium, bench-like load).
 */
const OVERSCAN = 2;
/** The view's size where it cannot be measured (hidden, or jsdom). */
const FALLBACK_VIEW = { width: 800, height: 480 };

type TableVirtualizer = Virtualizer<HTMLDivElement, HTMLTableRowElement>;

/** A row to render, with the empty space (rows not rendered) to leave above it. */
export interface RenderedRow {
  readonly index: number;
  readonly gapBefore: number;
}

export interface VirtualRows {
  readonly virtual: boolean;
  readonly rows: readonly RenderedRow[];
  /** Space for the rows after the last rendered one. */
  readonly gapAfter: number;
  /** The ref each rendered row passes, so its real height replaces the estimate. */
  readonly measureRow: (row: HTMLTableRowElement | null) => void;
  /** Focuses a cell; a row off screen is rendered and scrolled in first. */
  readonly focusCell: (row: number, column: string) => void;
  /** Keeps a row rendered while it holds focus, even scrolled out of view. */
  readonly pinRow: (row: number) => void;
  /** Scrolls a row into view if it is not (a row picked on the plane). */
  readonly revealRow: (row: number) => void;
}

export function findCell(container: HTMLElement | null, row: number, column: string): HTMLElement | null {
  return container?.querySelector<HTMLElement>(`[data-row="${row}"][data-col="${column}"]`) ?? null;
}

function focusAndSelect(cell: HTMLElement): void {
  cell.focus();
  if (cell instanceof HTMLInputElement) cell.select();
}

/** Rows to render: the ones in view plus overscan, plus the pinned (focused) row wherever it is. */
function withPinned(pinned: number | null) {
  return (range: Range): number[] => {
    const indexes = defaultRangeExtractor(range);
    if (pinned === null || pinned >= range.count || indexes.includes(pinned)) return indexes;
    return [...indexes, pinned].sort((a, b) => a - b);
  };
}

/** The rendered rows in order, each with the gap to leave above it, and the gap after the last. */
function layOut(virtualizer: TableVirtualizer, margin: number): { rows: RenderedRow[]; gapAfter: number } {
  const rows: RenderedRow[] = [];
  let end = margin;
  for (const item of virtualizer.getVirtualItems()) {
    rows.push({ index: item.index, gapBefore: Math.max(0, item.start - end) });
    end = item.end;
  }
  return { rows, gapAfter: Math.max(0, virtualizer.getTotalSize() + margin - end) };
}

/**
 * Virtual rows for the dataset table (@tanstack/react-virtual): the table stays a real table (spacer
 * rows stand in for the rows not rendered), its scroll box is the viewport, and the header above the
 * body is the scroll margin. Small tables render every row, as a plain table.
 */
export function useVirtualRows(
  count: number,
  scrollRef: RefObject<HTMLDivElement | null>,
  bodyRef: RefObject<HTMLTableSectionElement | null>,
): VirtualRows {
  const virtual = count >= VIRTUAL_FROM;
  const [pinned, setPinned] = useState<number | null>(null);
  const [margin, setMargin] = useState(0);
  const pendingFocus = useRef<{ row: number; column: string } | null>(null);
  // Rows are one line high unless a cell explains a problem. Estimating exactly that height means a
  // newly measured row changes nothing, so scrolling never re-lays out 100,000 offsets.
  const lineHeight = useRef(ROW_ESTIMATE);
  const measured = useRef(false);

  // TanStack Virtual hands back methods that React Compiler cannot memoize; this hook re-renders on
  // every scroll change by design, so skipping the compiler here costs nothing.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer<HTMLDivElement, HTMLTableRowElement>({
    count,
    enabled: virtual,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => lineHeight.current,
    overscan: OVERSCAN,
    scrollMargin: margin,
    scrollPaddingStart: margin,
    rangeExtractor: useMemo(() => withPinned(pinned), [pinned]),
    observeElementRect: (instance, notify) =>
      observeElementRect(instance, (rect) => notify(rect.height > 0 ? rect : FALLBACK_VIEW)),
    measureElement: (row, entry, instance) => {
      const height = measureElement(row, entry, instance) || lineHeight.current;
      if (!measured.current || height < lineHeight.current) lineHeight.current = height;
      measured.current = true;
      return height;
    },
    // An instant jump: a smooth scroll over thousands of rows would render every one on the way.
    scrollToFn: (offset, { adjustments = 0 }, instance) => {
      if (instance.scrollElement) instance.scrollElement.scrollTop = offset + adjustments;
    },
  });

  // The body starts below the caption and the header row: the rows' offsets count from there.
  useLayoutEffect(() => {
    const top = virtual ? (bodyRef.current?.offsetTop ?? 0) : 0;
    if (top !== margin) setMargin(top);
  }, [virtual, bodyRef, margin, count]);

  // A cell asked for while its row was off screen gets focus once the row is rendered.
  useLayoutEffect(() => {
    const wanted = pendingFocus.current;
    if (!wanted) return;
    const cell = findCell(scrollRef.current, wanted.row, wanted.column);
    if (!cell) return;
    pendingFocus.current = null;
    focusAndSelect(cell);
  });

  const focusCell = useCallback(
    (row: number, column: string) => {
      const cell = findCell(scrollRef.current, row, column);
      if (cell) {
        focusAndSelect(cell);
        return;
      }
      pendingFocus.current = { row, column };
      setPinned(row);
      virtualizer.scrollToIndex(row, { align: 'center' });
    },
    [scrollRef, virtualizer],
  );

  const revealRow = useCallback(
    (row: number) => {
      if (!virtual || row >= count) return;
      const shown = virtualizer.range;
      if (shown && row >= shown.startIndex && row <= shown.endIndex) return;
      virtualizer.scrollToIndex(row, { align: 'center' });
    },
    [virtual, count, virtualizer],
  );

  const layout = virtual
    ? layOut(virtualizer, margin)
    : { rows: Array.from({ length: count }, (_, index) => ({ index, gapBefore: 0 })), gapAfter: 0 };
  return {
    virtual,
    ...layout,
    measureRow: virtualizer.measureElement,
    focusCell,
    pinRow: setPinned,
    revealRow,
  };
}

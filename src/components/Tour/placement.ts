/** A box in viewport coordinates, as getBoundingClientRect gives it. */
export interface ViewportBox {
  readonly top: number;
  readonly bottom: number;
  readonly left: number;
  readonly right: number;
}

export interface ViewportState {
  readonly width: number;
  readonly height: number;
  readonly scrollY: number;
  readonly maxScrollY: number;
}

/**
 * Where the tour's card goes so that it does not cover what the step shows: beside it when a side of
 * the window has room for the card, otherwise under it, the page scrolled so the shown part starts at
 * the top (below `topInset`, what stays pinned there) and the card gets the height left below it.
 */
export type CardPlacement =
  | { readonly dock: 'left' | 'right' }
  | { readonly dock: 'bottom'; readonly scrollTo: number; readonly room: number };

export interface PlacementInput {
  /** The part of the page the step shows. */
  readonly shown: ViewportBox;
  /**
   * True when the shown part is pinned at the top (sticky) and may be partly scrolled away under the
   * top edge: the page goes back to its top, where the whole of it shows.
   */
  readonly pinned: boolean;
  readonly viewport: ViewportState;
  /** The card's width when it sits beside the shown part. */
  readonly cardWidth: number;
  /** The space kept between the card, the window's edges and the shown part. */
  readonly gap: number;
  /** The height at the top of the window that pinned content (a sticky bar) covers. */
  readonly topInset: number;
}

export function placeCard({
  shown,
  pinned,
  viewport,
  cardWidth,
  gap,
  topInset,
}: PlacementInput): CardPlacement {
  const needed = cardWidth + 2 * gap;
  if (viewport.width - shown.right >= needed) return { dock: 'right' };
  if (shown.left >= needed) return { dock: 'left' };
  const wanted = viewport.scrollY + shown.top - topInset - gap;
  if (pinned) return { dock: 'bottom', scrollTo: 0, room: viewport.height - shown.bottom - 2 * gap };
  const scrollTo = Math.min(Math.max(wanted, 0), viewport.maxScrollY);
  const bottomAfterScroll = shown.bottom - (scrollTo - viewport.scrollY);
  return { dock: 'bottom', scrollTo, room: viewport.height - bottomAfterScroll - 2 * gap };
}

/** The card's width beside a figure, in rem (Tour.css's width for the card). */
const CARD_WIDTH_REM = 27;

/**
 * Measures the page and places the card away from `shown`; a pinned run bar (the phone's sticky
 * `Controls`) counts as covered room at the top.
 */
export function measurePlacement(shown: HTMLElement, pinnedBar: HTMLElement | null): CardPlacement {
  const rem = parseFloat(getComputedStyle(document.documentElement).fontSize) || 16;
  const root = document.documentElement;
  const viewport = {
    width: root.clientWidth,
    height: window.innerHeight,
    scrollY: window.scrollY,
    maxScrollY: Math.max(0, root.scrollHeight - window.innerHeight),
  };
  const barIsPinned = pinnedBar !== null && getComputedStyle(pinnedBar).position === 'sticky';
  return placeCard({
    shown: shown.getBoundingClientRect(),
    pinned: barIsPinned && pinnedBar.contains(shown),
    viewport,
    cardWidth: Math.min(CARD_WIDTH_REM * rem, viewport.width - 2 * rem),
    gap: rem,
    topInset: barIsPinned ? pinnedBar.getBoundingClientRect().height : 0,
  });
}

const overlaps = (a: ViewportBox, b: ViewportBox): boolean =>
  a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

/**
 * A card docked beside the page covers a column of it. When the learner moves to a control under the
 * card (a lesson asks them to change a setting), the card goes to the window's other side; a card under
 * the shown part (`bottom`) stays, the page scrolls there.
 */
export function dockAwayFrom(card: ViewportBox, focused: ViewportBox, dock: CardPlacement['dock']) {
  if (dock === 'bottom' || !overlaps(card, focused)) return null;
  return dock === 'left' ? ('right' as const) : ('left' as const);
}

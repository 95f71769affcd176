/** The class that outlines the figure or region a tour step points at (styled in Tour.css). */
export const TOUR_TARGET_CLASS = 'tour-target';

export function prefersReducedMotion(): boolean {
  return typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
}

/** The element carrying this accessible name as its aria-label; null when it is not on the page. */
export function findLabelled(label: string, root: ParentNode = document): HTMLElement | null {
  return root.querySelector<HTMLElement>(`[aria-label="${CSS.escape(label)}"]`);
}

/** Which side the tour's panel docks on: away from the target, so it does not cover it. */
export type DockSide = 'left' | 'right';

/** The panel docks on the right of a target in the side column, on the left (over it) otherwise. */
export function dockSideFor(label: string): DockSide {
  return findLabelled(label)?.closest('aside') ? 'right' : 'left';
}

/**
 * Outlines the element named `label` and scrolls it into view, or the part of it named `detail` when
 * that is on the page (at once when the user asked for less motion). Returns the undo: it takes the
 * outline off again.
 */
export function highlightLabelled(label: string, detail?: string): () => void {
  const target = findLabelled(label);
  if (!target) return () => {};
  target.classList.add(TOUR_TARGET_CLASS);
  const scrolled = (detail === undefined ? null : findLabelled(detail, target)) ?? target;
  // jsdom has no scrolling; browsers all do.
  scrolled.scrollIntoView?.({
    behavior: prefersReducedMotion() ? 'auto' : 'smooth',
    block: scrolled === target ? 'start' : 'center',
  });
  return () => target.classList.remove(TOUR_TARGET_CLASS);
}

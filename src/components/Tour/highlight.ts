/** The class that outlines the figure or region a tour step points at (styled in Tour.css). */
export const TOUR_TARGET_CLASS = 'tour-target';

export function prefersReducedMotion(): boolean {
  return typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
}

/**
 * The element carrying this accessible name: as its aria-label, or a table named by its caption (the
 * Dataset); null when it is not on the page.
 */
export function findLabelled(label: string, root: ParentNode = document): HTMLElement | null {
  const labelled = root.querySelector<HTMLElement>(`[aria-label="${CSS.escape(label)}"]`);
  if (labelled) return labelled;
  const caption = [...root.querySelectorAll('table > caption')].find((c) => c.textContent?.trim() === label);
  return caption?.parentElement ?? null;
}

/**
 * Outlines the element named `label`. Returns the undo: it takes the outline off again.
 */
export function outlineLabelled(label: string): () => void {
  const target = findLabelled(label);
  if (!target) return () => {};
  target.classList.add(TOUR_TARGET_CLASS);
  return () => target.classList.remove(TOUR_TARGET_CLASS);
}

/** The part a step shows: the part of the target named `detail` when that is on the page, else the target. */
export function shownPart(label: string, detail?: string): HTMLElement | null {
  const target = findLabelled(label);
  if (!target) return null;
  return (detail === undefined ? null : findLabelled(detail, target)) ?? target;
}

/**
 * The name of the view (`data-view-panel`) the element named `label` lives in, when that view is not
 * shown (a phone shows one view at a time); null when the element is on screen or in no view.
 */
export function hiddenViewOf(label: string): string | null {
  const panel = findLabelled(label)?.closest<HTMLElement>('[data-view-panel]');
  if (!panel || panel.getClientRects().length > 0) return null;
  return panel.dataset.viewPanel ?? null;
}

import { useEffect, type RefObject } from 'react';

/** The draggable people on the plane (PeoplePoints). */
const POINT_SELECTOR = '.boundary-point';

/**
 * A finger on a person drags that person instead of scrolling the page. `touch-action: none` in CSS is
 * not enough: Chromium ignores it on SVG shapes, takes the gesture for a pan and cancels the pointer, so
 * nothing moves. Cancelling the touchstart (a listener that is not passive, which React's are) keeps the
 * gesture on the point; a finger anywhere else on the plane still scrolls the page.
 */
export function useTouchDrag(svgRef: RefObject<SVGSVGElement | null>): void {
  useEffect(() => {
    const svg = svgRef.current;
    if (!svg) return;
    const onTouchStart = (event: TouchEvent): void => {
      if (event.target instanceof Element && event.target.closest(POINT_SELECTOR)) event.preventDefault();
    };
    svg.addEventListener('touchstart', onTouchStart, { passive: false });
    return () => svg.removeEventListener('touchstart', onTouchStart);
  }, [svgRef]);
}

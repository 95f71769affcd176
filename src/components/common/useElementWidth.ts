import { startTransition, useLayoutEffect, useRef, useState, type RefObject } from 'react';
import { flushSync } from 'react-dom';

/**
 * The rendered width of an element, kept current with ResizeObserver, so figures lay themselves out
 * for a phone, a laptop or a projector. Where ResizeObserver is missing (jsdom), `fallback` is used.
 *
 * The first width comes from the observer's first report with a width (an element hidden as it mounts
 * reports 0 and waits), which comes after the browser's own layout and before that frame is painted, so
 * it forces no layout of its own (only a figure reporting after another one's redraw reads a fresh one).
 * A figure on screen redraws at its width right there, so its first paint is already right; one off
 * screen redraws in a transition, which yields to the browser (a phone's load: before, one long task per
 * figure mounting below the fold, measured in a layout effect and redrawn in the same task).
 *
 * `standIn` selects an element already laid out on the page that this one replaces (the built page's
 * first screen): its width is the first render's, so a figure that replaces it is drawn once, not twice.
 *
 * The third value, `sized`, is false only until that first width: a render before it is at a guessed
 * width that is not painted on screen (an off-screen figure keeps it until its transition commits), so a
 * figure can leave its costly drawing out of it. Without ResizeObserver the fallback is final, and sized.
 */
export function useElementWidth<T extends HTMLElement>(
  fallback: number,
  standIn?: string,
): [RefObject<T | null>, number, boolean] {
  const ref = useRef<T>(null);
  const [size, setSize] = useState<Size>(() => {
    const known = standInWidth(standIn);
    if (known > 0) return { width: known, sized: true };
    return { width: fallback, sized: typeof ResizeObserver === 'undefined' };
  });
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element || typeof ResizeObserver === 'undefined') return;
    let first = true;
    let watchAgain = 0;
    const observer = new ResizeObserver(() => {
      const box = element.getBoundingClientRect();
      const measured = Math.floor(box.width);
      if (measured <= 0) return; // not laid out (hidden): its first width comes when it is shown
      const setWidth = (): void =>
        setSize((now) => (now.sized && now.width === measured ? now : { width: measured, sized: true }));
      if (!first) return setWidth();
      first = false;
      if (box.bottom <= 0 || box.top >= window.innerHeight) return startTransition(setWidth);
      // Redrawn before the paint. The redraw may change the element's height, which this same pass of
      // the observers could not report again (the browser's "loop completed with undelivered
      // notifications" error): the observer looks away over the redraw and again from the next frame.
      observer.unobserve(element);
      flushSync(setWidth);
      watchAgain = requestAnimationFrame(() => observer.observe(element));
    });
    observer.observe(element);
    return () => {
      cancelAnimationFrame(watchAgain);
      observer.disconnect();
    };
  }, []);
  return [ref, size.width, size.sized];
}

interface Size {
  readonly width: number;
  readonly sized: boolean;
}

/** The width of the stand-in `selector` finds, 0 when there is none (or it is not laid out, or no DOM). */
function standInWidth(selector: string | undefined): number {
  if (selector === undefined || typeof document === 'undefined') return 0;
  const element = document.querySelector(selector);
  return element === null ? 0 : Math.floor(element.getBoundingClientRect().width);
}

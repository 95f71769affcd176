import { useEffect, useState, type RefObject } from 'react';

/** Whether the element is on screen (true where IntersectionObserver is missing, as in jsdom). */
export function useOnScreen(ref: RefObject<Element | null> | null): boolean {
  const [onScreen, setOnScreen] = useState(true);
  useEffect(() => {
    const element = ref?.current;
    if (!element || typeof IntersectionObserver === 'undefined') return;
    const observer = new IntersectionObserver(([entry]) => setOnScreen(entry?.isIntersecting ?? true));
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref]);
  return onScreen;
}

import { act } from '@testing-library/react';

/**
 * Lets the page paint one animation frame (jsdom runs them at 60 Hz). While training runs live, the
 * Training status keeps the display clock's beat: what the worker sent shows in the next frame.
 */
export function nextFrame(): Promise<void> {
  return act(() => new Promise<void>((resolve) => requestAnimationFrame(() => resolve())));
}

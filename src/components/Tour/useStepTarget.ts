import { useEffect } from 'react';
import { flushSync } from 'react-dom';
import { findLabelled, hiddenViewOf, outlineLabelled, shownPart } from './highlight';
import type { TourStep } from './tourSteps';

/**
 * Outlines the step's target while the step is shown, and takes the outline off after it. Panels mount
 * on demand (a phone's hidden views, the Math view in place of its stand-in, a figure's code still
 * loading), so a step may begin before its target is on the page, or point at a stand-in that the panel
 * then replaces: whenever another element takes the name, the step shows its view, is placed beside the
 * new element and outlines it.
 */
export function useStepTarget(
  step: Pick<TourStep, 'target' | 'detail'> | null,
  onShowView: ((view: string) => void) | undefined,
  onPlace: (shown: HTMLElement) => void,
): void {
  useEffect(() => {
    if (!step) return undefined;
    let outlined = findLabelled(step.target);
    let undoOutline = outlineLabelled(step.target);
    // A target whose content settles after the step began (formulas typeset once their code arrives, a
    // figure that lays itself out) moves what the step shows: the card is placed, and the page scrolled,
    // again. A slow machine's Math view grew under a step already scrolled to it, and the card covered it.
    let measured = false;
    const resized =
      typeof ResizeObserver === 'undefined'
        ? null
        : new ResizeObserver(() => {
            if (!measured) {
              measured = true; // the first report is the size the step was placed at
              return;
            }
            const shown = shownPart(step.target, step.detail);
            if (shown) onPlace(shown);
          });
    const watchSize = (target: HTMLElement | null): void => {
      resized?.disconnect();
      measured = false;
      if (target) resized?.observe(target);
    };
    watchSize(outlined);
    // Only elements coming and going can change which one carries the name (not text or attributes).
    const observer = new MutationObserver(() => {
      const target = findLabelled(step.target);
      if (target === outlined || target === null) return;
      outlined = target;
      watchSize(target);
      undoOutline();
      const view = hiddenViewOf(step.target);
      if (view !== null) flushSync(() => onShowView?.(view));
      const shown = shownPart(step.target, step.detail);
      if (shown) onPlace(shown);
      undoOutline = outlineLabelled(step.target);
    });
    observer.observe(document.body, { childList: true, subtree: true });
    return () => {
      observer.disconnect();
      resized?.disconnect();
      undoOutline();
    };
    // The step alone decides what is watched; the callbacks only carry the answer.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [step]);
}

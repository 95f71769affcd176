import { useEffect } from 'react';
import { flushSync } from 'react-dom';
import { findLabelled, hiddenViewOf, outlineLabelled, shownPart } from './highlight';
import type { TourStep } from './tourSteps';

/** How long a step waits for a target that is still mounting before it stays without an outline. */
const LATE_TARGET_MS = 10_000;

/**
 * Outlines the step's target while the step is shown, and takes the outline off after it. Panels mount
 * on demand (a phone's hidden views, a figure's code still loading), so a step may begin before its
 * target is on the page: then, when it appears, the step shows its view and is placed beside it.
 */
export function useStepTarget(
  step: TourStep | null,
  onShowView: ((view: string) => void) | undefined,
  onPlace: (shown: HTMLElement) => void,
): void {
  useEffect(() => {
    if (!step) return undefined;
    let undoOutline = outlineLabelled(step.target);
    if (findLabelled(step.target)) return () => undoOutline();
    const observer = new MutationObserver(() => {
      if (!findLabelled(step.target)) return;
      stopWaiting();
      const view = hiddenViewOf(step.target);
      if (view !== null) flushSync(() => onShowView?.(view));
      const shown = shownPart(step.target, step.detail);
      if (shown) onPlace(shown);
      undoOutline = outlineLabelled(step.target);
    });
    const giveUp = setTimeout(() => observer.disconnect(), LATE_TARGET_MS);
    const stopWaiting = (): void => {
      observer.disconnect();
      clearTimeout(giveUp);
    };
    observer.observe(document.body, { childList: true, subtree: true });
    return () => {
      stopWaiting();
      undoOutline();
    };
    // The step alone decides what is waited for; the callbacks only carry the answer.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [step]);
}

import { useEffect, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import {
  isArticleTable,
  labDiffersFrom,
  restoreLabSnapshot,
  takeLabSnapshot,
  type LabSnapshot,
} from '../../store/classroomActions';
import { HeaderToolLabel } from '../common/HeaderToolLabel';
import { findLabelled, hiddenViewOf, prefersReducedMotion, shownPart } from './highlight';
import { measurePlacement, type CardPlacement } from './placement';
import { TourDialog } from './TourDialog';
import { TOUR_STEPS } from './tourSteps';
import { useStepTarget } from './useStepTarget';
import './Tour.css';

/** Where the tour is: a step, the question at the end, or not running. */
type TourAt = number | 'ending' | null;

interface TourProps {
  /** Shows the view (a phone's `View`) that holds a step's target, when that view is not shown. */
  readonly onShowView?: (view: string) => void;
}

/** The run bar's accessible name: on a phone it stays pinned at the top while the page scrolls. */
const RUN_BAR = 'Controls';

/** Scrolls the step's part into view and says where the card goes so that it does not cover it. */
export function showStep(shown: HTMLElement): CardPlacement {
  const placement = measurePlacement(shown, findLabelled(RUN_BAR));
  const behavior = prefersReducedMotion() ? 'auto' : 'smooth';
  // Beside the part, any scroll keeps them apart; under it, the page scrolls to exactly where the room was measured.
  if (placement.dock === 'bottom') window.scrollTo({ top: placement.scrollTo, behavior });
  // jsdom has no scrolling; browsers all do.
  else shown.scrollIntoView?.({ behavior, block: 'nearest' });
  return placement;
}

/**
 * `Take the tour`: walks through the article's sections, each step setting the lab up to show its
 * point and outlining the figure that shows it. The user's table and settings are kept at the start;
 * if the tour changed them, ending it asks whether to put them back.
 */
export function Tour({ onShowView }: TourProps) {
  const [at, setAt] = useState<TourAt>(null);
  const snapshot = useRef<LabSnapshot | null>(null);
  const [setAsideCount, setSetAsideCount] = useState<number | null>(null);
  const dialogRef = useRef<HTMLDivElement>(null);
  const openerRef = useRef<HTMLButtonElement>(null);
  const open = at !== null;

  const [placement, setPlacement] = useState<CardPlacement>({ dock: 'right' });
  const goTo = (index: number): void => {
    const step = TOUR_STEPS[index]!;
    // The step's lab and view are on the page before the card is placed beside or under its target.
    flushSync(() => {
      step.setUp();
      const view = hiddenViewOf(step.target);
      if (view !== null) onShowView?.(view);
    });
    const shown = shownPart(step.target, step.detail);
    setPlacement(shown ? showStep(shown) : { dock: 'right' });
    setAt(index);
  };
  const start = (): void => {
    if (open) {
      dialogRef.current?.focus();
      return;
    }
    const taken = takeLabSnapshot();
    snapshot.current = taken;
    setSetAsideCount(isArticleTable(taken.people) ? null : taken.people.length);
    goTo(0);
  };
  const close = (): void => {
    setAt(null);
    snapshot.current = null;
    setSetAsideCount(null);
    openerRef.current?.focus();
  };
  const end = (): void => {
    if (snapshot.current && labDiffersFrom(snapshot.current)) setAt('ending');
    else close();
  };
  const restore = (): void => {
    if (snapshot.current) restoreLabSnapshot(snapshot.current);
    close();
  };

  // Opening the tour moves focus into it; the ending question focuses its first answer.
  const stage = at === null ? 'closed' : at === 'ending' ? 'ending' : 'steps';
  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    if (stage === 'ending') dialog.querySelector<HTMLElement>('[data-tour-autofocus]')?.focus();
    else if (stage === 'steps') dialog.focus();
  }, [stage]);

  // The outline follows the step (and a target that mounts late) and comes off when the tour ends.
  const step = typeof at === 'number' ? TOUR_STEPS[at]! : null;
  useStepTarget(step, onShowView, (shown) => setPlacement(showStep(shown)));

  return (
    <>
      <button type="button" ref={openerRef} onClick={start} aria-expanded={open}>
        <HeaderToolLabel icon="tour">Take the tour</HeaderToolLabel>
      </button>
      {open ? (
        <TourDialog
          dialogRef={dialogRef}
          at={at}
          placement={placement}
          setAsideCount={setAsideCount}
          onBack={() => typeof at === 'number' && goTo(at - 1)}
          onNext={() => typeof at === 'number' && goTo(at + 1)}
          onEnd={end}
          onRestore={restore}
          onKeep={close}
        />
      ) : null}
    </>
  );
}

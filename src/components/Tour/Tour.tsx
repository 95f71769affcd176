import { useEffect, useRef, useState } from 'react';
import {
  isArticleTable,
  labDiffersFrom,
  restoreLabSnapshot,
  takeLabSnapshot,
  type LabSnapshot,
} from '../../store/classroomActions';
import { dockSideFor, highlightLabelled, type DockSide } from './highlight';
import { TourDialog } from './TourDialog';
import { TOUR_STEPS } from './tourSteps';
import './Tour.css';

/** Where the tour is: a step, the question at the end, or not running. */
type TourAt = number | 'ending' | null;

/**
 * `Take the tour`: walks through the article's sections, each step setting the lab up to show its
 * point and outlining the figure that shows it. The user's table and settings are kept at the start;
 * if the tour changed them, ending it asks whether to put them back.
 */
export function Tour() {
  const [at, setAt] = useState<TourAt>(null);
  const snapshot = useRef<LabSnapshot | null>(null);
  const [setAsideCount, setSetAsideCount] = useState<number | null>(null);
  const dialogRef = useRef<HTMLDivElement>(null);
  const openerRef = useRef<HTMLButtonElement>(null);
  const open = at !== null;

  const [dock, setDock] = useState<DockSide>('right');
  const goTo = (index: number): void => {
    const step = TOUR_STEPS[index]!;
    step.setUp();
    setDock(dockSideFor(step.target));
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

  // The outline follows the step and comes off when the tour ends.
  const step = typeof at === 'number' ? TOUR_STEPS[at]! : null;
  useEffect(() => (step ? highlightLabelled(step.target, step.detail) : undefined), [step]);

  return (
    <>
      <button type="button" ref={openerRef} onClick={start} aria-expanded={open}>
        Take the tour
      </button>
      {open ? (
        <TourDialog
          dialogRef={dialogRef}
          at={at}
          dock={dock}
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

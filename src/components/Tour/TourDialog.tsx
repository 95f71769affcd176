import { useId, type CSSProperties, type KeyboardEvent, type RefObject } from 'react';
import type { CardPlacement } from './placement';
import { TourReadout } from './TourReadout';
import { TOUR_STEPS } from './tourSteps';

interface TourDialogProps {
  readonly dialogRef: RefObject<HTMLDivElement | null>;
  /** The step shown, or 'ending': the question whether to put the user's lab back. */
  readonly at: number | 'ending';
  /** How many people the user's own table had, when the tour set it aside for the article's; else null. */
  readonly setAsideCount: number | null;
  /** Where the panel sits: beside or under what the step shows, never over it. */
  readonly placement: CardPlacement;
  readonly onBack: () => void;
  readonly onNext: () => void;
  readonly onEnd: () => void;
  readonly onRestore: () => void;
  readonly onKeep: () => void;
}

function peopleCount(count: number): string {
  return `${count} ${count === 1 ? 'person' : 'people'}`;
}

function EndingQuestion({
  setAsideCount,
  onRestore,
  onKeep,
}: Pick<TourDialogProps, 'setAsideCount' | 'onRestore' | 'onKeep'>) {
  return (
    <>
      <p>
        The tour changed your lab
        {setAsideCount === null ? '' : `: your own table of ${peopleCount(setAsideCount)} is set aside`}. Put
        your table and settings back as they were before the tour?
      </p>
      <div className="tour-buttons">
        <button type="button" className="primary" onClick={onRestore} data-tour-autofocus="">
          Restore my lab
        </button>
        <button type="button" onClick={onKeep}>
          Keep the tour’s lab
        </button>
      </div>
    </>
  );
}

/**
 * The tour's panel: a non-modal dialog (the lab stays usable beside it), Back / Next / End tour, and
 * Escape to end; on the last step Next says Finish and ends it. Back stays focusable on the first step
 * (aria-disabled), so focus is never lost.
 */
export function TourDialog(props: TourDialogProps) {
  const { dialogRef, at, placement, setAsideCount, onBack, onNext, onEnd, onKeep } = props;
  const titleId = useId();
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    if (at === 'ending') onKeep();
    else onEnd();
  };
  const step = at === 'ending' ? null : TOUR_STEPS[at];
  const atStart = at === 0;
  const atEnd = at === TOUR_STEPS.length - 1;
  return (
    <div
      ref={dialogRef}
      className={`tour tour-dock-${placement.dock}`}
      style={
        placement.dock === 'bottom' ? ({ '--tour-room': `${placement.room}px` } as CSSProperties) : undefined
      }
      role="dialog"
      aria-labelledby={titleId}
      tabIndex={-1}
      onKeyDown={onKeyDown}
    >
      <h2 id={titleId} className="tour-title">
        Guided tour
      </h2>
      {step && typeof at === 'number' ? (
        <>
          <div className="tour-step-head" aria-live="polite" aria-atomic="true">
            <p className="tour-progress">
              Step {at + 1} of {TOUR_STEPS.length}
            </p>
            <h3 className="tour-step-title">{step.title}</h3>
          </div>
          {step.paragraphs.map((paragraph) => (
            <p key={paragraph}>{paragraph}</p>
          ))}
          <TourReadout step={step.id} />
          {setAsideCount === null ? null : (
            <p className="tour-note">
              Your own table of {peopleCount(setAsideCount)} is set aside; End tour offers it back.
            </p>
          )}
          <div className="tour-buttons">
            <button type="button" aria-disabled={atStart} onClick={() => !atStart && onBack()}>
              Back
            </button>
            <button type="button" className="primary" onClick={atEnd ? onEnd : onNext}>
              {atEnd ? 'Finish' : 'Next'}
            </button>
            <button type="button" onClick={onEnd}>
              End tour
            </button>
          </div>
        </>
      ) : (
        <EndingQuestion {...props} />
      )}
    </div>
  );
}

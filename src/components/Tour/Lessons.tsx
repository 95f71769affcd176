import { useEffect, useId, useRef, useState, type RefObject } from 'react';
import { flushSync } from 'react-dom';
import { useLab } from '../../store/labStore';
import { runHistory } from '../../store/runHistory';
import { useRun } from '../../store/runStore';
import { HeaderToolLabel } from '../common/HeaderToolLabel';
import { hiddenViewOf, shownPart } from './highlight';
import { checkLesson, type LessonFacts } from './lessonChecks';
import { LESSONS, type Lesson } from './lessons';
import { dockAwayFrom, type CardPlacement } from './placement';
import { showStep } from './Tour';
import { useStepTarget } from './useStepTarget';
import './Tour.css';

/** The latest epoch's results and the run's best test loss, read again whenever the history changes. */
function useLessonFacts(): LessonFacts {
  useRun((state) => state.historyVersion);
  const architecture = useRun((state) => state.run.architecture);
  const epoch = useRun((state) => state.run.epoch);
  const keptRuns = useLab((state) => state.keptRuns);
  const last = runHistory.length - 1;
  let best = Infinity;
  for (let i = 0; i <= last; i++) {
    const loss = runHistory.testLossAt(i);
    if (loss < best) best = loss;
  }
  return {
    hidden: architecture.hidden,
    activation: architecture.activation,
    regularization: architecture.regularization,
    epoch,
    accuracy: last < 0 ? Number.NaN : runHistory.accuracyAt(last),
    testLoss: last < 0 ? Number.NaN : runHistory.testLossAt(last),
    bestTestLoss: best === Infinity ? Number.NaN : best,
    keptLabels: keptRuns.map((run) => run.label),
  };
}

function LessonResult({ lesson }: { readonly lesson: Lesson }) {
  const check = checkLesson(lesson.id, useLessonFacts());
  return (
    <p className={check.done ? 'lesson-result is-done' : 'lesson-result'} role="status">
      <strong>{check.done ? 'Done: ' : 'Your result: '}</strong>
      {check.message}
    </p>
  );
}

/**
 * Marks <html> while a lesson is open: presenter mode hides the Advanced settings, and every lesson asks
 * the class to change one of them (styles.css shows the group again while the attribute is there).
 */
function useLessonRoot(lesson: Lesson | null): void {
  useEffect(() => {
    if (!lesson) return;
    const root = document.documentElement;
    root.setAttribute('data-lesson', lesson.id);
    return () => root.removeAttribute('data-lesson');
  }, [lesson]);
}

/** Moves the card to the window's other side when focus goes to a control it covers (dockAwayFrom). */
function useCardMakesRoom(
  card: RefObject<HTMLDivElement | null>,
  placement: CardPlacement,
  setPlacement: (placement: CardPlacement) => void,
): void {
  useEffect(() => {
    let frame = 0;
    const onFocusIn = (event: FocusEvent) => {
      const focused = event.target;
      if (!(focused instanceof Element) || card.current?.contains(focused)) return;
      // Keyboard focus scrolls the control into view first: measure once it has.
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => {
        const box = card.current?.getBoundingClientRect();
        const dock = box && dockAwayFrom(box, focused.getBoundingClientRect(), placement.dock);
        if (dock) setPlacement({ dock });
      });
    };
    document.addEventListener('focusin', onFocusIn);
    return () => {
      document.removeEventListener('focusin', onFocusIn);
      cancelAnimationFrame(frame);
    };
  }, [card, placement, setPlacement]);
}

interface LessonsProps {
  /** Shows the view (a phone's `View`) that holds a lesson's figure, when that view is not shown. */
  readonly onShowView?: (view: string) => void;
}

/**
 * `Lessons`, beside `Take the tour`: a list of short lessons; choosing one sets the lab up, outlines the
 * figure to watch, and opens a card (the tour's, placed the same way) saying what to try, with the
 * learner's result checked live as the run goes.
 */
export function Lessons({ onShowView }: LessonsProps) {
  const [listOpen, setListOpen] = useState(false);
  const [lesson, setLesson] = useState<Lesson | null>(null);
  const [placement, setPlacement] = useState<CardPlacement>({ dock: 'right' });
  const cardRef = useRef<HTMLDivElement>(null);
  const openerRef = useRef<HTMLButtonElement>(null);
  const listId = useId();
  const titleId = useId();

  const open = (chosen: Lesson): void => {
    setListOpen(false);
    flushSync(() => {
      chosen.setUp();
      const view = hiddenViewOf(chosen.target);
      if (view !== null) onShowView?.(view);
    });
    const shown = shownPart(chosen.target);
    setPlacement(shown ? showStep(shown) : { dock: 'right' });
    setLesson(chosen);
  };
  const close = (): void => {
    setLesson(null);
    openerRef.current?.focus();
  };

  useStepTarget(lesson, onShowView, (shown) => setPlacement(showStep(shown)));
  useLessonRoot(lesson);
  useCardMakesRoom(cardRef, placement, setPlacement);
  useEffect(() => {
    if (lesson) cardRef.current?.focus();
  }, [lesson]);

  return (
    <div className="lessons">
      <button
        type="button"
        ref={openerRef}
        aria-expanded={listOpen}
        aria-controls={listOpen ? listId : undefined}
        onClick={() => setListOpen(!listOpen)}
      >
        <HeaderToolLabel icon="lessons">Lessons</HeaderToolLabel>
      </button>
      {listOpen ? (
        <ul
          id={listId}
          className="lesson-list"
          aria-label="Lessons"
          onKeyDown={(event) => {
            if (event.key !== 'Escape') return;
            event.preventDefault();
            setListOpen(false);
            openerRef.current?.focus();
          }}
        >
          {LESSONS.map((entry) => (
            <li key={entry.id}>
              <button type="button" onClick={() => open(entry)}>
                {entry.title}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      {lesson ? (
        <div
          ref={cardRef}
          className={`tour tour-dock-${placement.dock}`}
          style={
            placement.dock === 'bottom' ? { ['--tour-room' as string]: `${placement.room}px` } : undefined
          }
          role="dialog"
          aria-labelledby={titleId}
          tabIndex={-1}
          onKeyDown={(event) => {
            if (event.key !== 'Escape') return;
            event.preventDefault();
            close();
          }}
        >
          <h2 className="tour-title">Lesson</h2>
          <h3 id={titleId} className="tour-step-title">
            {lesson.title}
          </h3>
          {lesson.paragraphs.map((paragraph) => (
            <p key={paragraph}>{paragraph}</p>
          ))}
          <LessonResult lesson={lesson} />
          <div className="tour-buttons">
            <button type="button" onClick={() => open(lesson)}>
              Start over
            </button>
            <button type="button" className="primary" onClick={close}>
              Close lesson
            </button>
          </div>
        </div>
      ) : null}
    </div>
  );
}

import { useMemo, useState, type CSSProperties, type PointerEvent } from 'react';
import { isTrainingLive, runStore, type RunStoreState } from '../../store/runStore';
import { useClockedWrite, writeText } from '../common/useClockedWrite';
import { statusChars } from './StatusValue';

/** What a live figure shows of the run store; stable (declared outside the component) and cheap. */
export type ReadText = (state: RunStoreState) => string;

interface LiveFigureProps {
  /** The item's classes (`status-item status-loss`). */
  readonly className: string;
  readonly label: string;
  /** The figure, as the run store says it now. */
  readonly text: ReadText;
  /** Its box's least width in characters (StatusValue). */
  readonly minChars: number;
  /** A fixed hover title. */
  readonly hint?: string;
  /** A hover title that follows the run (the figure in full): see `useExactTitle`. */
  readonly exactTitle?: ReadText;
}

/**
 * A status figure that follows the run store on the display clock's beat, written into its box outside
 * React (useClockedWrite): while training it changes every frame and nothing else in the status does.
 * React renders what the store says as it mounts (and so does the first screen's HTML, rendered at build
 * time, where no ref runs), and never again: the writes change that text in place.
 */
export function LiveFigure({ className, label, text, minChars, hint, exactTitle }: LiveFigureProps) {
  const [titleRef, writeTitleNow] = useExactTitle(exactTitle);
  const [firstTitle] = useState(() => {
    const state = runStore.getState();
    return exactTitle && !isTrainingLive(state) ? exactTitle(state) : undefined;
  });
  return (
    <span className={className} title={hint ?? firstTitle} ref={titleRef} onPointerEnter={writeTitleNow}>
      <span className="status-label">{label}</span> <LiveValue text={text} minChars={minChars} />
    </span>
  );
}

function LiveValue({ text, minChars }: { text: ReadText; minChars: number }) {
  const write = useMemo(
    () => (element: HTMLElement, state: RunStoreState) => writeValue(element, text(state), minChars),
    [text, minChars],
  );
  const [first] = useState(() => text(runStore.getState()));
  const style = { '--status-chars': statusChars(first, minChars) } as CSSProperties;
  return (
    <span className="status-value" style={style} ref={useClockedWrite(write)}>
      {first}
    </span>
  );
}

/** Writes only what changed: the text, and the box's width when the text's length changes. */
function writeValue(element: HTMLElement, text: string, minChars: number): void {
  const before = writeText(element, text);
  if (before === null || before.length === text.length) return;
  element.style.setProperty('--status-chars', String(statusChars(text, minChars)));
}

/**
 * A title that gives the figure in full. Paused or stepping it is written with the figure. While training
 * it is written only when a pointer comes over the figure: a title rewritten every frame made the browser
 * recompute the figure's style every frame (the user-agent sheet styles `abbr[title]`), for a tooltip that
 * shows the value of the moment it opens anyway.
 */
function useExactTitle(exactTitle: ReadText | undefined) {
  const write = useMemo(
    () =>
      exactTitle &&
      ((element: HTMLElement, state: RunStoreState, live: boolean) => {
        if (!live) {
          titledLive.delete(element);
          element.setAttribute('title', exactTitle(state));
        } else if (!titledLive.has(element)) {
          // Taken down once, as training goes live: a title a pointer wrote since stays up for its tooltip.
          titledLive.add(element);
          element.removeAttribute('title');
        }
      }),
    [exactTitle],
  );
  const ref = useClockedWrite(write ?? noWrite);
  if (!exactTitle) return [undefined, undefined] as const;
  const writeNow = (event: PointerEvent<HTMLElement>) => {
    const state = runStore.getState();
    if (isTrainingLive(state)) event.currentTarget.title = exactTitle(state);
  };
  return [ref, writeNow] as const;
}

const noWrite = (): void => {};

/** The figures whose title was taken down as training went live (and is written on hover since). */
const titledLive = new WeakSet<Element>();

import { useEffect } from 'react';
import { reset, stepEpoch, stepSample, togglePlay } from '../store/actions';
import { togglePresenter } from '../store/classroomActions';

/** The lab's keys. Shown in the shortcuts dialog (press `?`). */
export const SHORTCUTS: readonly { keys: string; action: string }[] = [
  { keys: 'Space', action: 'Play / Pause' },
  { keys: '→', action: 'Step sample' },
  { keys: 'Shift + →', action: 'Step epoch' },
  { keys: 'R', action: 'Reset' },
  { keys: 'P', action: 'Presenter mode on / off' },
  { keys: 'Ctrl + Z / Ctrl + Shift + Z', action: 'Undo / redo a table edit (in the table)' },
  { keys: '← / →', action: 'Previous / next phase (in the Math view); one kept epoch (on the Timeline)' },
  { keys: '?', action: 'Show these shortcuts' },
];

/** Keys belong to what has focus when it takes typing or arrows: fields, sliders, buttons, figures. */
function focusWantsKeys(target: EventTarget | null): boolean {
  // SVG elements too: the figures' edges and points are focusable buttons.
  if (!(target instanceof Element)) return false;
  if (target instanceof HTMLElement && target.isContentEditable) return true;
  const tag = target.tagName;
  if (tag === 'INPUT' || tag === 'SELECT' || tag === 'TEXTAREA' || tag === 'BUTTON') return true;
  return target.closest('[data-own-keys]') !== null || target.getAttribute('role') === 'button';
}

/** Global shortcuts: Space, Right, Shift+Right, R, P, and `?` (which calls `onHelp`). */
export function useKeyboardShortcuts(onHelp: () => void): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent): void => {
      if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return;
      if (event.key === '?') {
        if (focusWantsKeys(event.target) && !(event.target instanceof HTMLButtonElement)) return;
        event.preventDefault();
        onHelp();
        return;
      }
      if (focusWantsKeys(event.target)) return;
      if (event.key === ' ') togglePlay();
      else if (event.key === 'ArrowRight' && event.shiftKey) stepEpoch();
      else if (event.key === 'ArrowRight') stepSample();
      else if (event.key === 'r' || event.key === 'R') reset();
      else if (event.key === 'p' || event.key === 'P') togglePresenter();
      else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [onHelp]);
}

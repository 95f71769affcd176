import { useEffect } from 'react';
import { reset, stepEpoch, stepSample, togglePlay } from '../store/actions';
import { togglePresenter } from '../store/classroomActions';
import { focusKeepsKey, takesTyping } from './shortcutFocus';

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

/** How the keys share focus with the page (focusKeepsKey), in the dialog under the table. */
export const SHORTCUT_FOCUS_RULE =
  'The shortcuts work wherever focus is, except while typing in a field or choosing in a list. ' +
  'Space and Enter on a focused button press that button, once; with focus anywhere else Space is ' +
  'Play / Pause. Sliders and the views that step with the arrow keys keep the arrows.';

/** Held down, these would flip back and forth with the key's auto-repeat. */
const ONCE_PER_PRESS = new Set([' ', 'r', 'R', 'p', 'P']);

/** Global shortcuts: Space, Right, Shift+Right, R, P, and `?` (which calls `onHelp`), wherever focus is. */
export function useKeyboardShortcuts(onHelp: () => void): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent): void => {
      if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return;
      const target = event.target instanceof Element ? event.target : null;
      if (event.key === '?') {
        if (target && takesTyping(target)) return;
        event.preventDefault();
        onHelp();
        return;
      }
      if (focusKeepsKey(target, event.key)) return;
      if (event.repeat && ONCE_PER_PRESS.has(event.key)) {
        event.preventDefault();
        return;
      }
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

import { useLab } from './labStore';
import { SAVE_VERSION } from './savedState';
import { autosave, toSaved } from './persistence';
import { runStore, type RunStoreState } from './runStore';

/**
 * Autosave follows the run: where it is (epoch and parameters) is saved with the document at most once
 * a second. A frame only asks for a write (a timer, set once per second); the position is copied when
 * the write happens. Returns the function that stops following.
 */
export function followRunForAutosave(): () => void {
  const positionOf = ({ runId, epoch, params }: RunStoreState['run']) =>
    runId > 0 ? { epoch, params: Array.from(params) } : null;
  autosave.follow(
    () => positionOf(runStore.getState().run),
    () => ({ state: toSaved(useLab.getState()), version: SAVE_VERSION }),
  );
  return runStore.subscribe((state, previous) => {
    if (state.run === previous.run) return;
    const opened = previous.run.runId === 0 ? positionOf(state.run) : null;
    if (opened) autosave.runOpened(opened);
    autosave.schedule();
  });
}

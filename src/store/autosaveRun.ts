import { useLab } from './labStore';
import { SAVE_VERSION } from './savedState';
import { autosave, toSaved } from './persistence';
import { runStore } from './runStore';

/**
 * Autosave follows the run: where it is (epoch and parameters) is saved with the document at most once
 * a second. A frame only asks for a write (a timer, set once per second); the position is copied when
 * the write happens. Returns the function that stops following.
 */
export function followRunForAutosave(): () => void {
  autosave.follow(
    () => {
      const { run } = runStore.getState();
      return run.runId > 0 ? { epoch: run.epoch, params: Array.from(run.params) } : null;
    },
    () => ({ state: toSaved(useLab.getState()), version: SAVE_VERSION }),
  );
  return runStore.subscribe((state, previous) => {
    if (state.run !== previous.run) autosave.schedule();
  });
}

import { runStore, type RunStoreState } from '../store/runStore';

const training = (state: RunStoreState): boolean => state.run.status === 'running';

/** How long background work waits for a run that never pauses before it runs anyway. */
export const LONGEST_REST_WAIT_MS = 60_000;

/**
 * Runs `callback` now when no run is training, else once it pauses (or after `longestWaitMs` of
 * training): for background work on other threads (the offline cache's downloads) that would otherwise
 * take a core from the training worker and the figures in the first seconds of a run. Returns a cancel.
 */
export function whenRunRests(callback: () => void, longestWaitMs = LONGEST_REST_WAIT_MS): () => void {
  if (!training(runStore.getState())) {
    callback();
    return () => {};
  }
  let unsubscribe = (): void => {};
  const finish = (): void => {
    unsubscribe();
    clearTimeout(timer);
    callback();
  };
  const timer = setTimeout(finish, longestWaitMs);
  unsubscribe = runStore.subscribe((state) => {
    if (!training(state)) finish();
  });
  return () => {
    unsubscribe();
    clearTimeout(timer);
  };
}

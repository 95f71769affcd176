import { isTrainingLive, runStore } from '../store/runStore';
import { inTurnWhenIdle } from './onIdle';

/**
 * Runs `callback` once training does not run live: at once when it does not, else when it pauses, stops
 * or the timeline shows the past, or after `longestWaitMs` of live training when given (for work that
 * must come some time, such as the offline cache). Returns a cancel.
 */
export function whenRunRests(callback: () => void, longestWaitMs?: number): () => void {
  if (!isTrainingLive(runStore.getState())) {
    callback();
    return () => {};
  }
  let timer: ReturnType<typeof setTimeout> | undefined;
  const cancel = (): void => {
    unsubscribe();
    clearTimeout(timer);
  };
  const finish = (): void => {
    cancel();
    callback();
  };
  const unsubscribe = runStore.subscribe((state) => {
    if (!isTrainingLive(state)) finish();
  });
  if (longestWaitMs !== undefined) timer = setTimeout(finish, longestWaitMs);
  return cancel;
}

/**
 * Mounts a panel nobody is looking at yet (it is off screen) where it costs the person nothing: while
 * training does not run live, with its code fetched first, and with `inTurn` in an idle moment of its
 * own (one panel per moment). A run that plays meanwhile puts it off again: mounting a panel (typesetting
 * the Math view, laying out the table) is a long task that would cost a training page its frames, and
 * on a slow CPU several of them. Returns a cancel.
 */
export function mountWhenRunRests(
  mount: () => void,
  { load, inTurn }: { readonly load?: () => Promise<void>; readonly inTurn: boolean },
): () => void {
  let cancel = (): void => {};
  let cancelled = false;
  const live = (): boolean => isTrainingLive(runStore.getState());
  const go = (): void | Promise<void> => {
    if (live()) return attempt();
    if (!load) return mount();
    return load().then(() => {
      if (cancelled) return;
      if (live()) attempt();
      else mount();
    });
  };
  const attempt = (): void => {
    cancel = whenRunRests(() => {
      if (inTurn) cancel = inTurnWhenIdle(go);
      else void go();
    });
  };
  attempt();
  return () => {
    cancelled = true;
    cancel();
  };
}

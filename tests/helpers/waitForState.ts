import { useLab, type LabState } from '../../src/store/labStore';

/** Resolves with the store's state once `test` holds (at once if it already does); rejects after a timeout. */
export function waitForState(test: (state: LabState) => boolean, timeoutMs = 5000): Promise<LabState> {
  return new Promise((resolve, reject) => {
    if (test(useLab.getState())) return resolve(useLab.getState());
    const timer = setTimeout(() => {
      unsubscribe();
      reject(new Error('the store never reached the expected state'));
    }, timeoutMs);
    const unsubscribe = useLab.subscribe((state) => {
      if (!test(state)) return;
      clearTimeout(timer);
      unsubscribe();
      resolve(state);
    });
  });
}

import { useLab } from '../../src/store/labStore';
import { runStore } from '../../src/store/runStore';
import { labState, type Lab } from './resetLab';

/** Resolves with the lab (both stores) once `test` holds (at once if it already does); rejects after a timeout. */
export function waitForState(test: (state: Lab) => boolean, timeoutMs = 5000): Promise<Lab> {
  return new Promise((resolve, reject) => {
    if (test(labState())) return resolve(labState());
    const stop = (): void => {
      clearTimeout(timer);
      unsubscribeDocument();
      unsubscribeRun();
    };
    const timer = setTimeout(() => {
      stop();
      reject(new Error('the store never reached the expected state'));
    }, timeoutMs);
    const check = (): void => {
      const state = labState();
      if (!test(state)) return;
      stop();
      resolve(state);
    };
    const unsubscribeDocument = useLab.subscribe(check);
    const unsubscribeRun = runStore.subscribe(check);
  });
}

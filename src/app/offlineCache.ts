import { afterLoad } from './onIdle';
import { whenRunRests } from './runRest';

/**
 * How long after the page's `load` the service worker is registered. Its install downloads and stores
 * every chunk (320-450 ms of CPU on its own thread here): on a 2-core phone that competes with the first
 * panels and figures the page mounts in its first seconds (measured in phone emulation on a 2-core
 * machine, alternating builds: the load's main-thread tasks weighed as Lighthouse weighs them fell from
 * a median of about 2,280 ms to 1,345 ms). A visit shorter than this is not kept offline; it also
 * waits for a run that trains from the start to pause, a minute at most (runRest.ts).
 */
export const REGISTER_AFTER_LOAD_MS = 4000;

/** A run that trains on and on holds the registration back this long at most. */
export const LONGEST_TRAINING_WAIT_MS = 60_000;

/**
 * Registers the service worker (serviceWorker.ts) once the page has loaded and settled and no run
 * trains. Its code (workbox-window) is fetched then, not with the first load's scripts.
 */
export function startOfflineCache(): void {
  afterLoad(
    () =>
      whenRunRests(() => {
        // Offline on a first visit the chunk cannot come; the next visit tries again.
        import('./serviceWorker').then((module) => module.registerServiceWorker()).catch(() => {});
      }, LONGEST_TRAINING_WAIT_MS),
    REGISTER_AFTER_LOAD_MS,
  );
}

/// <reference types="vite-plugin-pwa/vanillajs" />
import { registerSW } from 'virtual:pwa-register';
import { offerUpdate } from './updateSignal';

/**
 * How long after the page's `load` the service worker is registered. Its install downloads and stores
 * every chunk (320-450 ms of CPU on its own thread here): on a 2-core phone that competes with the first
 * panels and figures the page mounts in its first seconds (measured in phone emulation on a 2-core
 * machine, alternating builds: the load's main-thread tasks weighed as Lighthouse weighs them fell from
 * a median of about 2,280 ms to 1,345 ms). A visit shorter than this is not kept offline; main.tsx also
 * waits for a training run to pause (whenRunRests.ts).
 */
export const REGISTER_AFTER_LOAD_MS = 4000;

/**
 * Registers the service worker that keeps the lab (its page, code, worker, fonts and icons) on the
 * device, so after one visit it opens and trains with no network. A new version never replaces the
 * running one by itself: it waits until the person picks `Reload` in the quiet prompt.
 */
export function registerServiceWorker(): void {
  if (!('serviceWorker' in navigator)) return;
  const reloadIntoWaiting = registerSW({
    onNeedRefresh: () => offerUpdate(() => void reloadIntoWaiting(true)),
  });
}

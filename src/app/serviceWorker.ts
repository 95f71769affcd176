/// <reference types="vite-plugin-pwa/vanillajs" />
import { registerSW } from 'virtual:pwa-register';
import { offerUpdate } from './updateSignal';

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

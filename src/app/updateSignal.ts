import { useSyncExternalStore } from 'react';

/** Reloads into the waiting version of the lab; set once a new service worker is installed and waiting. */
export type ApplyUpdate = () => void;

let waiting: ApplyUpdate | null = null;
const listeners = new Set<() => void>();

function notify(): void {
  for (const listener of listeners) listener();
}

/** A new version is installed and waits: offer it (the service worker's registration calls this). */
export function offerUpdate(apply: ApplyUpdate): void {
  waiting = apply;
  notify();
}

/** The person said "not now": the new version still waits and opens on the next visit. */
export function dismissUpdate(): void {
  waiting = null;
  notify();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

const read = (): ApplyUpdate | null => waiting;

/** The waiting version's reload, or null while the lab running is the newest. */
export function useOfferedUpdate(): ApplyUpdate | null {
  return useSyncExternalStore(subscribe, read, read);
}

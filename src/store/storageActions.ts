import { autosave } from './persistence';
import { setStorageNotice } from './storageNotice';

/** Keeps this tab's lab: saved now, over another tab's newer save or an unreadable one. */
export function keepThisLab(): void {
  autosave.saveOverNow();
}

/**
 * Loads the lab another tab saved: the page reloads from storage (it reopens paused where that tab
 * was), and nothing of this tab's is written on the way out.
 */
export function loadSavedLab(reload: () => void = () => window.location.reload()): void {
  autosave.dropPending();
  reload();
}

export function dismissStorageNotice(): void {
  setStorageNotice(null);
}

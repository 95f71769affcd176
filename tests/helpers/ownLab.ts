import { vi } from 'vitest';
import * as actions from '../../src/store/actions';
import { STORAGE_KEY } from '../../src/store/persistence';
import { initialLinkState, linkStore } from '../../src/store/sharedLink';
import { resetLab } from './resetLab';

/** The lab as localStorage holds it, byte for byte. */
export const savedText = (): string | null => localStorage.getItem(STORAGE_KEY);

/** Lets every write autosave may have waiting happen: its timer (fake timers), and a closing page's. */
export function letAutosaveWrite(): void {
  vi.advanceTimersByTime(2000);
  window.dispatchEvent(new Event('pagehide'));
}

/** Fake timers, empty storage, a lab as new and no link opened (call in beforeEach). */
export function startWithoutLinks(): void {
  vi.useFakeTimers();
  localStorage.clear();
  resetLab();
  linkStore.setState(initialLinkState(), true);
}

/** The user's own lab, saved: the article's people plus Dana, seed 99. Returns the saved text. */
export function saveOwnLab(): string {
  actions.addPerson({ name: 'Dana', weight: '140', height: '65', gender: 'F' });
  actions.setSeed(99);
  letAutosaveWrite();
  return savedText()!;
}

import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';

/**
 * What autosave could not do, for the user to decide: another tab saved a newer lab (this tab stops
 * saving until the user loads it or keeps this one), the storage is full (the last good save stays),
 * or an unreadable save could not be set aside (nothing is saved over it until the user says so).
 */
export type StorageNotice =
  | { readonly kind: 'newer-elsewhere' }
  | { readonly kind: 'full'; readonly people: number }
  | { readonly kind: 'unreadable-kept'; readonly why: string }
  | null;

export const storageNoticeStore = createStore<{ readonly notice: StorageNotice }>()(() => ({
  notice: null,
}));

export function setStorageNotice(notice: StorageNotice): void {
  storageNoticeStore.setState({ notice });
}

export function useStorageNotice(): StorageNotice {
  return useStore(storageNoticeStore, (state) => state.notice);
}

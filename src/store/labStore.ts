import { create } from 'zustand';
import { temporal } from 'zundo';
import { persist } from 'zustand/middleware';
import { persistOptions } from './persistence';
import { createTypingBurstGate } from './undoGrouping';
import { ARTICLE_PEOPLE, type Person } from '../core/dataset';
import type { KeptRun } from '../core/lossCurve';
import { DEFAULT_SETTINGS, type Settings } from '../core/settings';

/**
 * The document: what the user made and chose, saved in localStorage and (the table) undoable. What
 * changes while training lives in the run store (runStore.ts).
 */
export interface LabState {
  readonly settings: Settings;
  readonly people: readonly Person[];
  /** The table row the views follow; null follows the sample trained last. */
  readonly selectedRow: number | null;
  /** Loss curves kept for comparison (at most MAX_KEPT_RUNS). */
  readonly keptRuns: readonly KeptRun[];
  /** A message for the whole lab (a saved state or link that could not be used); dismissible. */
  readonly appNotice: { readonly kind: 'info' | 'error'; readonly message: string } | null;
  /** Where the next connection to the worker starts the run (a restored save, a restarted worker). */
  readonly resumeFrom: { readonly epoch: number; readonly params: readonly number[] } | null;
}

export function initialLabState(): LabState {
  return {
    settings: DEFAULT_SETTINGS,
    people: ARTICLE_PEOPLE,
    selectedRow: null,
    keptRuns: [],
    appNotice: null,
    resumeFrom: null,
  };
}

/** How many table edits undo remembers. */
export const UNDO_LIMIT = 200;

/**
 * The document store. Actions live at module level (see actions.ts); components select narrowly.
 * zundo keeps the table's past for undo and redo: only `people` is tracked, and only a new table
 * makes an undo step. Training frames never come here: they go to the run store.
 */
export const useLab = create<LabState>()(
  persist(
    temporal(() => initialLabState(), {
      partialize: (state) => ({ people: state.people }),
      equality: (past, current) => past.people === current.people,
      limit: UNDO_LIMIT,
      handleSet: (save) => {
        const startsUndoStep = createTypingBurstGate();
        return (past, replace, current, delta) => {
          const before = (past as Partial<LabState>).people;
          // Settings and selection changes call this too; only a new table is an edit (equality drops the rest).
          if (!before || before === current.people || startsUndoStep(before, current.people)) {
            (save as (...args: unknown[]) => void)(past, replace, current, delta);
          }
        };
      },
    }),
    persistOptions,
  ),
);

// Restoring a saved table is not an edit: undo starts from the restored lab.
useLab.temporal.getState().clear();

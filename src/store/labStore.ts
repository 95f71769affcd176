import { create } from 'zustand';
import { temporal } from 'zundo';
import { persist } from 'zustand/middleware';
import { persistOptions } from './persistence';
import { createTypingBurstGate } from './undoGrouping';
import { ARTICLE_PEOPLE, type Person } from '../core/dataset';
import { ARTICLE_ARCHITECTURE } from '../core/architecture';
import type { KeptRun, Marker } from '../core/lossCurve';
import { PARAM_COUNT } from '../core/network';
import { ARTICLE_SHIFT } from '../core/scaling';
import { DEFAULT_SETTINGS, type Settings } from '../core/settings';
import type { StepPhase } from '../core/stepPhases';
import type { LiveSnapshot, RunNotice, RunStatus } from '../worker/protocol';

/** The live run, as the worker last reported it: its live snapshot plus which run, its status and notice. */
export interface RunState extends LiveSnapshot {
  readonly runId: number;
  readonly status: RunStatus;
  readonly notice: RunNotice | null;
}

export interface LabState {
  readonly settings: Settings;
  readonly people: readonly Person[];
  readonly run: RunState;
  /** Bumps whenever the training history gains or loses records; read history through it. */
  readonly historyVersion: number;
  readonly markers: readonly Marker[];
  /** Set when the worker failed; shown to the user. */
  readonly workerError: string | null;
  /** The table row the views follow; null follows the sample trained last. */
  readonly selectedRow: number | null;
  /** The phase of one SGD step being shown (highlighted on the Network figure); null: none. */
  readonly stepPhase: StepPhase | null;
  /** The recorded epoch every view shows while scrubbing the timeline; null: live. */
  readonly viewEpoch: number | null;
  /** Loss curves kept for comparison (at most MAX_KEPT_RUNS). */
  readonly keptRuns: readonly KeptRun[];
  /** Play was pressed while viewing the past: the user is asked to branch or return to live. */
  readonly askingToBranch: boolean;
  /** A message for the whole lab (a saved state or link that could not be used); dismissible. */
  readonly appNotice: { readonly kind: 'info' | 'error'; readonly message: string } | null;
  /** Where the next connection to the worker starts the run (a restored save, a restarted worker). */
  readonly resumeFrom: { readonly epoch: number; readonly params: readonly number[] } | null;
}

export const INITIAL_RUN: RunState = {
  architecture: ARTICLE_ARCHITECTURE,
  runId: 0,
  status: 'paused',
  epoch: 0,
  cursor: 0,
  sampleCount: 0,
  params: new Float64Array(PARAM_COUNT),
  loss: Number.NaN,
  learningRate: DEFAULT_SETTINGS.learningRate,
  scaling: ARTICLE_SHIFT,
  sample: null,
  epochsPerSecond: 0,
  learningRateSince: 0,
  dataSince: 0,
  plateau: null,
  notice: null,
};

export function initialLabState(): LabState {
  return {
    settings: DEFAULT_SETTINGS,
    people: ARTICLE_PEOPLE,
    run: INITIAL_RUN,
    historyVersion: 0,
    markers: [],
    workerError: null,
    selectedRow: null,
    stepPhase: null,
    viewEpoch: null,
    keptRuns: [],
    askingToBranch: false,
    appNotice: null,
    resumeFrom: null,
  };
}

/** How many table edits undo remembers. */
export const UNDO_LIMIT = 200;

/**
 * The one store. Actions live at module level (see actions.ts); components select narrowly.
 * zundo keeps the table's past for undo and redo: only `people` is tracked, and only a new table
 * (not the 60 frames a second of training) makes an undo step.
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
          // Training frames call this too; only a new table is an edit (equality drops the rest).
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

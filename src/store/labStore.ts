import { create } from 'zustand';
import { temporal } from 'zundo';
import { persist } from 'zustand/middleware';
import { persistOptions } from './persistence';
import { createTypingBurstGate } from './undoGrouping';
import { ARTICLE_PEOPLE, type Person } from '../core/dataset';
import { ARTICLE_ARCHITECTURE, type Architecture } from '../core/architecture';
import type { InitialWeights } from '../core/init';
import type { ScalingMode } from '../core/scaling';
import type { SampleOrder } from '../core/trainer';

/** What the user chose. Everything that decides a run's start is here, so a run can be reproduced. */
export interface Settings {
  readonly learningRate: number;
  /** Epochs per second; null = as fast as possible. */
  readonly speed: number | null;
  /** Training pauses itself at this epoch; null = no limit. */
  readonly stopAtEpoch: number | null;
  readonly initialWeights: InitialWeights;
  readonly seed: number;
  readonly scaling: ScalingMode;
  readonly sampleOrder: SampleOrder;
  /** Hidden neurons, activation, loss, update mode, momentum (the article's by default). */
  readonly architecture: Architecture;
  /** Training pauses itself once the epoch loss is at or below this; null = no limit. */
  readonly stopAtLoss: number | null;
  /** Units the table, the plane and Predict show and take; the model always sees pounds and inches. */
  readonly units: Units;
  /** Names for the inputs and classes of an imported dataset; null = the article's weight, height, gender. */
  readonly dataLabels: DataLabels | null;
  /** Large type, advanced controls hidden: for a projector. Travels in the share link. */
  readonly presenter: boolean;
}

export type Units = 'imperial' | 'metric';

/** What an imported CSV's chosen columns are called: the inputs, and the label values meaning 1 and 0. */
export interface DataLabels {
  readonly x1: string;
  readonly x2: string;
  readonly positive: string;
  readonly negative: string;
}

/** The four phases of one SGD step, as the Math view walks through them. */
export const STEP_PHASES = ['forward', 'loss', 'backward', 'update'] as const;
export type StepPhase = (typeof STEP_PHASES)[number];

/** A labelled moment on the loss curve: the learning rate changed, or the dataset was edited. */
export interface Marker {
  readonly epoch: number;
  readonly kind: 'learning-rate' | 'dataset';
  readonly label: string;
}

/** A finished or running run's loss curve kept for comparison (a ghost on the Loss curve). */
export interface KeptRun {
  readonly id: number;
  readonly label: string;
  readonly epochs: Float64Array;
  readonly losses: Float64Array;
}

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

export const MAX_KEPT_RUNS = 5;

export const DEFAULT_SEED = 42;

export const DEFAULT_SETTINGS: Settings = {
  learningRate: 0.1,
  speed: 200,
  stopAtEpoch: null,
  initialWeights: 'random',
  seed: DEFAULT_SEED,
  scaling: 'article',
  sampleOrder: 'in-order',
  architecture: ARTICLE_ARCHITECTURE,
  stopAtLoss: null,
  units: 'imperial',
  dataLabels: null,
  presenter: false,
};

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

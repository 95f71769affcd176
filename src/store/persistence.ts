import type { PersistOptions, PersistStorage, StorageValue } from 'zustand/middleware';
import type { Person } from '../core/dataset';
import type { LabState } from './labStore';
import type { KeptRun } from '../core/lossCurve';
import { SAVE_VERSION, checkSavedState, curveForStorage, type SavedRun, type SavedState } from './savedState';

/** Autosave: the dataset, settings, kept runs and where the run was, in localStorage. */
export const STORAGE_KEY = 'backprop-lab';
/** Training moves the run 60 times a second; storage is written at most this often. */
export const SAVE_EVERY_MS = 1000;

function browserStorage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null; // storage blocked by the browser's privacy settings
  }
}

/**
 * Browsers keep about 5 million characters per site: a larger lab (a 100,000-row table) cannot be
 * saved, and trying costs a long task every second. The last lab that fitted stays saved.
 */
export const MAX_SAVED_CHARS = 5_000_000;

/** The table's JSON per table: training saves the lab every second, but the table rarely changes. */
const tableJson = new WeakMap<readonly unknown[], string>();

/** JSON characters of a person besides the cells: `{"id":"","name":"","weight":"","height":"","gender":"F"},` */
const PERSON_JSON_OVERHEAD = 57;
const fitCache = new WeakMap<readonly Person[], boolean>();

/**
 * Whether the table can be autosaved: a lower bound of its JSON length (cells only grow when escaped),
 * so a table far too big is known without building its JSON (0.1-0.3 s at 100,000 rows, after every
 * edit). A table that passes may still be refused once its JSON is built.
 */
export function tableFitsStorage(people: readonly Person[]): boolean {
  let fits = fitCache.get(people);
  if (fits === undefined) {
    let chars = 0;
    for (const p of people) {
      chars += PERSON_JSON_OVERHEAD + p.id.length + p.name.length + p.weight.length + p.height.length;
    }
    fits = chars <= MAX_SAVED_CHARS;
    fitCache.set(people, fits);
  }
  return fits;
}

/** The saved lab as JSON, the table's part reused while the table is the same (100,000 rows take 0.3 s). */
function toJson(value: StorageValue<SavedState>): string {
  const { people } = value.state;
  let table = tableJson.get(people);
  if (table === undefined) {
    table = JSON.stringify(people);
    tableJson.set(people, table);
  }
  const rest = JSON.stringify({ ...value, state: { ...value.state, people: [] } });
  // The key appears once unescaped: inside JSON strings every quote is escaped.
  return rest.replace('"people":[]', () => `"people":${table}`);
}

type SavedValue = StorageValue<SavedState>;
type RunPosition = SavedState['resume'];

/**
 * Autosave: JSON in localStorage, read at once (so the lab opens restored) and written at most once a
 * second. The document comes from persist on every change of it; where the run is comes from the run
 * store (see autosaveRun.ts) and is read only when writing, so training frames cost autosave nothing.
 * All of its state is here, so `reset` gives a test an autosave as new.
 */
class Autosave {
  /** Why the saved copy could not be used, found while reading it; reported once by `merge`. */
  unreadable: string | null = null;
  /** The document as persist last handed it over. */
  private latest: SavedValue | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  /** Something changed since the last write. */
  private dirty = false;
  /** Where the run is now (null: nothing newer than the document's own `resume`). */
  private runPosition: () => RunPosition = () => null;
  /** The document as saved, for a run that moves before the document changed since the page opened. */
  private document: () => SavedValue | null = () => null;

  constructor() {
    if (typeof window !== 'undefined') window.addEventListener('pagehide', this.write);
  }

  readonly storage: PersistStorage<SavedState> = {
    getItem: (name) => {
      const text = browserStorage()?.getItem(name) ?? null;
      if (text === null) return null;
      try {
        return JSON.parse(text) as SavedValue;
      } catch {
        this.unreadable = 'it is not readable';
        return null;
      }
    },
    setItem: (_name, value) => {
      this.latest = value;
      this.schedule();
    },
    removeItem: (name) => browserStorage()?.removeItem(name),
  };

  /** Where the run is and what the document is, for writes the run store asks for. */
  follow(runPosition: () => RunPosition, document: () => SavedValue): void {
    this.runPosition = runPosition;
    this.document = document;
  }

  /** Something to save changed: write within a second (no allocation: training calls this per frame). */
  schedule(): void {
    this.dirty = true;
    this.timer ??= setTimeout(this.write, SAVE_EVERY_MS);
  }

  private readonly write = (): void => {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    if (!this.dirty) return;
    this.dirty = false;
    const value = this.latest ?? this.document();
    if (!value || !tableFitsStorage(value.state.people)) return;
    const resume = this.runPosition() ?? value.state.resume;
    try {
      const text = toJson({ ...value, state: { ...value.state, resume } });
      if (text.length <= MAX_SAVED_CHARS) browserStorage()?.setItem(STORAGE_KEY, text);
    } catch {
      // Full or blocked storage: the lab keeps working; it just is not saved.
    }
  };

  /** Forgets what it was about to write and where the run was (tests start afresh). */
  reset(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    this.dirty = false;
    this.latest = null;
    this.unreadable = null;
    this.runPosition = () => null;
    this.document = () => null;
  }
}

export const autosave = new Autosave();

const curveCache = new WeakMap<KeptRun, SavedRun>();
function savedCurve(run: KeptRun): SavedRun {
  let saved = curveCache.get(run);
  if (!saved) {
    saved = curveForStorage(run);
    curveCache.set(run, saved);
  }
  return saved;
}

/** The document as saved; where a running run is replaces `resume` when autosave writes. */
export function toSaved(state: LabState): SavedState {
  return {
    settings: state.settings,
    people: state.people,
    keptRuns: state.keptRuns.map(savedCurve),
    resume: state.resumeFrom,
  };
}

function fromSaved(saved: SavedState, current: LabState): LabState {
  return {
    ...current,
    settings: saved.settings,
    people: saved.people,
    keptRuns: saved.keptRuns.map((run, i) => ({
      id: -(i + 1),
      label: run.label,
      epochs: Float64Array.from(run.epochs),
      losses: Float64Array.from(run.losses, (loss) => loss ?? Number.NaN),
    })),
    resumeFrom: saved.resume,
  };
}

function notice(why: string): LabState['appNotice'] {
  return {
    kind: 'error',
    message: `Your saved lab could not be restored (${why}), so the lab opened with the defaults.`,
  };
}

export const persistOptions: PersistOptions<LabState, SavedState> = {
  name: STORAGE_KEY,
  version: SAVE_VERSION,
  storage: autosave.storage,
  partialize: toSaved,
  // Version 0 saves came before kept runs and resuming: they gain empty ones.
  migrate: (saved, version) =>
    (version === 0 && typeof saved === 'object' && saved !== null
      ? { keptRuns: [], resume: null, ...saved }
      : saved) as SavedState,
  merge: (saved, current) => {
    if (autosave.unreadable) {
      const why = autosave.unreadable;
      autosave.unreadable = null;
      return { ...current, appNotice: notice(why) };
    }
    if (saved === undefined || saved === null) return current;
    const check = checkSavedState(saved);
    return check.ok ? fromSaved(check.value, current) : { ...current, appNotice: notice(check.why) };
  },
};

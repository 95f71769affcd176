import type { PersistOptions, PersistStorage, StorageValue } from 'zustand/middleware';
import type { Person } from '../core/dataset';
import { tableOfRecipe } from '../core/datasets/table';
import type { LabState } from './labStore';
import type { KeptRun } from '../core/lossCurve';
import { SAVE_VERSION, checkSavedState, curveForStorage, type SavedRun, type SavedState } from './savedState';
import { isRecord } from '../core/stateSchema';
import { setStorageNotice, storageNoticeStore } from './storageNotice';

/** Autosave: the dataset, settings, kept runs and where the run was, in localStorage. */
export const STORAGE_KEY = 'backprop-lab';
/** Where the text of a saved lab that could not be read is set aside, so saving never destroys it. */
export const UNREADABLE_KEY = 'backprop-lab-unreadable';
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

function sameRunPosition(a: RunPosition, b: RunPosition): boolean {
  if (a === null || b === null) return a === b;
  return (
    a.epoch === b.epoch && a.params.length === b.params.length && a.params.every((p, i) => p === b.params[i])
  );
}

/** Whether two saves hold the same lab: the document's parts are immutable, so compared by identity. */
function sameSave(a: SavedState, b: SavedState): boolean {
  return (
    a.settings === b.settings &&
    a.people === b.people &&
    a.keptRuns.length === b.keptRuns.length &&
    a.keptRuns.every((run, i) => run === b.keptRuns[i]) &&
    sameRunPosition(a.resume, b.resume)
  );
}

/**
 * Autosave: JSON in localStorage, read at once (so the lab opens restored) and written at most once a
 * second. The document comes from persist on every change of it; where the run is comes from the run
 * store (see autosaveRun.ts) and is read only when writing, so training frames cost autosave nothing.
 * All of its state is here, so `reset` gives a test an autosave as new.
 */
class Autosave {
  /** Why the saved copy could not be used, found while reading it; reported once by `merge`. */
  unreadable: string | null = null;
  /** The saved copy's text as read when the page opened, until it is known to be usable. */
  private readText: string | null = null;
  /**
   * Writing waits for the user: another tab saved a newer lab, or an unreadable save could not be set
   * aside. Changes stay pending and are written once the user chooses to keep this lab.
   */
  private held = false;
  /**
   * The lab storage holds as far as this tab knows (read when the page opened, or written since), or,
   * when it held none, the defaults this tab opened with: a tab that only opens writes nothing, so it
   * does not look to other tabs like a newer save, and a first visit that changes nothing leaves the
   * next visit the page's own first screen (a saved lab hides it until the app draws that lab).
   */
  private stored: SavedState | null = null;
  /** The worker's first frame since the page opened has come. */
  private runHasOpened = false;
  /** The table a full storage was last reported for: one notice per table, not one per second. */
  private reportedFull: readonly Person[] | null = null;
  /** The document as persist last handed it over. */
  private latest: SavedValue | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  /** Something changed since the last write. */
  private dirty = false;
  /** Where the run is now (null: nothing newer than the document's own `resume`). */
  private runPosition: () => RunPosition = () => null;
  /** The document as saved, for a run that moves before the document changed since the page opened. */
  private document: () => SavedValue | null = () => null;
  /** A shared link's lab is on show: nothing is written, so the user's own saved lab stays as it was. */
  private linkOnShow = false;

  constructor() {
    if (typeof window !== 'undefined') {
      window.addEventListener('pagehide', this.write);
      window.addEventListener('storage', this.noticeOtherTab);
    }
  }

  readonly storage: PersistStorage<SavedState> = {
    getItem: (name) => {
      const text = browserStorage()?.getItem(name) ?? null;
      if (text === null) return null;
      this.readText = text;
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch {
        this.unreadable = 'it is not readable';
        return null;
      }
      // `42` or `[]` parse, but persist would read no state from them and open the defaults silently.
      if (!isRecord(value) || !isRecord(value.state)) {
        this.unreadable = 'it is not a saved lab';
        return null;
      }
      return value as unknown as SavedValue;
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

  /**
   * Called once the saved copy was judged (`why`: why it cannot be used, or null). An unreadable text
   * is set aside under UNREADABLE_KEY before anything can be saved over it; when the storage cannot
   * take the copy, nothing is written until the user chooses (`saveOverNow`). Returns whether the text
   * is safe (set aside, or nothing to keep).
   */
  settleRead(why: string | null, restored: SavedState | null = null): boolean {
    const text = this.readText;
    this.readText = null;
    this.stored = restored;
    if (text === null || why === null) return true;
    try {
      browserStorage()?.setItem(UNREADABLE_KEY, text);
      return true;
    } catch {
      this.held = true;
      setStorageNotice({ kind: 'unreadable-kept', why });
      return false;
    }
  }

  /**
   * The worker's first frame after the page opened. A lab on record without a run position (the
   * defaults, or a save written before any frame) opens at epoch 0 of its initial parameters every
   * time, so that position is where it is, not a change to save.
   */
  runOpened(position: NonNullable<RunPosition>): void {
    if (this.runHasOpened) return;
    this.runHasOpened = true;
    if (this.stored?.resume === null && position.epoch === 0)
      this.stored = { ...this.stored, resume: position };
  }

  /** Another tab saved: this tab stops writing (it would overwrite that save) until the user chooses. */
  private readonly noticeOtherTab = (event: StorageEvent): void => {
    if (event.key !== STORAGE_KEY || event.newValue === null) return;
    if (event.storageArea !== browserStorage()) return;
    this.held = true;
    setStorageNotice({ kind: 'newer-elsewhere' });
  };

  /** The user keeps this tab's lab: it is saved now, over whatever is saved. */
  saveOverNow(): void {
    this.held = false;
    this.dirty = true;
    this.stored = null;
    setStorageNotice(null);
    this.write();
  }

  /** The user loads another tab's save: nothing of this tab's is written before the page reloads. */
  dropPending(): void {
    this.dirty = false;
    this.held = true;
  }

  /** Something to save changed: write within a second (no allocation: training calls this per frame). */
  schedule(): void {
    this.dirty = true;
    this.timer ??= setTimeout(this.write, SAVE_EVERY_MS);
  }

  /** Stops writing until `release`, after writing what was waiting (the user's own lab, as it is now). */
  hold(): void {
    this.write();
    this.linkOnShow = true;
  }

  /** Writes again: `save` saves the lab on show now; otherwise it is the saved lab already. */
  release(save: boolean): void {
    this.linkOnShow = false;
    this.dirty = save;
    this.write();
  }

  private readonly write = (): void => {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    if (!this.dirty || this.held || this.linkOnShow) return;
    this.dirty = false;
    const value = this.latest ?? this.document();
    if (!value || !tableFitsStorage(value.state.people)) return;
    const state = { ...value.state, resume: this.runPosition() ?? value.state.resume };
    if (this.stored !== null && sameSave(state, this.stored)) return;
    try {
      const text = toJson({ ...value, state });
      if (text.length > MAX_SAVED_CHARS) return;
      browserStorage()?.setItem(STORAGE_KEY, text);
      this.stored = state;
      this.reportedFull = null;
      if (storageNoticeStore.getState().notice?.kind === 'full') setStorageNotice(null);
    } catch {
      // A full storage keeps the last good save (setItem writes all or nothing); the user is told once per table.
      const { people } = value.state;
      if (this.reportedFull === people) return;
      this.reportedFull = people;
      setStorageNotice({ kind: 'full', people: people.length });
    }
  };

  /** Forgets what it was about to write and where the run was (tests start afresh). */
  reset(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    this.dirty = false;
    this.latest = null;
    this.unreadable = null;
    this.readText = null;
    this.held = false;
    this.linkOnShow = false;
    this.stored = null;
    this.runHasOpened = false;
    this.reportedFull = null;
    setStorageNotice(null);
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

/** What a generated table saves as rows: none, its recipe (in the settings) makes it again. */
const GENERATED_ROWS: readonly Person[] = [];

/** The document as saved; where a running run is replaces `resume` when autosave writes. */
export function toSaved(state: LabState): SavedState {
  return {
    settings: state.settings,
    people: state.settings.dataSource === null ? state.people : GENERATED_ROWS,
    keptRuns: state.keptRuns.map(savedCurve),
    resume: state.resumeFrom,
  };
}

function fromSaved(saved: SavedState, current: LabState): LabState {
  const { dataSource, units } = saved.settings;
  const generated = dataSource === null ? null : tableOfRecipe(dataSource, units);
  return {
    ...current,
    settings: saved.settings,
    people: generated ? generated.people : saved.people,
    keptRuns: saved.keptRuns.map((run, i) => ({
      id: -(i + 1),
      label: run.label,
      epochs: Float64Array.from(run.epochs),
      losses: Float64Array.from(run.losses, (loss) => loss ?? Number.NaN),
    })),
    resumeFrom: saved.resume,
  };
}

/** The defaults open; the unreadable text is set aside first (or, failing that, the storage notice asks). */
function openDefaults(why: string, current: LabState): LabState {
  if (!autosave.settleRead(why)) return current;
  return {
    ...current,
    appNotice: {
      kind: 'error',
      message: `Your saved lab could not be restored (${why}), so the lab opened with the defaults. Its text is kept in this browser's storage under "${UNREADABLE_KEY}".`,
    },
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
      return openDefaults(why, current);
    }
    if (saved === undefined || saved === null) {
      autosave.settleRead(null, toSaved(current));
      return current;
    }
    const check = checkSavedState(saved);
    if (!check.ok) return openDefaults(check.why, current);
    const restored = fromSaved(check.value, current);
    autosave.settleRead(null, toSaved(restored));
    return restored;
  },
};

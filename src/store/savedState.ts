import type { Architecture } from '../core/architecture';
import type { Person } from '../core/dataset';
import {
  SchemaError,
  isRecord,
  peopleWithIds,
  readParams,
  readPeople,
  readSettings,
} from '../core/stateSchema';
import type { KeptRun } from '../core/lossCurve';
import type { Settings } from '../core/settings';

/**
 * What the lab saves in localStorage, and the checks a saved copy must pass before it is trusted:
 * anything that fails is reported once and the defaults load instead.
 */
export const SAVE_VERSION = 1;
export const MAX_SAVED_PEOPLE = 100_000;
/** Points per kept curve in storage: enough to draw it, small enough for localStorage. */
export const SAVED_CURVE_POINTS = 2000;

export interface SavedRun {
  readonly label: string;
  readonly epochs: number[];
  readonly losses: number[];
}

export interface SavedState {
  readonly settings: Settings;
  readonly people: readonly Person[];
  readonly keptRuns: readonly SavedRun[];
  /** Where the run was: the lab reopens paused here. */
  readonly resume: { readonly epoch: number; readonly params: readonly number[] } | null;
}

type Check<T> = { ok: true; value: T } | { ok: false; why: string };

/** Runs one of the shared schema readers (src/core/stateSchema.ts) and turns its throw into a result. */
function check<T>(read: () => T): Check<T> {
  try {
    return { ok: true, value: read() };
  } catch (error) {
    return { ok: false, why: error instanceof SchemaError ? error.message : 'it could not be read' };
  }
}

const fail = (why: string): { ok: false; why: string } => ({ ok: false, why });
const isFiniteNumber = (value: unknown): value is number =>
  typeof value === 'number' && Number.isFinite(value);

export function checkSettings(value: unknown): Check<Settings> {
  return check(() => readSettings(value));
}

/** People as saved: the same checks as a shared link's; each keeps its saved id (the split reads it). */
export function checkPeople(value: unknown, limit = MAX_SAVED_PEOPLE): Check<Person[]> {
  return check(() => peopleWithIds(readPeople(value, limit)));
}

export function checkParams(value: unknown, shape?: Architecture): Check<number[]> {
  return check(() => readParams(value, shape));
}

function checkRuns(value: unknown): Check<SavedRun[]> {
  if (!Array.isArray(value) || value.length > 5) return fail('bad kept runs');
  for (const run of value) {
    if (!isRecord(run) || typeof run.label !== 'string' || run.label.length > 200)
      return fail('bad kept run');
    const { epochs, losses } = run;
    if (!Array.isArray(epochs) || !Array.isArray(losses) || epochs.length !== losses.length)
      return fail('bad curve');
    if (epochs.length > SAVED_CURVE_POINTS + 1 || !epochs.every(isFiniteNumber)) return fail('bad curve');
    if (!losses.every((loss) => loss === null || isFiniteNumber(loss))) return fail('bad curve');
  }
  return { ok: true, value: value as SavedRun[] };
}

/** The whole saved state, checked; `why` says in plain words what was wrong. */
export function checkSavedState(value: unknown): Check<SavedState> {
  if (!isRecord(value)) return fail('it is not a saved lab');
  const settings = checkSettings(value.settings);
  if (!settings.ok) return settings;
  const people = checkPeople(value.people);
  if (!people.ok) return people;
  const runs = checkRuns(value.keptRuns ?? []);
  if (!runs.ok) return runs;
  let resume: SavedState['resume'] = null;
  if (value.resume !== null && value.resume !== undefined) {
    if (
      !isRecord(value.resume) ||
      !Number.isInteger(value.resume.epoch) ||
      (value.resume.epoch as number) < 0
    ) {
      return fail('bad saved epoch');
    }
    const params = checkParams(value.resume.params, settings.value.architecture);
    if (!params.ok) return params;
    resume = { epoch: value.resume.epoch as number, params: params.value };
  }
  return {
    ok: true,
    value: { settings: settings.value, people: people.value, keptRuns: runs.value, resume },
  };
}

/** A kept curve thinned evenly to at most SAVED_CURVE_POINTS (first and last kept). */
export function curveForStorage(run: KeptRun): SavedRun {
  const count = run.epochs.length;
  const step = Math.max(1, Math.ceil(count / SAVED_CURVE_POINTS));
  const epochs: number[] = [];
  const losses: number[] = [];
  for (let i = 0; i < count; i += step) {
    epochs.push(run.epochs[i]!);
    losses.push(run.losses[i]!);
  }
  if (count > 0 && epochs[epochs.length - 1] !== run.epochs[count - 1]) {
    epochs.push(run.epochs[count - 1]!);
    losses.push(run.losses[count - 1]!);
  }
  return { label: run.label, epochs, losses };
}

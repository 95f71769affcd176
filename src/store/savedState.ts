import { MAX_CELL_LENGTH, MAX_NAME_LENGTH, newPersonId, type Person } from '../core/dataset';
import { INITIAL_WEIGHT_LABELS } from '../core/init';
import { PARAM_COUNT } from '../core/network';
import { SCALING_LABELS } from '../core/scaling';
import { SAMPLE_ORDER_LABELS } from '../core/trainer';
import type { KeptRun, Settings } from './labStore';

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
const fail = (why: string): { ok: false; why: string } => ({ ok: false, why });

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const isFiniteNumber = (value: unknown): value is number =>
  typeof value === 'number' && Number.isFinite(value);

export function checkSettings(value: unknown): Check<Settings> {
  if (!isRecord(value)) return fail('the settings are missing');
  const { learningRate, speed, stopAtEpoch, initialWeights, seed, scaling, sampleOrder } = value;
  if (!isFiniteNumber(learningRate) || learningRate <= 0 || learningRate > 100)
    return fail('bad learning rate');
  if (speed !== null && (!isFiniteNumber(speed) || speed <= 0)) return fail('bad speed');
  if (stopAtEpoch !== null && (!Number.isInteger(stopAtEpoch) || (stopAtEpoch as number) < 1)) {
    return fail('bad stop epoch');
  }
  if (typeof initialWeights !== 'string' || !(initialWeights in INITIAL_WEIGHT_LABELS))
    return fail('bad start');
  if (!Number.isInteger(seed) || (seed as number) < 0 || (seed as number) > 2 ** 32 - 1)
    return fail('bad seed');
  if (typeof scaling !== 'string' || !(scaling in SCALING_LABELS)) return fail('bad input scaling');
  if (typeof sampleOrder !== 'string' || !(sampleOrder in SAMPLE_ORDER_LABELS))
    return fail('bad sample order');
  return { ok: true, value: value as unknown as Settings };
}

/** People as saved or shared: bounded strings and a gender; fresh ids are given on the way in. */
export function checkPeople(value: unknown, limit = MAX_SAVED_PEOPLE): Check<Person[]> {
  if (!Array.isArray(value)) return fail('the table is missing');
  if (value.length > limit) return fail(`more than ${limit.toLocaleString('en-US')} people`);
  const people: Person[] = [];
  for (const [row, item] of value.entries()) {
    if (!isRecord(item)) return fail(`row ${row + 1} is not a person`);
    const { name, weight, height, gender } = item;
    if (typeof name !== 'string' || name.length > MAX_NAME_LENGTH)
      return fail(`row ${row + 1} has a bad name`);
    if (typeof weight !== 'string' || weight.length > MAX_CELL_LENGTH)
      return fail(`row ${row + 1}: bad weight`);
    if (typeof height !== 'string' || height.length > MAX_CELL_LENGTH)
      return fail(`row ${row + 1}: bad height`);
    if (gender !== 'F' && gender !== 'M') return fail(`row ${row + 1}: gender is not F or M`);
    people.push({ id: newPersonId(), name, weight, height, gender });
  }
  return { ok: true, value: people };
}

export function checkParams(value: unknown): Check<number[]> {
  if (!Array.isArray(value) || value.length !== PARAM_COUNT || !value.every(isFiniteNumber)) {
    return fail('the parameters are not nine finite numbers');
  }
  return { ok: true, value: value };
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
    const params = checkParams(value.resume.params);
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

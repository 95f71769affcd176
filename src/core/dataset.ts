/**
 * The dataset model. Cells keep exactly what the user typed (strings), so a bad value is never lost;
 * validation says which cell is wrong and why, and a bad row is left out of training, not deleted.
 */
import { toModel, UNIT_SYMBOLS, type Measure } from './units';

export type Gender = 'F' | 'M';

export interface Person {
  /** Stable identity for React keys and edits; never shown. */
  readonly id: string;
  readonly name: string;
  /** Weight as typed, in the table's units (lb, kg, or an imported column's own numbers). */
  readonly weight: string;
  /** Height as typed, in the table's units (in, cm, or an imported column's own numbers). */
  readonly height: string;
  readonly gender: Gender;
  /**
   * A numeric target as typed, in a table that predicts a number (see TargetKind); there `gender` is
   * unused. Left out in a table of two classes.
   */
  readonly target?: string;
}

export type NumericField = 'weight' | 'height';

/** What a table's rows are labelled with: one of two classes (gender), or a number to predict. */
export type TargetKind = 'class' | 'number';

/** A table predicts a number when its rows carry a numeric target (its first row says for all). */
export function targetKindOf(people: readonly Person[]): TargetKind {
  return people[0]?.target === undefined ? 'class' : 'number';
}

export interface CellProblem {
  readonly field: NumericField | 'name' | 'target';
  readonly message: string;
}

export interface RowCheck {
  readonly valid: boolean;
  readonly problems: readonly CellProblem[];
  /** Parsed values as the model sees them (lb and in; an imported column's own numbers); NaN if bad. */
  readonly weight: number;
  readonly height: number;
  /** What the network learns to output: 1 (Female) or 0 (Male), or the numeric target; NaN if bad. */
  readonly target: number;
}

/** Above these a value is a typo, not a person (the heaviest and tallest people on record are below). */
export const PLAUSIBLE_MAX: Readonly<Record<NumericField, number>> = { weight: 1500, height: 120 };
/** The same limits in kg and cm, rounded up to what a converted 1500 lb and 120 in read as. */
export const PLAUSIBLE_MAX_METRIC: Readonly<Record<NumericField, number>> = { weight: 680.4, height: 305 };
/** An imported column may hold any finite number; beyond this it would overflow the scaling. */
export const MAX_PLAIN_MAGNITUDE = 1e12;
export const MAX_NAME_LENGTH = 80;
export const MAX_CELL_LENGTH = 40;

/** Female = 1, Male = 0, as in the article. */
export function genderTarget(gender: Gender): number {
  return gender === 'F' ? 1 : 0;
}

/** The number syntax of every numeric cell (the CSV import reads the same). */
export const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?$/i;

export type ParsedNumber = { ok: true; value: number } | { ok: false; message: string };

/** Parses one numeric cell (in the table's units) and explains in plain words what is wrong with it. */
export function parseMeasurement(
  text: string,
  field: NumericField,
  measure: Measure = 'imperial',
): ParsedNumber {
  const label = measure === 'plain' ? 'The value' : field === 'weight' ? 'Weight' : 'Height';
  const trimmed = text.trim();
  if (trimmed === '') return { ok: false, message: `${label} is empty.` };
  if (trimmed.length > MAX_CELL_LENGTH) return { ok: false, message: `${label} is too long to be a number.` };
  if (/^[+-]?(?:infinity|inf)$/i.test(trimmed)) {
    return { ok: false, message: `${label} must be a finite number.` };
  }
  if (!DECIMAL.test(trimmed)) return { ok: false, message: `“${trimmed}” is not a number.` };
  const value = Number(trimmed);
  if (!Number.isFinite(value)) return { ok: false, message: `${label} must be a finite number.` };
  if (measure === 'plain') {
    if (Math.abs(value) > MAX_PLAIN_MAGNITUDE)
      return { ok: false, message: `${label} is too large for the lab.` };
    return { ok: true, value };
  }
  const unit = UNIT_SYMBOLS[measure][field];
  const max = (measure === 'metric' ? PLAUSIBLE_MAX_METRIC : PLAUSIBLE_MAX)[field];
  if (value <= 0) return { ok: false, message: `${label} must be more than 0 ${unit}.` };
  if (value > max) return { ok: false, message: `${label} over ${max} ${unit} is not plausible.` };
  return { ok: true, value };
}

/** Parses a numeric target cell: any finite number the lab can hold, with a message per problem. */
export function parseTarget(text: string): ParsedNumber {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: false, message: 'Target is empty.' };
  const parsed = parseMeasurement(trimmed, 'weight', 'plain');
  return parsed.ok ? parsed : { ok: false, message: parsed.message.replace('The value', 'Target') };
}

/** People are immutable, so a row's check is kept per person object: a 100,000-row table re-checks only what changed. */
const checkCache: Readonly<Record<Measure, WeakMap<Person, RowCheck>>> = {
  imperial: new WeakMap(),
  metric: new WeakMap(),
  plain: new WeakMap(),
};

/** A row's problems and its inputs as the model sees them (see `RowCheck`). */
export function checkPerson(person: Person, measure: Measure = 'imperial'): RowCheck {
  const cached = checkCache[measure].get(person);
  if (cached) return cached;
  const problems: CellProblem[] = [];
  const weight = parseMeasurement(person.weight, 'weight', measure);
  const height = parseMeasurement(person.height, 'height', measure);
  if (person.name.length > MAX_NAME_LENGTH) {
    problems.push({ field: 'name', message: `Name is longer than ${MAX_NAME_LENGTH} characters.` });
  }
  if (!weight.ok) problems.push({ field: 'weight', message: weight.message });
  if (!height.ok) problems.push({ field: 'height', message: height.message });
  const target = person.target === undefined ? null : parseTarget(person.target);
  if (target && !target.ok) problems.push({ field: 'target', message: target.message });
  const check: RowCheck = {
    valid: problems.length === 0,
    problems,
    weight: weight.ok ? toModel(measure, 'weight', weight.value) : Number.NaN,
    height: height.ok ? toModel(measure, 'height', height.value) : Number.NaN,
    target: target === null ? genderTarget(person.gender) : target.ok ? target.value : Number.NaN,
  };
  checkCache[measure].set(person, check);
  return check;
}

/** What the table says when a row has no name. */
export function displayName(person: Person, index: number): string {
  const name = person.name.trim();
  return name === '' ? `person ${index + 1}` : name;
}

let nextId = 0;
let idPrefix = '';
let idPrefixAt = -1;
export function newPersonId(): string {
  nextId += 1;
  const now = Date.now();
  // one prefix per millisecond: an import makes 100,000 ids in a few
  if (now !== idPrefixAt) {
    idPrefixAt = now;
    idPrefix = `p${now.toString(36)}-`;
  }
  return idPrefix + nextId;
}

/** The article's four people. */
export const ARTICLE_PEOPLE: readonly Person[] = [
  { id: 'alice', name: 'Alice', weight: '133', height: '65', gender: 'F' },
  { id: 'bob', name: 'Bob', weight: '160', height: '72', gender: 'M' },
  { id: 'charlie', name: 'Charlie', weight: '152', height: '70', gender: 'M' },
  { id: 'diana', name: 'Diana', weight: '120', height: '60', gender: 'F' },
];

/** The two people the article predicts. */
export const ARTICLE_QUERIES = [
  { name: 'Emily', weight: 128, height: 63 },
  { name: 'Frank', weight: 155, height: 68 },
] as const;

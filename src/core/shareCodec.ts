/**
 * The share link's payload: settings, dataset and (optionally) the current parameters, as JSON
 * compressed by lz-string into URL-safe text. Decoding trusts nothing: it caps the length, checks
 * every field by hand and builds fresh objects, and never throws.
 */
import LZString from 'lz-string';
import { MAX_LEARNING_RATE, MIN_LEARNING_RATE } from './learningRate';
import type { Settings } from './settings';
import type { Person } from './dataset';
import { tableOfRecipe } from './datasets/table';
import {
  SchemaError,
  fail,
  isRecord,
  peopleWithIds,
  readParams,
  readPeople,
  readSettings,
  type PersonRecord,
} from './stateSchema';
import { formatCount } from './countText';

export const SHARE_VERSION = 1 as const;
/** Longest hash accepted; links the lab makes stay far below it (see MAX_SHARE_JSON_LENGTH). */
export const MAX_SHARE_LENGTH = 200_000;
export const MAX_SHARED_PEOPLE = 100_000;
/** Longest decompressed JSON read: a full-length link of real data unpacks to about 1.5 million. */
const MAX_JSON_LENGTH = 5_000_000;

export type SharedPerson = PersonRecord;

export interface SharedState {
  readonly v: 1;
  readonly settings: Settings;
  /** Empty when `settings.dataSource` holds the recipe that generates the table. */
  readonly people: readonly SharedPerson[];
  /** w1..w6, b1..b3; absent: the run starts from the settings' initial weights. */
  readonly params?: readonly number[];
}

/** A link that opens; `notes` say in words what the lab changed in it (a rate brought into range). */
export type DecodedShare =
  { ok: true; state: SharedState; notes: readonly string[] } | { ok: false; message: string };

/**
 * The state to share; `params` only when asked to include them. A generated table travels as its recipe
 * (in the settings), not as its rows: 100,000 points fit in a short link, and its rows' ids are made from
 * the recipe. Other tables' ids go along only with a train/test split, which is decided from them:
 * without one they would only lengthen the link.
 */
export function sharedStateOf(
  settings: Settings,
  people: readonly Person[],
  params?: ArrayLike<number>,
): SharedState {
  const withIds = settings.trainingShare < 1;
  const rows = settings.dataSource === null ? people : [];
  const shared = rows.map(({ id, name, weight, height, gender, target }) => ({
    ...(withIds ? { id } : {}),
    name,
    weight,
    height,
    gender,
    ...(target === undefined ? {} : { target }),
  }));
  const base = { v: SHARE_VERSION, settings, people: shared } as const;
  return params === undefined ? base : { ...base, params: Array.from(params) };
}

/** People for the table from a decoded link (with the ids it carries, else fresh ones); a recipe's table is generated again. */
export function peopleFromShare(state: SharedState): Person[] {
  const { dataSource, units } = state.settings;
  const generated = dataSource === null ? null : tableOfRecipe(dataSource, units);
  if (generated) return generated.people;
  return peopleWithIds(state.people);
}

/**
 * Longest state JSON the lab puts in a link: compressing takes about a second per 400,000 characters
 * (about 6,000 people) on the main thread, and the link comes out near 60,000 characters.
 */
export const MAX_SHARE_JSON_LENGTH = 400_000;

/** Null when the state fits in a link; else what to tell the user (check before `encodeShare`). */
export function shareSizeProblem(state: SharedState): string | null {
  if (JSON.stringify(state).length <= MAX_SHARE_JSON_LENGTH) return null;
  const count = formatCount(state.people.length);
  return `The dataset is too big for a link (${count} people); share it with Export CSV instead.`;
}

export function encodeShare(state: SharedState): string {
  return LZString.compressToEncodedURIComponent(JSON.stringify(state));
}

export type Unpacked = { kind: 'text'; text: string } | { kind: 'invalid' } | { kind: 'too-long' };
const INVALID: Unpacked = { kind: 'invalid' };

const URI_SAFE_VALUES = new Map(
  [...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+-$'].map((char, i) => [char, i]),
);

/**
 * lz-string's decompressFromEncodedURIComponent (the same format and results), except that it stops
 * once the output would pass `maxLength`: each code can repeat the previous entry plus one character,
 * so a crafted 200,000-character link could otherwise unpack to gigabytes and take the tab down.
 * Invalid where lz-string gives null or "" (not lz-string data).
 */
export function decompressBounded(input: string, maxLength: number): Unpacked {
  const text = input.replace(/ /g, '+');
  if (text === '') return INVALID;
  const valueAt = (i: number) => URI_SAFE_VALUES.get(text.charAt(i)) ?? 0;
  let value = valueAt(0);
  let position = 32;
  let index = 1;
  const read = (count: number): number => {
    let bits = 0;
    for (let n = 0, power = 1; n < count; n++, power *= 2) {
      if (value & position) bits += power;
      position >>= 1;
      if (position === 0) {
        position = 32;
        value = valueAt(index++);
      }
    }
    return bits;
  };
  const kind = read(2);
  if (kind > 1) return INVALID;
  const first = String.fromCharCode(read(kind === 0 ? 8 : 16));
  const dictionary: string[] = ['', '', '', first];
  const parts = [first];
  let length = 1;
  let previous = first;
  let numBits = 3;
  let enlargeIn = 4;
  const grow = () => {
    if (--enlargeIn > 0) return;
    enlargeIn = 2 ** numBits;
    numBits += 1;
  };
  for (;;) {
    if (index > text.length) return INVALID;
    let code = read(numBits);
    if (code === 2) return { kind: 'text', text: parts.join('') };
    if (code < 2) {
      code = dictionary.push(String.fromCharCode(read(code === 0 ? 8 : 16))) - 1;
      grow();
    }
    const entry =
      code < dictionary.length
        ? dictionary[code]!
        : code === dictionary.length
          ? previous + previous.charAt(0)
          : null;
    if (entry === null) return INVALID;
    length += entry.length;
    if (length > maxLength) return { kind: 'too-long' };
    parts.push(entry);
    dictionary.push(previous + entry.charAt(0));
    grow();
    previous = entry;
  }
}

function readState(hash: string): SharedState {
  const payload = hash.startsWith('#') ? hash.slice(1) : hash;
  if (payload === '') fail('it is empty');
  if (payload.length > MAX_SHARE_LENGTH) fail(`it is longer than ${MAX_SHARE_LENGTH} characters`);
  const unpacked = decompressBounded(payload, MAX_JSON_LENGTH);
  if (unpacked.kind === 'too-long') fail('it unpacks to more data than the lab reads');
  if (unpacked.kind === 'invalid') fail('it could not be decompressed');
  const json = unpacked.text;
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch {
    fail('its contents are not readable');
  }
  if (!isRecord(data)) return fail('its contents are not a lab state');
  if (data.v !== SHARE_VERSION) fail(versionProblem(data.v));
  const settings = readSettings(data.settings);
  const state = { v: SHARE_VERSION, settings, people: readPeople(data.people, MAX_SHARED_PEOPLE) };
  if (data.params === undefined) return state;
  return {
    ...state,
    params: readParams(data.params, settings.architecture),
  };
}

function versionProblem(version: unknown): string {
  if (version === undefined) return `it has no version number, and this lab reads version ${SHARE_VERSION}`;
  if (typeof version !== 'number') return 'its version is not a number';
  return `it has version ${String(version)}, and this lab reads version ${SHARE_VERSION}`;
}

/**
 * The state with its learning rate inside the slider's range, and a note saying so when it was not:
 * a link is anyone's text, and a rate of a million would only blow the run up.
 */
function rateInRange(state: SharedState): { state: SharedState; notes: string[] } {
  const rate = state.settings.learningRate;
  const inRange = Math.min(MAX_LEARNING_RATE, Math.max(MIN_LEARNING_RATE, rate));
  if (inRange === rate) return { state, notes: [] };
  const note =
    `The link's learning rate, ${String(rate)}, is outside the slider's range ` +
    `(${MIN_LEARNING_RATE} to ${MAX_LEARNING_RATE}), so the lab uses ${inRange}.`;
  return { state: { ...state, settings: { ...state.settings, learningRate: inRange } }, notes: [note] };
}

/** Reads a share link's hash (with or without the leading #); a bad link says why. Never throws. */
export function decodeShare(hash: string): DecodedShare {
  try {
    return { ok: true, ...rateInRange(readState(String(hash))) };
  } catch (error) {
    const why = error instanceof SchemaError ? error.message : 'it could not be read';
    return {
      ok: false,
      message: `This link is damaged or incomplete: ${why}. Nothing in your lab was changed.`,
    };
  }
}

import fc from 'fast-check';
import LZString from 'lz-string';
import { describe, expect, it } from 'vitest';
import { ARTICLE_PEOPLE, MAX_CELL_LENGTH, MAX_NAME_LENGTH } from '../../src/core/dataset';
import {
  MAX_SHARE_LENGTH,
  MAX_SHARED_PEOPLE,
  decodeShare,
  decompressBounded,
  encodeShare,
  peopleFromShare,
  shareSizeProblem,
  sharedStateOf,
  type SharedState,
} from '../../src/core/shareCodec';
import { MAX_LEARNING_RATE, MIN_LEARNING_RATE } from '../../src/core/learningRate';
import { FEATURES } from '../../src/core/features';
import { DEFAULT_SETTINGS, type Settings } from '../../src/core/settings';

const anyChar = fc.integer({ min: 0, max: 0x10ffff }).map((code) => String.fromCodePoint(code));
const textUpTo = (max: number) =>
  fc.string({ unit: anyChar, maxLength: max }).map((text) => text.slice(0, max));
const uint32 = fc.tuple(fc.nat(0xffff), fc.nat(0xffff)).map(([high, low]) => high * 0x10000 + low);
/** -0 leaves JSON as 0; the network computes the same outputs from either (see shareCodec.ts). */
const finite = fc.double({ noNaN: true, noDefaultInfinity: true }).map((x) => (x === 0 ? 0 : x));

const settings: fc.Arbitrary<Settings> = fc.record({
  learningRate: fc.double({ min: MIN_LEARNING_RATE, max: MAX_LEARNING_RATE, noNaN: true }),
  speed: fc.option(fc.double({ min: Number.MIN_VALUE, max: 1e9, noNaN: true })),
  stopAtEpoch: fc.option(fc.double({ min: 1, max: 1e12, noNaN: true }).map(Math.floor)),
  initialWeights: fc.constantFrom('random', 'ones', 'xavier', 'he'),
  seed: uint32,
  scaling: fc.constantFrom('article', 'mean', 'standardize', 'none'),
  sampleOrder: fc.constantFrom('in-order', 'shuffled'),
  architecture: fc.record({
    hidden: fc.integer({ min: 1, max: 8 }),
    activation: fc.constantFrom('sigmoid', 'tanh', 'relu'),
    loss: fc.constantFrom('mse', 'bce'),
    update: fc.constantFrom('sample', 'mini-batch', 'full-batch'),
    batchSize: fc.integer({ min: 1, max: 100_000 }),
    momentum: fc.double({ min: 0, max: 0.999, noNaN: true }).map((x) => (x === 0 ? 0 : x)),
    features: fc.subarray([...FEATURES], { minLength: 1 }),
    regularization: fc.constantFrom('none', 'l1', 'l2'),
    regularizationRate: fc.double({ min: 1e-5, max: 1, noNaN: true }),
  }),
  stopAtLoss: fc.option(fc.double({ min: Number.MIN_VALUE, max: 1e6, noNaN: true })),
  units: fc.constantFrom('imperial', 'metric'),
  dataLabels: fc.option(
    fc.record({ x1: textUpTo(100), x2: textUpTo(100), positive: textUpTo(100), negative: textUpTo(100) }),
  ),
  presenter: fc.boolean(),
  // A recipe replaces the rows; its round trip is tested in exampleRecipe.test.ts.
  dataSource: fc.constant(null),
  trainingShare: fc.double({ min: 0.1, max: 1, noNaN: true }),
  showTestData: fc.boolean(),
  discretizeOutput: fc.boolean(),
});
const person = fc.record({
  name: textUpTo(MAX_NAME_LENGTH),
  weight: textUpTo(MAX_CELL_LENGTH),
  height: textUpTo(MAX_CELL_LENGTH),
  gender: fc.constantFrom<'F' | 'M'>('F', 'M'),
});
const sharedState: fc.Arbitrary<SharedState> = settings.chain((chosen) => {
  const count = (chosen.architecture.features.length + 2) * chosen.architecture.hidden + 1;
  return fc.record(
    {
      v: fc.constant(1 as const),
      settings: fc.constant(chosen),
      people: fc.array(person, { maxLength: 30 }),
      params: fc.array(finite, { minLength: count, maxLength: count }),
    },
    { requiredKeys: ['v', 'settings', 'people'] },
  );
});

const URI_SAFE = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+-$';

/**
 * A crafted lz-string link: the letter a, then `codes` codes that each repeat the entry before plus
 * one letter, so it unpacks to about codes² / 2 characters.
 */
function bombLink(codes: number): string {
  const bits: number[] = [];
  const write = (value: number, count: number) => {
    for (let i = 0; i < count; i++) bits.push((value >> i) & 1);
  };
  write(0, 2);
  write(97, 8);
  let [dictSize, numBits, enlargeIn] = [4, 3, 4];
  for (let i = 0; i < codes; i++) {
    write(dictSize++, numBits);
    if (--enlargeIn === 0) [enlargeIn, numBits] = [2 ** numBits, numBits + 1];
  }
  write(2, numBits);
  let hash = '';
  for (let i = 0; i < bits.length; i += 6) {
    const six = [0, 1, 2, 3, 4, 5].reduce((value, j) => value * 2 + (bits[i + j] ?? 0), 0);
    hash += URI_SAFE[six];
  }
  return hash;
}

const pack = (data: unknown) => LZString.compressToEncodedURIComponent(JSON.stringify(data));
const valid = sharedStateOf(DEFAULT_SETTINGS, ARTICLE_PEOPLE);
const PREFIX = 'This link is damaged or incomplete: ';
const SUFFIX = '. Nothing in your lab was changed.';

function why(hash: string): string {
  const result = decodeShare(hash);
  if (result.ok) throw new Error('expected the link to be refused');
  expect(result.message.startsWith(PREFIX) && result.message.endsWith(SUFFIX)).toBe(true);
  return result.message.slice(PREFIX.length, -SUFFIX.length);
}

describe('share links', () => {
  it('decode what they encode, for any valid state', () => {
    fc.assert(
      fc.property(sharedState, (state) => {
        expect(decodeShare(encodeShare(state))).toEqual({ ok: true, state, notes: [] });
        expect(decodeShare(`#${encodeShare(state)}`)).toEqual({ ok: true, state, notes: [] });
      }),
    );
  });

  it('never throw, whatever the hash holds', () => {
    const damaged = fc
      .tuple(sharedState, fc.nat(), fc.string({ maxLength: 3 }))
      .map(([state, at, insert]) => {
        const hash = encodeShare(state);
        const cut = at % (hash.length + 1);
        return hash.slice(0, cut) + insert + hash.slice(cut + 1);
      });
    const anyJson = fc.jsonValue().map(pack);
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: anyChar, maxLength: 300 }), damaged, anyJson), (hash) => {
        const result = decodeShare(hash);
        if (!result.ok) expect(result.message).toMatch(/^This link is damaged or incomplete: .+\.$/);
      }),
    );
  });

  it('keeps only the known fields (a row id, which the split reads, among them), and the table gets fresh ids', () => {
    const extra = { ...valid, evil: 1, settings: { ...valid.settings, extra: 2 } };
    const people = [{ ...valid.people[0], id: 'x', html: '<b>' }];
    const result = decodeShare(pack({ ...extra, people }));
    const kept = { ...valid, people: [{ ...valid.people[0], id: 'x' }] };
    expect(result).toEqual({ ok: true, state: kept, notes: [] });
    const table = peopleFromShare(valid);
    expect(table.map(({ id: _id, ...rest }) => rest)).toEqual(valid.people);
    expect(new Set(table.map((p) => p.id)).size).toBe(table.length);
  });

  it('says why a damaged link was refused', () => {
    const withSettings = (patch: object) => pack({ ...valid, settings: { ...valid.settings, ...patch } });
    const withPerson = (patch: object) => pack({ ...valid, people: [{ ...valid.people[0], ...patch }] });
    expect(why('')).toBe('it is empty');
    expect(why('A'.repeat(MAX_SHARE_LENGTH + 1))).toBe(`it is longer than ${MAX_SHARE_LENGTH} characters`);
    expect(why('%%%')).toBe('it could not be decompressed');
    expect(why(LZString.compressToEncodedURIComponent('{"v":'))).toBe('its contents are not readable');
    expect(why(pack([1]))).toBe('its contents are not a lab state');
    expect(why(pack({ ...valid, v: 2 }))).toBe('it has version 2, and this lab reads version 1');
    expect(why(pack({ ...valid, v: undefined }))).toBe(
      'it has no version number, and this lab reads version 1',
    );
    expect(why(pack({ ...valid, v: { evil: 1 } }))).toBe('its version is not a number');
    expect(why(withSettings({ learningRate: -1 }))).toBe(
      'the learning rate is not a number above 0 and at most 1000000',
    );
    expect(why(withSettings({ seed: 1.5 }))).toBe('the seed is not a whole number from 0 to 4294967295');
    expect(why(withSettings({ scaling: 'log' }))).toBe(
      'the input scaling is not one of article, mean, standardize, none',
    );
    expect(why(withSettings({ stopAtEpoch: 0 }))).toBe(
      'stop at epoch is not a whole number from 1 to 1000000000000',
    );
    expect(why(pack({ ...valid, settings: undefined }))).toBe('the settings are missing');
    expect(why(withPerson({ gender: 'X' }))).toBe("person 1's gender is not F or M");
    expect(why(withPerson({ name: 'n'.repeat(MAX_NAME_LENGTH + 1) }))).toBe(
      `person 1's name is longer than ${MAX_NAME_LENGTH} characters`,
    );
    expect(why(withPerson({ weight: 133 }))).toBe("person 1's weight is not text");
    expect(why(pack({ ...valid, params: [1, 2, 3] }))).toBe('the parameters are not 9 finite numbers');
    expect(why(pack({ ...valid, params: [...new Array<number>(8).fill(0), null] }))).toBe(
      'the parameters are not 9 finite numbers',
    );
  });

  it("bring a rate outside the slider's range to its nearest end, and say so", () => {
    const outside = fc.oneof(
      fc.double({ min: Number.MIN_VALUE, max: MIN_LEARNING_RATE, maxExcluded: true, noNaN: true }),
      fc.double({ min: MAX_LEARNING_RATE, max: 1e6, minExcluded: true, noNaN: true }),
    );
    fc.assert(
      fc.property(outside, (learningRate) => {
        const result = decodeShare(pack({ ...valid, settings: { ...valid.settings, learningRate } }));
        if (!result.ok) throw new Error(result.message);
        const expected = learningRate < MIN_LEARNING_RATE ? MIN_LEARNING_RATE : MAX_LEARNING_RATE;
        expect(result.state.settings).toEqual({ ...valid.settings, learningRate: expected });
        expect(result.notes).toEqual([
          `The link's learning rate, ${learningRate}, is outside the slider's range (0.001 to 100), so the lab uses ${expected}.`,
        ]);
      }),
    );
    const atTheEnds = [MIN_LEARNING_RATE, MAX_LEARNING_RATE].map((learningRate) =>
      decodeShare(pack({ ...valid, settings: { ...valid.settings, learningRate } })),
    );
    expect(atTheEnds.map((result) => result.ok && result.notes)).toEqual([[], []]);
  });

  it('refuses more than 100,000 people', () => {
    // The count is checked before any person is read (zeros keep the payload quick to compress).
    const many = new Array<number>(MAX_SHARED_PEOPLE + 1).fill(0);
    expect(why(pack({ ...valid, people: many }))).toBe(
      `the dataset has more than ${MAX_SHARED_PEOPLE} people`,
    );
  });

  it('unpack exactly as lz-string does, and stop at the length cap', () => {
    const uriSafe = fc.constantFrom(...`${URI_SAFE} `);
    fc.assert(
      fc.property(fc.string({ unit: anyChar, minLength: 1, maxLength: 400 }), (text) => {
        const hash = LZString.compressToEncodedURIComponent(text);
        expect(decompressBounded(hash, Infinity)).toEqual({ kind: 'text', text });
      }),
    );
    fc.assert(
      fc.property(fc.string({ unit: uriSafe, minLength: 1, maxLength: 200 }), (hash) => {
        const ours = decompressBounded(hash, 1e6);
        let theirs: string | null;
        try {
          theirs = LZString.decompressFromEncodedURIComponent(hash);
        } catch {
          theirs = null; // lz-string throws on some garbage (a first code of 3): we refuse it instead
        }
        // With a first code of 3, lz-string carries on from `undefined` and may return garbage.
        const firstCodeIsThree = (URI_SAFE.indexOf(hash.replace(/ /g, '+')[0]!) & 0b110000) === 0b110000;
        if (ours.kind === 'text') expect(ours.text).toBe(theirs);
        else if (!firstCodeIsThree) expect(theirs === null || theirs === '').toBe(true);
      }),
    );
    expect(LZString.decompressFromEncodedURIComponent(bombLink(10))).toBe('a'.repeat(66));
    expect(decompressBounded(bombLink(10), Infinity)).toEqual({ kind: 'text', text: 'a'.repeat(66) });
    const bomb = bombLink(60_000); // would unpack to 1.8 billion characters
    expect(bomb.length).toBeLessThan(MAX_SHARE_LENGTH);
    expect(decompressBounded(bomb, 1000)).toEqual({ kind: 'too-long' });
    expect(why(bomb)).toBe('it unpacks to more data than the lab reads');
  });

  it('says when a dataset is too big for a link, before compressing it', () => {
    expect(shareSizeProblem(valid)).toBeNull();
    const people = Array.from({ length: 10_000 }, (_, i) => ({ ...valid.people[0]!, name: `Person ${i}` }));
    expect(shareSizeProblem({ ...valid, people })).toBe(
      'The dataset is too big for a link (10,000 people); share it with Export CSV instead.',
    );
  });

  it('carries the parameters at full precision when asked to', () => {
    const params = Float64Array.from([0.1, -1 / 3, Math.PI, 1e-300, -5e300, 2 ** -1074, 7, -8, 9]);
    const state = sharedStateOf(DEFAULT_SETTINGS, ARTICLE_PEOPLE, params);
    const result = decodeShare(encodeShare(state));
    expect(result.ok && Float64Array.from(result.state.params ?? [])).toEqual(params);
  });
});

// @vitest-environment jsdom
import fc from 'fast-check';
import LZString from 'lz-string';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ARTICLE_PEOPLE } from '../../src/core/dataset';
import { encodeShare, sharedStateOf } from '../../src/core/shareCodec';
import { DEFAULT_SETTINGS } from '../../src/core/settings';
import * as actions from '../../src/store/actions';
import { useLab } from '../../src/store/labStore';
import { SHARE_HASH_PREFIX, backToOwnLab, linkStore, openSharedLink } from '../../src/store/sharedLink';
import { letAutosaveWrite, saveOwnLab, savedText, startWithoutLinks } from '../helpers/ownLab';

const anyChar = fc.integer({ min: 0, max: 0x10ffff }).map((code) => String.fromCodePoint(code));
const URI_SAFE = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+-$ ';
const pack = (data: unknown) => LZString.compressToEncodedURIComponent(JSON.stringify(data));

const validStates = [
  sharedStateOf(DEFAULT_SETTINGS, ARTICLE_PEOPLE),
  sharedStateOf(
    { ...DEFAULT_SETTINGS, seed: 7, learningRate: 3 },
    ARTICLE_PEOPLE.slice(0, 2),
    [1, 2, 3, 4, 5, 6, 7, 8, 9],
  ),
];
const validLink = fc.constantFrom(...validStates.map(encodeShare));
/** A valid link with a few characters replaced, cut short or grown. */
const damagedLink = fc
  .tuple(validLink, fc.nat(), fc.nat(3), fc.string({ unit: fc.constantFrom(...URI_SAFE), maxLength: 3 }))
  .map(([link, at, cut, insert]) => {
    const where = at % (link.length + 1);
    return link.slice(0, where) + insert + link.slice(where + cut);
  });
/** A lab state with one field (or one of its settings) replaced by any JSON value, `__proto__` included. */
const hostileState = fc
  .tuple(
    fc.constantFrom(...validStates),
    fc.constantFrom('v', 'settings', 'people', 'params', '__proto__', 'constructor'),
    fc.constantFrom(null, ...Object.keys(DEFAULT_SETTINGS), '__proto__'),
    fc.oneof(fc.jsonValue(), fc.constantFrom(1e308, -1e308, 1e6, 1e-9, 0, -1, '', [], {})),
  )
  .map(([state, field, setting, value]) => {
    const json = JSON.stringify(state);
    const parsed = JSON.parse(json) as Record<string, unknown>;
    if (setting !== null && field === 'settings') {
      // Built as text so a `__proto__` key is a real key in the link, as an attacker would write it.
      const settings = JSON.stringify(parsed.settings).slice(0, -1);
      return LZString.compressToEncodedURIComponent(
        json.replace(JSON.stringify(parsed.settings), `${settings},"${setting}":${JSON.stringify(value)}}`),
      );
    }
    return LZString.compressToEncodedURIComponent(
      `${json.slice(0, -1)},"${field}":${JSON.stringify(value) ?? 'null'}}`,
    );
  });
const randomLink = fc.oneof(
  fc.string({ unit: anyChar, maxLength: 300 }),
  fc.string({ unit: fc.constantFrom(...URI_SAFE), maxLength: 300 }),
  fc.jsonValue().map(pack),
  damagedLink,
  hostileState,
  validLink,
);

beforeEach(startWithoutLinks);
afterEach(() => vi.useRealTimers());

describe('10,000 random share links', () => {
  it('throw nothing and leave the saved lab byte for byte as it was, and the lab on show after Back', () => {
    const own = saveOwnLab();
    expect(own).toContain('Dana');
    const ownLab = useLab.getState();
    const uncaught: unknown[] = [];
    const onError = (event: ErrorEvent) => uncaught.push(event.error);
    window.addEventListener('error', onError);
    let opened = 0;
    try {
      fc.assert(
        fc.property(randomLink, fc.boolean(), (link, editWhileShown) => {
          openSharedLink({ hash: `${SHARE_HASH_PREFIX}${link}`, pathname: '/', search: '' });
          if (linkStore.getState().mode === 'linked') {
            opened += 1;
            if (editWhileShown) actions.addPerson({ name: 'Eve', weight: '1', height: '1', gender: 'M' });
          }
          letAutosaveWrite();
          expect(savedText()).toBe(own);
          backToOwnLab();
          letAutosaveWrite();
          expect(savedText()).toBe(own);
          const { settings, people, keptRuns } = useLab.getState();
          expect([settings, people, keptRuns]).toEqual([ownLab.settings, ownLab.people, ownLab.keptRuns]);
        }),
        { numRuns: 10_000 },
      );
    } finally {
      window.removeEventListener('error', onError);
    }
    expect(uncaught).toEqual([]);
    // Some of the links opened (the valid ones, and damaged ones that stayed readable).
    expect(opened).toBeGreaterThan(100);
  });
});

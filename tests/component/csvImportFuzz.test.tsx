// @vitest-environment jsdom
import { act, cleanup, renderHook } from '@testing-library/react';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest';
import { useCsvImport } from '../../src/components/DataIO/useCsvImport';
import { suggestMapping } from '../../src/core/csv';
import { useLab } from '../../src/store/labStore';
import { resetLab } from '../helpers/resetLab';

/** Everything the browser keeps for the lab, as one string: equal strings are byte-identical saves. */
function savedLab(): string {
  return JSON.stringify(
    Object.keys(localStorage)
      .sort()
      .map((key) => [key, localStorage.getItem(key)]),
  );
}

const anyChar = fc.integer({ min: 0, max: 0x10ffff }).map((code) => String.fromCodePoint(code));
const piece = fc.oneof(
  fc.constantFrom(
    ',',
    ';',
    '\t',
    '"',
    '""',
    '\n',
    '\r',
    '\r\n',
    ' ',
    '\uFEFF',
    '\0',
    "'",
    '=',
    '+',
    '-',
    '@',
  ),
  fc.constantFrom('name', 'weight', 'height', 'gender', 'sex', 'weight (kg)', 'height (cm)', 'label'),
  fc.constantFrom('F', 'M', 'female', '1', '0', '-2', '1e309', '133', '65.5', 'NA', '=1+2', "'=1+2"),
  fc.string({ unit: anyChar, maxLength: 5 }),
);
const cell = fc.oneof(
  piece,
  fc.array(piece, { maxLength: 3 }).map((parts) => parts.join('')),
);
const numeric = fc.constantFrom('133', '65.5', '-2', '0', '1e2', ' 7 ');
/** A row that a lab header or a mapping can often use: a name, two numbers, a label. */
const likelyRow = fc.tuple(cell, numeric, numeric, fc.constantFrom('F', 'M', '1', '0', 'yes', ''));
const HEADERS = ['name,weight,height,gender', 'Weight (kg);Height (cm);Sex', 'a,b,c', 'x\ty\tlabel', ''];
/** CSV-like text: a header of the lab's, a file's own or none, then lines of random cells. */
const csvText = fc.oneof(
  fc.string({ unit: anyChar, maxLength: 120 }),
  fc
    .tuple(
      fc.constantFrom(...HEADERS),
      fc.constantFrom(',', ';', '\t'),
      fc.array(fc.oneof(fc.array(cell, { maxLength: 5 }), likelyRow), { maxLength: 8 }),
    )
    .map(([header, delimiter, lines]) => [header, ...lines.map((cells) => cells.join(delimiter))].join('\n')),
);

let consoleError: MockInstance<typeof console.error>;
beforeEach(() => {
  vi.useFakeTimers();
  localStorage.clear();
  resetLab();
  consoleError = vi.spyOn(console, 'error');
});
afterEach(() => {
  cleanup();
  consoleError.mockRestore();
  vi.useRealTimers();
});

describe('random CSV text through the import path', () => {
  it('10,000 texts: nothing throws, and a refused import leaves the saved lab byte-identical', () => {
    const { result } = renderHook(() => useCsvImport());
    let refused = 0;
    fc.assert(
      fc.property(csvText, (text) => {
        vi.runOnlyPendingTimers(); // the previous import's save lands first
        const before = savedLab();
        const table = useLab.getState().people;
        act(() => result.current.importText(text, 'The pasted text'));
        const asked = result.current.notice;
        if (asked.kind === 'mapping') {
          act(() => result.current.applyColumns(asked.raw, suggestMapping(asked.raw), asked.source));
        }
        vi.runOnlyPendingTimers();
        if (result.current.notice.kind !== 'imported') {
          refused += 1;
          expect(useLab.getState().people).toBe(table);
          expect(savedLab()).toBe(before);
        }
      }),
      { numRuns: 10_000 },
    );
    expect(consoleError).not.toHaveBeenCalled();
    // Both kinds of outcome were exercised.
    expect(refused).toBeGreaterThan(100);
    expect(refused).toBeLessThan(10_000);
  });
});

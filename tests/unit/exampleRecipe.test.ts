import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ARTICLE_PEOPLE } from '../../src/core/dataset';
import { EXAMPLE_SETS } from '../../src/core/datasets/registry';
import { tableOfRecipe } from '../../src/core/datasets/table';
import { MAX_POINTS, type DataRecipe } from '../../src/core/datasets/types';
import { DEFAULT_SETTINGS, type Settings } from '../../src/core/settings';
import { decodeShare, encodeShare, peopleFromShare, sharedStateOf } from '../../src/core/shareCodec';
import { readSettings } from '../../src/core/stateSchema';

const recipe: fc.Arbitrary<DataRecipe> = fc.record({
  kind: fc.constantFrom(...EXAMPLE_SETS.map((set) => set.id)),
  points: fc.integer({ min: 10, max: 500 }),
  noise: fc.integer({ min: 0, max: 50 }).map((percent) => percent / 100),
  seed: fc.nat(2 ** 32 - 1),
});

const cells = (people: readonly { name: string; weight: string; height: string; gender: string }[]) =>
  people.map(({ name, weight, height, gender }) => ({ name, weight, height, gender }));

function withRecipe(dataSource: DataRecipe, units: Settings['units'] = 'imperial'): Settings {
  const table = tableOfRecipe(dataSource, units)!;
  return { ...DEFAULT_SETTINGS, units, dataLabels: table.dataLabels, dataSource };
}

describe('a generated table in a share link', () => {
  it('travels as its recipe, not its rows, and reopens as the same table', () => {
    fc.assert(
      fc.property(recipe, fc.constantFrom('imperial' as const, 'metric' as const), (r, units) => {
        const settings = withRecipe(r, units);
        const table = tableOfRecipe(r, units)!.people;
        const state = sharedStateOf(settings, table);
        expect(state.people).toEqual([]);
        const decoded = decodeShare(encodeShare(state));
        if (!decoded.ok) throw new Error(decoded.message);
        expect(decoded.state.settings.dataSource).toEqual(r);
        expect(cells(peopleFromShare(decoded.state))).toEqual(cells(table));
      }),
      { numRuns: 40 },
    );
  });

  it('keeps 100,000 points in a short link', () => {
    const r = { kind: 'spiral', points: MAX_POINTS, noise: 0.3, seed: 99 };
    const hash = encodeShare(sharedStateOf(withRecipe(r), tableOfRecipe(r, 'imperial')!.people));
    expect(hash.length).toBeLessThan(1000);
  });

  it('carries the rows of a table that is the user’s own', () => {
    const state = sharedStateOf(DEFAULT_SETTINGS, ARTICLE_PEOPLE);
    expect(state.people).toHaveLength(4);
    const decoded = decodeShare(encodeShare(state));
    expect(decoded.ok && decoded.state.settings.dataSource).toBeNull();
  });

  it('reads a link or save made before recipes existed as the user’s own table', () => {
    const old: Record<string, unknown> = { ...DEFAULT_SETTINGS };
    delete old.dataSource;
    expect(readSettings(old).dataSource).toBeNull();
  });

  it('refuses a recipe the lab could not have made, and says which part', () => {
    const refused = (dataSource: unknown) => {
      try {
        readSettings({ ...DEFAULT_SETTINGS, dataSource });
        return null;
      } catch (error) {
        return (error as Error).message;
      }
    };
    const good = { kind: 'xor', points: 200, noise: 0.1, seed: 1 };
    expect(refused(good)).toBeNull();
    expect(refused({ ...good, kind: 'mnist' })).toBe('the example data is not one the lab knows');
    expect(refused({ ...good, points: 9 })).toMatch(/points is not a whole number from 10 to 100000/);
    expect(refused({ ...good, points: 100_001 })).toMatch(/points/);
    expect(refused({ ...good, points: 20.5 })).toMatch(/points/);
    expect(refused({ ...good, noise: 0.51 })).toMatch(/noise is not a number from 0 to 0.5/);
    expect(refused({ ...good, seed: -1 })).toMatch(/seed/);
    expect(refused('xor')).toBe('the example data is missing');
  });
});

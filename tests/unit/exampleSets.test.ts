import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkTable } from '../../src/core/checkedTable';
import { applyMapping, formatDatasetCsv, parseDatasetCsv, suggestMapping } from '../../src/core/csv';
import { checkPerson, type Person } from '../../src/core/dataset';
import { EXAMPLE_SETS, findExampleSet } from '../../src/core/datasets/registry';
import { HEIGHT_RANGE, MEN, WEIGHT_RANGE, WOMEN } from '../../src/core/datasets/people';
import { CLEAN_BOUND, NOISE_REACH } from '../../src/core/datasets/shapes';
import { exampleTable, tableOfRecipe } from '../../src/core/datasets/table';
import { MAX_NOISE, MIN_POINTS, type DataRecipe } from '../../src/core/datasets/types';
import { measureOf } from '../../src/core/units';

const ABSTRACT_SETS = EXAMPLE_SETS.filter(
  (set) => set.columns.kind === 'plain' && set.columns.labels.target === undefined,
);
const isClassSet = (id: string) => {
  const { columns } = findExampleSet(id)!;
  return columns.kind === 'people' || columns.labels.target === undefined;
};
const setIds = EXAMPLE_SETS.map((set) => set.id);

const recipe: fc.Arbitrary<DataRecipe> = fc.record({
  kind: fc.constantFrom(...setIds),
  points: fc.integer({ min: MIN_POINTS, max: 2000 }),
  noise: fc.integer({ min: 0, max: 50 }).map((percent) => percent / 100),
  seed: fc.nat(2 ** 32 - 1),
});

function generate(r: DataRecipe) {
  return findExampleSet(r.kind)!.generate(r);
}

describe('example sets', () => {
  it('lists the sets the Example data select offers, in order', () => {
    expect(EXAMPLE_SETS.map((set) => set.label)).toEqual([
      'People (generated)',
      'XOR',
      'Circle',
      'Two clusters',
      'Spiral',
      'Moons',
      'Plane',
      'Hills',
    ]);
  });

  it('is deterministic: the same recipe gives the same points, bit for bit', () => {
    fc.assert(
      fc.property(recipe, (r) => {
        const a = generate(r);
        const b = generate({ ...r });
        expect(Array.from(a.x1)).toEqual(Array.from(b.x1));
        expect(Array.from(a.x2)).toEqual(Array.from(b.x2));
        expect(Array.from(a.target)).toEqual(Array.from(b.target));
      }),
      { numRuns: 60 },
    );
  });

  it('gives exactly the points asked for', () => {
    fc.assert(
      fc.property(recipe, (r) => {
        const set = generate(r);
        expect(set.x1).toHaveLength(r.points);
        expect(set.x2).toHaveLength(r.points);
        expect(set.target).toHaveLength(r.points);
      }),
      { numRuns: 60 },
    );
  });

  it('balances its classes to within one point, each class 1 or 0', () => {
    fc.assert(
      fc.property(
        recipe.filter((r) => isClassSet(r.kind)),
        (r) => {
          const { target } = generate(r);
          const ones = target.reduce((sum, t) => sum + t, 0);
          expect(target.every((t) => t === 0 || t === 1)).toBe(true);
          expect(Math.abs(ones - (r.points - ones))).toBeLessThanOrEqual(1);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('keeps abstract points within ±(6 + noise × 5) at any noise', () => {
    const abstract = recipe.filter((r) => findExampleSet(r.kind)!.columns.kind === 'plain');
    fc.assert(
      fc.property(abstract, (r) => {
        const bound = CLEAN_BOUND + r.noise * NOISE_REACH;
        const { x1, x2 } = generate(r);
        const farthest = Math.max(...x1.map(Math.abs), ...x2.map(Math.abs));
        expect(farthest).toBeLessThanOrEqual(bound);
      }),
      { numRuns: 60 },
    );
  });

  it('keeps generated people within 50-500 lb and 48-84 in at any noise', () => {
    fc.assert(
      fc.property(recipe, (r) => {
        const { x1, x2 } = findExampleSet('people')!.generate(r);
        expect(Math.min(...x1)).toBeGreaterThanOrEqual(WEIGHT_RANGE[0]);
        expect(Math.max(...x1)).toBeLessThanOrEqual(WEIGHT_RANGE[1]);
        expect(Math.min(...x2)).toBeGreaterThanOrEqual(HEIGHT_RANGE[0]);
        expect(Math.max(...x2)).toBeLessThanOrEqual(HEIGHT_RANGE[1]);
      }),
      { numRuns: 60 },
    );
  });

  it('moves points further as noise grows (noise does something)', () => {
    for (const set of ABSTRACT_SETS) {
      const clean = set.generate({ points: 500, noise: 0, seed: 3 });
      const noisy = set.generate({ points: 500, noise: MAX_NOISE, seed: 3 });
      const shift = clean.x1.reduce((sum, x, i) => sum + Math.abs(x - noisy.x1[i]!), 0) / 500;
      expect(shift, set.label).toBeGreaterThan(0.5);
    }
  });

  it('separates the abstract classes as each shape says, without noise', () => {
    const sample = (id: string) => findExampleSet(id)!.generate({ points: 400, noise: 0, seed: 9 });
    const xor = sample('xor');
    xor.target.forEach((t, i) => expect(t === 1).toBe(xor.x1[i]! * xor.x2[i]! > 0));
    const circle = sample('circle');
    circle.target.forEach((t, i) => expect(t === 1).toBe(Math.hypot(circle.x1[i]!, circle.x2[i]!) <= 2.5));
    const clusters = sample('clusters');
    clusters.target.forEach((t, i) => expect(t === 1).toBe(clusters.x1[i]! + clusters.x2[i]! > 0));
  });

  it('draws people around the survey means: women lighter and shorter than men, overlapping', () => {
    const { x1, x2, target } = findExampleSet('people')!.generate({ points: 20_000, noise: 0, seed: 5 });
    const mean = (values: Float64Array, female: boolean) => {
      let sum = 0;
      let count = 0;
      values.forEach((v, i) => {
        if ((target[i] === 1) === female) {
          sum += v;
          count += 1;
        }
      });
      return sum / count;
    };
    expect(mean(x1, true)).toBeCloseTo(WOMEN.weightMean, -0.5);
    expect(mean(x1, false)).toBeCloseTo(MEN.weightMean, -0.5);
    expect(mean(x2, true)).toBeCloseTo(WOMEN.heightMean, 0);
    expect(mean(x2, false)).toBeCloseTo(MEN.heightMean, 0);
    // Overlap: some women are taller than the men's mean height.
    expect(Array.from(x2).some((h, i) => target[i] === 1 && h > MEN.heightMean)).toBe(true);
  });
});

describe('example tables', () => {
  it('gives rows that pass the table’s checks, in lb/in, kg/cm or as x1 and x2 columns', () => {
    fc.assert(
      fc.property(recipe, fc.constantFrom('imperial' as const, 'metric' as const), (r, units) => {
        const set = findExampleSet(r.kind)!;
        const { people, dataLabels } = exampleTable(set, r, units);
        const measure = measureOf({ units, dataLabels });
        expect(checkTable(people, measure).count).toBe(r.points);
        expect(people[0]!.name).toBe(`${set.rowName} 1`);
        const negativeZero = /^-0(\.0*)?$/;
        expect(people.some((p) => negativeZero.test(p.weight) || negativeZero.test(p.height))).toBe(false);
      }),
      { numRuns: 40 },
    );
  });

  it('names the abstract sets’ axes x1 and x2 and their classes 1 and 0; people keep weight and height', () => {
    const xor = exampleTable(
      findExampleSet('xor')!,
      { kind: 'xor', points: 10, noise: 0, seed: 1 },
      'imperial',
    );
    expect(xor.dataLabels).toEqual({ x1: 'x1', x2: 'x2', positive: '1', negative: '0' });
    const people = exampleTable(
      findExampleSet('people')!,
      { kind: 'people', points: 10, noise: 0, seed: 1 },
      'imperial',
    );
    expect(people.dataLabels).toBeNull();
  });

  it('writes metric people as a unit switch would: the same people in kg and cm', () => {
    const r = { kind: 'people', points: 50, noise: 0.2, seed: 11 };
    const set = findExampleSet('people')!;
    const imperial = exampleTable(set, r, 'imperial').people;
    const metric = exampleTable(set, r, 'metric').people;
    metric.forEach((person, i) => {
      const a = checkPerson(imperial[i]!, 'imperial');
      const b = checkPerson(person, 'metric');
      expect(Math.abs(a.weight - b.weight)).toBeLessThan(0.05);
      expect(Math.abs(a.height - b.height)).toBeLessThan(0.05);
    });
  });
});

describe('a generated table through Export CSV and Import CSV', () => {
  const cells = (people: readonly Person[]) =>
    people.map(({ name, weight, height, gender }) => ({ name, weight, height, gender }));

  it('an abstract set comes back with its rows, its x1/x2 columns and its 1/0 classes', () => {
    const r = { kind: 'xor', points: 60, noise: 0.3, seed: 4 };
    const { people, dataLabels } = tableOfRecipe(r, 'imperial')!;
    const raw = parseDatasetCsv(formatDatasetCsv(people, { labels: dataLabels }));
    if (raw.kind !== 'needs-mapping') throw new Error(`expected the mapping step, got ${raw.kind}`);
    const back = applyMapping(raw, suggestMapping(raw));
    if (back.kind === 'error') throw new Error(back.message);
    expect(back.labels).toEqual(dataLabels);
    expect(cells(back.people)).toEqual(cells(people));
  });

  it('generated people come back in the table’s units', () => {
    const r = { kind: 'people', points: 60, noise: 0.1, seed: 4 };
    const { people } = tableOfRecipe(r, 'metric')!;
    const back = parseDatasetCsv(formatDatasetCsv(people, { units: 'metric' }));
    if (back.kind !== 'people') throw new Error(`expected people, got ${back.kind}`);
    expect(back.units).toBe('metric');
    expect(cells(back.people)).toEqual(cells(people));
  });
});

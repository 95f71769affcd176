import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkTable } from '../../src/core/checkedTable';
import { ARTICLE_PEOPLE, checkPerson, genderTarget, type Person } from '../../src/core/dataset';
import type { Measure } from '../../src/core/units';

/** Cells that are sometimes numbers, sometimes not, sometimes out of range. */
const cell = fc.oneof(
  fc.integer({ min: -10, max: 400 }).map(String),
  fc.constantFrom('', 'abc', '1e400', '12.5', ' 60 '),
);
const person = fc.record({
  id: fc.uuid(),
  name: fc.string({ maxLength: 5 }),
  weight: cell,
  height: cell,
  gender: fc.constantFrom<Person['gender']>('F', 'M'),
});
const measure = fc.constantFrom<Measure>('imperial', 'metric', 'plain');

describe('checkTable', () => {
  it('holds exactly the rows checkPerson calls valid, in order, with their model inputs and targets', () => {
    fc.assert(
      fc.property(fc.array(person, { maxLength: 40 }), measure, (people, units) => {
        const table = checkTable(people, units);
        const valid = people.flatMap((p, row) => (checkPerson(p, units).valid ? [row] : []));
        expect(Array.from(table.rows)).toEqual(valid);
        expect(table.count).toBe(valid.length);
        expect(Array.from(table.weights)).toEqual(
          valid.map((row) => checkPerson(people[row]!, units).weight),
        );
        expect(Array.from(table.heights)).toEqual(
          valid.map((row) => checkPerson(people[row]!, units).height),
        );
        const targets = valid.map((row) => genderTarget(people[row]!.gender));
        expect(Array.from(table.targets)).toEqual(targets);
        expect(table.positives).toBe(targets.filter((t) => t === 1).length);
      }),
      { seed: 20261128, numRuns: 200 },
    );
  });

  it('works a table out once; an edited table (a new array) is worked out again', () => {
    const people = [...ARTICLE_PEOPLE];
    const first = checkTable(people);
    expect(checkTable(people)).toBe(first);
    const edited = people.map((p, row) => (row === 1 ? { ...p, weight: 'abc' } : p));
    const again = checkTable(edited);
    expect([first.count, again.count]).toEqual([4, 3]);
    expect(Array.from(again.rows)).toEqual([0, 2, 3]);
  });

  it('reads kg and cm into the model’s pounds and inches', () => {
    const people = [{ ...ARTICLE_PEOPLE[0]!, weight: '60', height: '160' }];
    const table = checkTable(people, 'metric');
    expect(table.weights[0]).toBeCloseTo(132.277, 3);
    expect(table.heights[0]).toBeCloseTo(62.992, 3);
    expect(checkTable(people, 'imperial').count).toBe(0); // 160 in is out of range in inches
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ARTICLE_PEOPLE, checkPerson, parseMeasurement, type Person } from '../../src/core/dataset';
import { buildTrainingSet, trainingSetProblem } from '../../src/core/trainingSet';
import {
  columnTitle,
  convertText,
  decimalsOf,
  fromModel,
  measureOf,
  toModel,
  withUnit,
} from '../../src/core/units';
import type { Units } from '../../src/core/settings';

/** A cell as a person types it: up to 3 decimals, within the plausible range for the field. */
function typedCell(max: number) {
  return fc
    .tuple(fc.integer({ min: 1, max: max * 1000 }), fc.integer({ min: 0, max: 3 }))
    .map(([thousandths, decimals]) => {
      const value = Math.max(thousandths / 1000, 10 ** -decimals);
      return value.toFixed(decimals);
    })
    .filter((text) => Number(text) > 0);
}

/** Converts a valid cell the way a unit switch does. */
function convert(text: string, field: 'weight' | 'height', from: Units, to: Units): string {
  const parsed = parseMeasurement(text, field, from);
  if (!parsed.ok) throw new Error(`${text} is not a valid ${field} in ${from}`);
  return convertText(text, parsed.value, field, from, to);
}

describe('converting cells between lb/in and kg/cm', () => {
  it('gives the article’s people and queries sensible metric values', () => {
    expect(convert('133', 'weight', 'imperial', 'metric')).toBe('60.3');
    expect(convert('128', 'weight', 'imperial', 'metric')).toBe('58.1');
    expect(convert('160', 'weight', 'imperial', 'metric')).toBe('72.6');
    expect(convert('63', 'height', 'imperial', 'metric')).toBe('160');
    expect(convert('65', 'height', 'imperial', 'metric')).toBe('165');
    expect(convert('65.5', 'height', 'imperial', 'metric')).toBe('166.4');
    expect(convert('58.1', 'weight', 'metric', 'imperial')).toBe('128');
    expect(convert('160', 'height', 'metric', 'imperial')).toBe('63');
  });

  it('a weight typed in lb comes back exactly after lb → kg → lb, for any typed value', () => {
    fc.assert(
      fc.property(typedCell(1500), (typed) => {
        const kg = convert(typed, 'weight', 'imperial', 'metric');
        const back = convert(kg, 'weight', 'metric', 'imperial');
        expect(Number(back)).toBe(Number(typed));
        // Switching again gives the same kg text: the numbers do not grow digits switch after switch.
        expect(convert(back, 'weight', 'imperial', 'metric')).toBe(kg);
      }),
      { numRuns: 2000 },
    );
  });

  it('a height typed in in comes back exactly after in → cm → in, for any typed value', () => {
    fc.assert(
      fc.property(typedCell(120), (typed) => {
        const cm = convert(typed, 'height', 'imperial', 'metric');
        const back = convert(cm, 'height', 'metric', 'imperial');
        expect(Number(back)).toBe(Number(typed));
        expect(convert(back, 'height', 'imperial', 'metric')).toBe(cm);
      }),
      { numRuns: 2000 },
    );
  });

  it('a converted value is within half its last digit of the exact conversion, and stays valid', () => {
    fc.assert(
      fc.property(typedCell(1500), typedCell(120), (weight, height) => {
        const kg = convert(weight, 'weight', 'imperial', 'metric');
        const cm = convert(height, 'height', 'imperial', 'metric');
        expect(Math.abs(Number(kg) - Number(weight) * 0.45359237)).toBeLessThanOrEqual(
          0.5 * 10 ** -decimalsOf(kg) + 1e-9,
        );
        expect(Math.abs(Number(cm) - Number(height) * 2.54)).toBeLessThanOrEqual(
          0.5 * 10 ** -decimalsOf(cm) + 1e-9,
        );
        expect(parseMeasurement(kg, 'weight', 'metric').ok).toBe(true);
        expect(parseMeasurement(cm, 'height', 'metric').ok).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });

  it('counts a cell’s decimals from its text', () => {
    expect(decimalsOf('65')).toBe(0);
    expect(decimalsOf(' 65.50 ')).toBe(2);
    expect(decimalsOf('1.25e1')).toBe(1);
    expect(decimalsOf('5e-3')).toBe(3);
  });
});

describe('what the model sees', () => {
  it('toModel and fromModel are inverses; kg and cm become lb and in', () => {
    expect(toModel('metric', 'weight', 0.45359237)).toBeCloseTo(1, 12);
    expect(toModel('metric', 'height', 2.54)).toBeCloseTo(1, 12);
    expect(toModel('imperial', 'weight', 133)).toBe(133);
    expect(toModel('plain', 'height', -3.5)).toBe(-3.5);
    fc.assert(
      fc.property(fc.double({ min: 0.01, max: 1e4, noNaN: true }), (value) => {
        expect(fromModel('metric', 'weight', toModel('metric', 'weight', value))).toBeCloseTo(value, 9);
      }),
    );
  });

  it('the article’s people in kg/cm train on the same shifted inputs as in lb/in (to within rounding)', () => {
    const metric: Person[] = ARTICLE_PEOPLE.map((person) => ({
      ...person,
      weight: convert(person.weight, 'weight', 'imperial', 'metric'),
      height: convert(person.height, 'height', 'imperial', 'metric'),
    }));
    const inPounds = buildTrainingSet(ARTICLE_PEOPLE, 'article');
    const inKilograms = buildTrainingSet(metric, 'article', 'metric');
    expect(Array.from(inPounds.inputs)).toEqual([-2, -1, 25, 6, 17, 4, -15, -6]);
    // Within half a last digit: 0.05 kg is 0.11 lb, 0.5 cm is 0.197 in.
    inKilograms.inputs.forEach((input, i) =>
      expect(Math.abs(input - inPounds.inputs[i]!)).toBeLessThan(i % 2 === 0 ? 0.111 : 0.197),
    );
    expect(Array.from(inKilograms.targets)).toEqual(Array.from(inPounds.targets));
  });

  it('metric cells are checked against the same limits, in kg and cm', () => {
    expect(parseMeasurement('-5', 'weight', 'metric')).toEqual({
      ok: false,
      message: 'Weight must be more than 0 kg.',
    });
    expect(parseMeasurement('700', 'weight', 'metric')).toEqual({
      ok: false,
      message: 'Weight over 680.4 kg is not plausible.',
    });
    expect(parseMeasurement('306', 'height', 'metric')).toMatchObject({ ok: false });
    const emily = checkPerson({ id: 'e', name: 'E', weight: '58.1', height: '160', gender: 'F' }, 'metric');
    expect(emily.valid).toBe(true);
    expect(emily.weight).toBeCloseTo(58.1 / 0.45359237, 12);
    expect(emily.height).toBeCloseTo(160 / 2.54, 12);
  });

  it('an imported column takes any finite number, and its messages name no unit', () => {
    expect(parseMeasurement('-3.5', 'weight', 'plain')).toEqual({ ok: true, value: -3.5 });
    expect(parseMeasurement('0', 'height', 'plain')).toEqual({ ok: true, value: 0 });
    expect(parseMeasurement('', 'weight', 'plain')).toEqual({ ok: false, message: 'The value is empty.' });
    expect(parseMeasurement('1e13', 'weight', 'plain')).toEqual({
      ok: false,
      message: 'The value is too large for the lab.',
    });
    const people: Person[] = [
      { id: 'a', name: '', weight: '-1', height: '0.2', gender: 'M' },
      { id: 'b', name: '', weight: '-2', height: '0.1', gender: 'M' },
    ];
    expect(buildTrainingSet(people, 'none', 'plain').count).toBe(2);
    expect(buildTrainingSet(people, 'none').count).toBe(0);
    expect(trainingSetProblem(buildTrainingSet(people, 'none', 'plain'))).toBe('one-label-value');
  });
});

describe('names that follow the units and imported columns', () => {
  const labels = { x1: 'petal length', x2: 'petal width', positive: 'setosa', negative: 'versicolor' };

  it('the measure is plain whenever an imported file named the columns', () => {
    expect(measureOf({})).toBe('imperial');
    expect(measureOf({ units: 'metric', dataLabels: null })).toBe('metric');
    expect(measureOf({ units: 'metric', dataLabels: labels })).toBe('plain');
  });

  it('titles and values carry the unit, or the column’s own name and no unit', () => {
    expect(columnTitle('imperial', 'weight', null)).toBe('Weight (lb)');
    expect(columnTitle('metric', 'height', null)).toBe('Height (cm)');
    expect(columnTitle('plain', 'height', labels)).toBe('petal width');
    expect(withUnit('metric', 'weight', '58.1')).toBe('58.1 kg');
    expect(withUnit('plain', 'weight', 4.2)).toBe('4.2');
  });
});

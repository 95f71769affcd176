import { describe, expect, it } from 'vitest';
import { ARTICLE_PEOPLE, checkPerson, parseMeasurement, type Person } from '../../src/core/dataset';
import { buildTrainingSet, trainingSetProblem } from '../../src/core/trainingSet';

const person = (weight: string, height: string, gender: 'F' | 'M' = 'F'): Person => ({
  id: 'x',
  name: 'X',
  weight,
  height,
  gender,
});

describe('validating a measurement names the problem', () => {
  it.each([
    ['', 'weight', 'Weight is empty.'],
    ['   ', 'height', 'Height is empty.'],
    ['abc', 'weight', '“abc” is not a number.'],
    ['12abc', 'weight', '“12abc” is not a number.'],
    ['0x10', 'weight', '“0x10” is not a number.'],
    ['Infinity', 'weight', 'Weight must be a finite number.'],
    ['1e999', 'height', 'Height must be a finite number.'],
    ['-5', 'weight', 'Weight must be more than 0 lb.'],
    ['0', 'height', 'Height must be more than 0 in.'],
    ['1e308', 'weight', 'Weight over 1500 lb is not plausible.'],
    ['121', 'height', 'Height over 120 in is not plausible.'],
  ] as const)('%j as %s: %s', (text, field, message) => {
    expect(parseMeasurement(text, field)).toEqual({ ok: false, message });
  });

  it.each([
    ['133', 133],
    [' 65.5 ', 65.5],
    ['1.2e2', 120],
    ['.5', 0.5],
  ])('%j reads as %d', (text, value) => {
    expect(parseMeasurement(text, 'weight')).toEqual({ ok: true, value });
  });
});

describe('rows and training sets', () => {
  it('a bad row lists every bad cell', () => {
    const check = checkPerson(person('abc', ''));
    expect(check.valid).toBe(false);
    expect(check.problems.map((p) => p.field)).toEqual(['weight', 'height']);
  });

  it('a bad row is left out of training and the rest keep their table positions', () => {
    const people = [ARTICLE_PEOPLE[0]!, { ...ARTICLE_PEOPLE[1]!, weight: 'abc' }, ARTICLE_PEOPLE[2]!];
    const set = buildTrainingSet(people, 'article');
    expect(set.count).toBe(2);
    expect(Array.from(set.rowIndex)).toEqual([0, 2]);
    expect(Array.from(set.inputs)).toEqual([-2, -1, 17, 4]);
    expect(people[1]!.weight).toBe('abc');
  });

  it('explains an empty table and a table of one class', () => {
    expect(trainingSetProblem(buildTrainingSet([], 'article'))).toBe('no-valid-rows');
    expect(trainingSetProblem(buildTrainingSet([person('120', '60'), person('130', '64')], 'article'))).toBe(
      'one-gender',
    );
    expect(trainingSetProblem(buildTrainingSet(ARTICLE_PEOPLE, 'article'))).toBeNull();
  });
});

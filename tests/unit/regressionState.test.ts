import { describe, expect, it } from 'vitest';
import { decodeShare, encodeShare, peopleFromShare, sharedStateOf } from '../../src/core/shareCodec';
import { DEFAULT_SETTINGS } from '../../src/core/settings';
import type { Person } from '../../src/core/dataset';

describe('a table with a numeric target travels in a link', () => {
  it('keeps every target as typed and the target column’s name', () => {
    const people: Person[] = [
      { id: 'a', name: 'one', weight: '0.5', height: '-1', gender: 'M', target: '2.50' },
      { id: 'b', name: 'two', weight: '3', height: '4', gender: 'M', target: 'oops' },
    ];
    const settings = {
      ...DEFAULT_SETTINGS,
      dataLabels: { x1: 'x1', x2: 'x2', positive: '', negative: '', target: 'y' },
    };
    const decoded = decodeShare(encodeShare(sharedStateOf(settings, people)));
    if (!decoded.ok) throw new Error(decoded.message);
    expect(decoded.state.settings.dataLabels?.target).toBe('y');
    expect(peopleFromShare(decoded.state).map((person) => person.target)).toEqual(['2.50', 'oops']);
  });

  it('leaves a class table’s people without a target', () => {
    const people: Person[] = [{ id: 'a', name: 'x', weight: '1', height: '2', gender: 'F' }];
    const decoded = decodeShare(encodeShare(sharedStateOf(DEFAULT_SETTINGS, people)));
    if (!decoded.ok) throw new Error(decoded.message);
    expect('target' in decoded.state.people[0]!).toBe(false);
    expect(decoded.state.settings.dataLabels).toBeNull();
  });
});

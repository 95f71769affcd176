import { describe, expect, it } from 'vitest';
import { checkTable } from '../../src/core/checkedTable';
import { ARTICLE_PEOPLE, type Person } from '../../src/core/dataset';
import { FAR_FROM_SCALE, inputScale } from '../../src/core/inputScale';

const row = (weight: string, height: string, gender: 'F' | 'M' = 'F'): Person => ({
  id: `${weight}-${height}`,
  name: '',
  weight,
  height,
  gender,
});
const grams = [row('3750', '181', 'M'), row('3800', '186'), row('5700', '220', 'M'), row('4500', '211')];

describe('inputScale', () => {
  it('finds the article’s people close to 0 after the article’s shift', () => {
    const scale = inputScale(checkTable(ARTICLE_PEOPLE), 'article');
    expect(scale?.far).toEqual([]);
    expect(scale!.typical[0]).toBeLessThan(FAR_FROM_SCALE);
  });

  it('finds grams and millimetres far from 0 under the shift and with no scaling', () => {
    for (const mode of ['article', 'none', 'mean'] as const) {
      const scale = inputScale(checkTable(grams, 'plain'), mode);
      expect(scale?.far).toContain(0);
      expect(scale?.largest).toEqual([5700, 220]);
    }
  });

  it('finds nothing far once standardized', () => {
    const scale = inputScale(checkTable(grams, 'plain'), 'standardize');
    expect(scale?.far).toEqual([]);
    expect(scale!.typical[0]).toBeCloseTo(1, 12);
  });

  it('says nothing for a table with no valid row', () => {
    expect(inputScale(checkTable([row('x', '1')], 'plain'), 'article')).toBeNull();
  });
});

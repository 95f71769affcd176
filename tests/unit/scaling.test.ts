import { describe, expect, it } from 'vitest';
import { ARTICLE_PEOPLE } from '../../src/core/dataset';
import { computeScaling, scaleInput } from '../../src/core/scaling';
import { buildTrainingSet } from '../../src/core/trainingSet';

const weights = [133, 160, 152, 120];
const heights = [65, 72, 70, 60];

describe('input scaling', () => {
  it('Article shift subtracts 135 lb and 66 in', () => {
    const scaling = computeScaling('article', weights, heights);
    expect(scaleInput(scaling, 0, 128)).toBe(-7);
    expect(scaleInput(scaling, 1, 63)).toBe(-3);
  });

  it('Subtract mean centres each input on the valid rows', () => {
    const set = buildTrainingSet(ARTICLE_PEOPLE, 'mean');
    expect(set.scaling.offset).toEqual([141.25, 66.75]);
    const sum1 = set.inputs.filter((_, i) => i % 2 === 0).reduce((a, b) => a + b, 0);
    const sum2 = set.inputs.filter((_, i) => i % 2 === 1).reduce((a, b) => a + b, 0);
    expect(sum1).toBeCloseTo(0, 12);
    expect(sum2).toBeCloseTo(0, 12);
  });

  it('Standardize gives each input mean 0 and standard deviation 1', () => {
    const set = buildTrainingSet(ARTICLE_PEOPLE, 'standardize');
    for (const column of [0, 1]) {
      const values = Array.from(set.inputs).filter((_, i) => i % 2 === column);
      const mean = values.reduce((a, b) => a + b, 0) / values.length;
      const variance = values.reduce((a, b) => a + (b - mean) ** 2, 0) / values.length;
      expect(mean).toBeCloseTo(0, 12);
      expect(variance).toBeCloseTo(1, 12);
    }
  });

  it('Standardize keeps a constant column finite (scale 1)', () => {
    const scaling = computeScaling('standardize', [150, 150], [60, 70]);
    expect(scaling.scale[0]).toBe(1);
  });

  it('None passes inputs through', () => {
    expect(scaleInput(computeScaling('none', weights, heights), 0, 133)).toBe(133);
  });
});

import { describe, expect, it } from 'vitest';
import { ARTICLE_ARCHITECTURE, paramCount, type Architecture } from '../../src/core/architecture';
import type { StepRecord } from '../../src/store/derived';
import { mathContext } from '../../src/viz/mathContext';

const record = (params: number, architecture?: Architecture): StepRecord =>
  ({ paramsBefore: new Float64Array(params), architecture }) as unknown as StepRecord;

describe('the math context of a step', () => {
  const featured: Architecture = { ...ARTICLE_ARCHITECTURE, features: ['x1', 'x2', 'x1Squared', 'sinX2'] };

  it('follows the network the step was taken with, not the one the settings already ask for', () => {
    const context = mathContext(record(paramCount(2, 4), featured), ARTICLE_ARCHITECTURE);
    expect(context).toMatchObject({ hidden: 2, features: featured.features });
  });

  it('reads a step still holding the article’s nine parameters as the article’s x1, x2', () => {
    const context = mathContext(record(9), featured);
    expect(context).toMatchObject({ hidden: 2, features: ['x1', 'x2'] });
  });

  it('carries the penalty into the formulas', () => {
    const l1: Architecture = { ...ARTICLE_ARCHITECTURE, regularization: 'l1', regularizationRate: 0.01 };
    expect(mathContext(record(9, l1))).toMatchObject({ regularization: 'l1', regularizationRate: 0.01 });
  });
});

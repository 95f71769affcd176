import { describe, expect, it } from 'vitest';
import { ARTICLE_ARCHITECTURE } from '../../src/core/architecture';
import { ARTICLE_PEOPLE } from '../../src/core/dataset';
import { netTraceSample } from '../../src/core/netBackward';
import { architectureFor } from '../../src/core/outputLayer';
import { applySgdStep } from '../../src/core/sgd';
import { backpropFormula, feedforwardFormula, lossFormula } from '../../src/components/MathView/formulas';
import { renderTex } from '../../src/components/MathView/katexRender';
import { mathContext } from '../../src/viz/mathContext';
import type { StepRecord } from '../../src/store/derived';

const LINEAR = architectureFor({ ...ARTICLE_ARCHITECTURE, activation: 'tanh' }, 'number');
const PARAMS = Float64Array.from([0.5, -0.25, 1, 0.5, -1.5, 2, 0.1, -0.2, 0.3]);

function linearStep() {
  const [x1, x2, target] = [0.8, -1.2, 4.5];
  const trace = netTraceSample(LINEAR, PARAMS, x1, x2, target);
  const paramsAfter = Float64Array.from(PARAMS);
  applySgdStep(paramsAfter, trace.grad, 0.1);
  const record: StepRecord = {
    kind: 'preview',
    row: 0,
    person: ARTICLE_PEOPLE[0]!,
    x1,
    x2,
    target,
    learningRate: 0.1,
    paramsBefore: PARAMS,
    paramsAfter,
    ...trace,
  };
  return { record, context: mathContext(record, LINEAR, 4) };
}

const valueOf = (values: readonly { label: string; exact: number }[], label: string) =>
  values.find((value) => value.label === label)?.exact;

describe('the Math view for a numeric target', () => {
  it('writes the output as g(z) = z, and its value is the output sum itself', () => {
    const { record, context } = linearStep();
    const formula = feedforwardFormula(record, context);
    expect(formula.plain).toContain('o1 = g(w5·h1 + w6·h2 + b3)');
    expect(formula.plain).toContain('g(z) = z');
    expect(valueOf(formula.values, 'o1 = ypred')).toBe(valueOf(formula.values, 'w5·h1 + w6·h2 + b3'));
    expect(() => renderTex(formula.tex)).not.toThrow();
  });

  it('takes the linear output’s slope as 1 in the chain rule: dypred/dh1 is w5 itself', () => {
    const { record, context } = linearStep();
    const formula = backpropFormula(record, context);
    expect(formula.plain).toContain("g'(z) = 1");
    expect(formula.plain).not.toContain('σ');
    expect(valueOf(formula.values, 'dypred/dh1')).toBe(PARAMS[4]);
    expect(() => renderTex(formula.tex)).not.toThrow();
    const yPred = record.forward[5]!;
    expect(valueOf(lossFormula(record, context).values, 'L')).toBeCloseTo((4.5 - yPred) ** 2, 12);
  });
});

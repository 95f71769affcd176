import { describe, expect, it } from 'vitest';
import { traceSample } from '../../src/core/backward';
import { ARTICLE_PEOPLE } from '../../src/core/dataset';
import { initialParams } from '../../src/core/init';
import { B1, B2, W5, W6 } from '../../src/core/network';
import { applySgdStep } from '../../src/core/sgd';
import {
  backpropFormula,
  feedforwardFormula,
  lossFormula,
  neuronFormula,
  stepFormulas,
  updateFormula,
  type FilledFormula,
} from '../../src/components/MathView/formulas';
import { renderTex } from '../../src/components/MathView/katexRender';
import { plainOperand, texNumber, texOperand } from '../../src/components/MathView/numbers';
import { phaseIndicator, isFormulaActive } from '../../src/components/MathView/phases';
import { phaseInterval } from '../../src/viz/phasePace';
import { hiddenSymmetry } from '../../src/viz/symmetry';
import { isSafeTex } from '../../src/components/MathView/texGuard';
import type { StepRecord } from '../../src/store/derived';

const ALICE = ARTICLE_PEOPLE[0]!;

/** One SGD step, built the way the store builds a preview: trace the sample, then apply the step. */
function stepRecord(
  params: Float64Array,
  x1: number,
  x2: number,
  target: number,
  learningRate = 0.1,
): StepRecord {
  const trace = traceSample(params, x1, x2, target);
  const paramsAfter = Float64Array.from(params);
  applySgdStep(paramsAfter, trace.grad, learningRate);
  return {
    kind: 'preview',
    row: 0,
    person: ALICE,
    x1,
    x2,
    target,
    learningRate,
    paramsBefore: params,
    paramsAfter,
    ...trace,
  };
}

/** The article's worked example: all weights 1, biases 0, Alice at (-2, -1), Female. */
const ALL_ONES_ALICE = stepRecord(initialParams('ones', 0), -2, -1, 1);

function exact(formula: FilledFormula, label: string): number {
  const value = formula.values.find((entry) => entry.label === label);
  if (!value) throw new Error(`no value labelled ${label} in ${formula.id}`);
  return value.exact;
}

describe('the Math view number formatter', () => {
  it('writes 3 significant digits, with negatives in parentheses when they are operands', () => {
    expect(texNumber(-0.9526096518320006)).toBe('-0.953');
    expect(texNumber(0.02146953526581111)).toBe('0.0215');
    expect(texOperand(-2)).toBe('(-2)');
    expect(texOperand(0.249)).toBe('0.249');
    expect(plainOperand(-0.09035331946182427)).toBe('(-0.0904)');
  });

  it('writes tiny and huge numbers as powers of ten, and says NaN and infinity', () => {
    expect(texNumber(0.0000123456)).toBe('1.23 \\times 10^{-5}');
    expect(texOperand(2.5e7)).toBe('(2.50 \\times 10^{7})');
    expect(texNumber(Number.NaN)).toBe('\\mathrm{NaN}');
    expect(texNumber(Number.NEGATIVE_INFINITY)).toBe('-\\infty');
  });
});

describe('the formulas filled with the article’s worked example (All ones, Alice)', () => {
  it('one neuron: h1 = f(1·(-2) + 1·(-1) + 0) = f(-3) = 0.0474', () => {
    const neuron = neuronFormula(ALL_ONES_ALICE);
    expect(neuron.tex).toContain(
      '&= f(1 \\cdot (-2) + 1 \\cdot (-1) + 0) \\\\ &= f(-3) = \\frac{1}{1 + e^{3}} = 0.0474',
    );
    expect(neuron.plain).toContain(
      'h1 = f(w1·x1 + w2·x2 + b1) = f(1 × (-2) + 1 × (-1) + 0) = f(-3) = 0.0474',
    );
    expect(exact(neuron, 'h1')).toBeCloseTo(0.04742587317756678, 12);
  });

  it('feedforward: h1 = h2 = 0.0474 and ypred = o1 = 0.524', () => {
    const feedforward = feedforwardFormula(ALL_ONES_ALICE);
    expect(feedforward.plain).toContain(
      'h2 = f(w3·x1 + w4·x2 + b2) = f(1 × (-2) + 1 × (-1) + 0) = f(-3) = 0.0474',
    );
    expect(feedforward.plain).toContain('o1 = f(w5·h1 + w6·h2 + b3) = f(1 × 0.0474 + 1 × 0.0474 + 0)');
    expect(feedforward.plain).toMatch(/= 0\.524$/);
    expect(exact(feedforward, 'h2')).toBeCloseTo(0.04742587317756678, 12);
    expect(exact(feedforward, 'o1 = ypred')).toBeCloseTo(0.5236951740839997, 12);
    expect(feedforward.values.filter((value) => value.label === 'h1')).toHaveLength(1);
  });

  it('loss of this sample: (1 - 0.524)² = 0.227', () => {
    const loss = lossFormula(ALL_ONES_ALICE);
    expect(loss.plain).toBe('L = (ytrue - ypred)² = (1 - 0.524)² = 0.227');
    expect(exact(loss, 'L')).toBeCloseTo((1 - 0.5236951740839997) ** 2, 12);
  });

  it('dL/dw1 by the chain rule: (-0.953)(0.249)(-0.0904) = 0.0215', () => {
    const backprop = backpropFormula(ALL_ONES_ALICE);
    expect(backprop.tex).toContain('= (-0.953)(0.249)(-0.0904) = 0.0215');
    expect(backprop.plain).toContain(
      'dL/dw1 = dL/dypred × dypred/dh1 × dh1/dw1 = (-0.953) × 0.249 × (-0.0904) = 0.0215',
    );
    expect(backprop.plain).toContain('dL/dypred = -2 × (ytrue - ypred) = -2 × (1 - 0.524) = -0.953');
    expect(backprop.plain).toContain("dh1/dw1 = x1 × f'(w1·x1 + w2·x2 + b1) = (-2) × f'(-3) = -0.0904");
    expect(exact(backprop, 'dL/dypred')).toBeCloseTo(-0.9526096518320006, 12);
    expect(exact(backprop, 'dypred/dh1')).toBeCloseTo(0.24943853872512894, 12);
    expect(exact(backprop, 'dh1/dw1')).toBeCloseTo(-0.09035331946182427, 12);
    expect(exact(backprop, 'dL/dw1')).toBeCloseTo(0.02146953526581111, 12);
  });

  it('the SGD update: w1 ← 1 - 0.1 × 0.0215 = 0.998', () => {
    const update = updateFormula(ALL_ONES_ALICE);
    expect(update.tex).toContain('= 1 - 0.1 \\times 0.0215 = 0.998');
    expect(update.plain).toBe('w1 ← w1 - η × dL/dw1 = 1 - 0.1 × 0.0215 = 0.998');
    expect(exact(update, 'w1 after')).toBeCloseTo(0.9978530465, 10);
    expect(exact(update, 'w1 after')).toBeCloseTo(1 - 0.1 * 0.02146953526581111, 12);
    expect(exact(update, 'change (-η × dL/dw1)')).toBeCloseTo(-0.002146953526581111, 12);
  });

  it('comes in the article’s order', () => {
    expect(stepFormulas(ALL_ONES_ALICE).map((formula) => formula.id)).toEqual([
      'neuron',
      'feedforward',
      'loss',
      'backprop',
      'update',
    ]);
  });
});

describe('every filled formula is safe, valid TeX', () => {
  const records = [
    ALL_ONES_ALICE,
    stepRecord(Float64Array.from([0.31, -1.2, 0.87, 0.05, -0.44, 1.9, 0.12, -0.6, 0.25]), 25, 6, 0, 0.5),
    stepRecord(Float64Array.from([1e-7, -3e8, 2, 2, 1, -1, 0, 0, -4]), -15, -6, 1, 0.001),
    stepRecord(Float64Array.from([Number.NaN, 1, 1, 1, 1, 1, 0, 0, 0]), 17, 4, 0),
  ];
  it.each(records.map((record, index) => [index, record] as const))(
    'record %i renders without a KaTeX error',
    (_, record) => {
      for (const formula of stepFormulas(record)) {
        expect(isSafeTex(formula.tex), formula.tex).toBe(true);
        const html = renderTex(formula.tex);
        expect(html, formula.tex).not.toContain('katex-error');
      }
    },
  );
});

describe('the TeX guard', () => {
  it('accepts the lab’s own notation', () => {
    expect(isSafeTex('\\frac{\\partial L}{\\partial w_1} = (-0.953)(0.249) = 0.0215')).toBe(true);
    expect(isSafeTex("\\begin{aligned} h_1 &= f'(x) \\\\ a &< b \\end{aligned}")).toBe(true);
    expect(isSafeTex('1.5 \\times 10^{-5}, [a; b] | c: d! e > 0 · 2 × 3 / 4')).toBe(true);
  });

  it('refuses markup, characters outside the whitelist, and commands that link or load', () => {
    expect(isSafeTex('<img src=x onerror=alert(1)>')).toBe(false);
    expect(isSafeTex('</script>')).toBe(false);
    expect(isSafeTex('a"b')).toBe(false);
    expect(isSafeTex('$x$')).toBe(false);
    expect(isSafeTex('50%')).toBe(false);
    expect(isSafeTex('\\#')).toBe(false);
    expect(isSafeTex('a~b')).toBe(false);
    expect(isSafeTex('Zoë')).toBe(false);
    expect(isSafeTex('a\nb')).toBe(false);
    expect(isSafeTex('\\href{javascript:alert(1)}{x}')).toBe(false);
    expect(isSafeTex('\\url{https://example.com}')).toBe(false);
    expect(isSafeTex('\\htmlClass{x}{y}')).toBe(false);
    expect(isSafeTex('\\includegraphics{x}')).toBe(false);
  });
});

describe('symmetric start and phases', () => {
  it('tells twins forever (all ones) from twins for now (w5 ≠ w6) and from no twins', () => {
    const ones = initialParams('ones', 0);
    expect(hiddenSymmetry(ones)).toBe('forever');
    const drifting = Float64Array.from(ones);
    drifting[W5] = 2;
    expect(hiddenSymmetry(drifting)).toBe('for-now');
    drifting[W6] = 2;
    drifting[B2] = drifting[B1]! + 0.5;
    expect(hiddenSymmetry(drifting)).toBe('none');
    expect(hiddenSymmetry(initialParams('random', 42))).toBe('none');
  });

  it('names the phase and lights its formulas', () => {
    expect(phaseIndicator('loss')).toBe('Phase 2 of 4: Loss');
    expect(phaseIndicator(null)).toBe('No phase shown yet');
    expect(isFormulaActive('forward', 'neuron') && isFormulaActive('forward', 'feedforward')).toBe(true);
    expect(isFormulaActive('backward', 'backprop')).toBe(true);
    expect(isFormulaActive('backward', 'update')).toBe(false);
    expect(isFormulaActive(null, 'loss')).toBe(false);
  });

  it('paces Play phases by Speed, slowest with reduced motion', () => {
    expect(phaseInterval(1, false)).toBe(2500);
    expect(phaseInterval(100, false)).toBeLessThan(phaseInterval(1, false));
    expect(phaseInterval(null, false)).toBe(600);
    expect(phaseInterval(null, true)).toBe(2500);
  });
});

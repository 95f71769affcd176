import { describe, expect, it } from 'vitest';
import type { Architecture } from '../../src/core/architecture';
import { ARTICLE_ARCHITECTURE, paramCount } from '../../src/core/architecture';
import { ARTICLE_PEOPLE } from '../../src/core/dataset';
import { netTraceSample } from '../../src/core/netBackward';
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
import { mathContext } from '../../src/viz/mathContext';
import { hiddenTwins } from '../../src/viz/symmetry';
import { isSafeTex } from '../../src/components/MathView/texGuard';
import type { StepRecord } from '../../src/store/derived';

const sigmoid = (x: number): number => 1 / (1 + Math.exp(-x));

/** A step record for `architecture`, traced by the engine the way the store traces one. */
function stepRecord(
  architecture: Architecture,
  params: Float64Array,
  x1: number,
  x2: number,
  target: number,
) {
  const trace = netTraceSample(architecture, params, x1, x2, target);
  const paramsAfter = Float64Array.from(params);
  applySgdStep(paramsAfter, trace.grad, 0.1);
  const record: StepRecord = {
    kind: 'preview',
    row: 0,
    person: ARTICLE_PEOPLE[0]!,
    x1,
    x2,
    target,
    learningRate: 0.1,
    paramsBefore: params,
    paramsAfter,
    ...trace,
  };
  return { record, context: mathContext(record, architecture, 4) };
}

function exact(formula: FilledFormula, label: string): number {
  const value = formula.values.find((entry) => entry.label === label);
  if (!value)
    throw new Error(
      `no value labelled ${label} in ${formula.id}: ${formula.values.map((v) => v.label).join(', ')}`,
    );
  return value.exact;
}

// Three hidden neurons: w1..w6 in, w7..w9 out, b1..b3 hidden, b4 out.
const THREE = Float64Array.from([0.5, -0.25, 1, 0.5, -1, 2, 0.75, -1.5, 1.25, 0.1, -0.2, 0.3, -0.4]);
const TANH_BCE: Architecture = { ...ARTICLE_ARCHITECTURE, hidden: 3, activation: 'tanh', loss: 'bce' };
const { record: ALICE_3, context: TANH_BCE_CONTEXT } = stepRecord(TANH_BCE, THREE, -2, -1, 1);

describe('the formulas for 3 tanh hidden neurons and cross-entropy (Alice, x = (-2, -1), Female)', () => {
  const h = [0, 1, 2].map((j) => Math.tanh(THREE[2 * j]! * -2 + THREE[2 * j + 1]! * -1 + THREE[9 + j]!));
  const z = THREE[6]! * h[0]! + THREE[7]! * h[1]! + THREE[8]! * h[2]! + THREE[12]!;
  const yPred = sigmoid(z);

  it('one neuron: h1 = f(w1·x1 + w2·x2 + b1) with f = tanh, written out', () => {
    const neuron = neuronFormula(ALICE_3, TANH_BCE_CONTEXT);
    expect(neuron.plain).toMatch(
      /^h1 = f\(w1·x1 \+ w2·x2 \+ b1\) = f\(0\.5 × \(-2\) \+ \(-0\.25\) × \(-1\) \+ 0\.1\)/,
    );
    expect(neuron.plain).toContain('where f(x) = tanh x');
    expect(neuron.tex).toContain('\\tanh(');
    expect(exact(neuron, 'h1')).toBe(h[0]);
  });

  it('feedforward: every hidden neuron, then o1 through the sigmoid σ over all three', () => {
    const feedforward = feedforwardFormula(ALICE_3, TANH_BCE_CONTEXT);
    expect(feedforward.plain).toContain('h3 = f(w5·x1 + w6·x2 + b3)');
    expect(feedforward.plain).toContain('o1 = σ(w7·h1 + w8·h2 + w9·h3 + b4)');
    expect(exact(feedforward, 'h3')).toBe(h[2]);
    expect(exact(feedforward, 'o1 = ypred')).toBeCloseTo(yPred, 14);
  });

  it('loss: L = -[ytrue ln ypred + (1 - ytrue) ln(1 - ypred)], which is -ln ypred for a Female', () => {
    const loss = lossFormula(ALICE_3, TANH_BCE_CONTEXT);
    expect(loss.plain).toMatch(
      /^L = -\[ytrue × ln\(ypred\) \+ \(1 - ytrue\) × ln\(1 - ypred\)\] = -\[1 × ln\(/,
    );
    expect(exact(loss, 'L')).toBeCloseTo(-Math.log(yPred), 12);
  });

  it('backprop: the engine’s factors, with cross-entropy’s dL/dypred and tanh’s slope 1 − f(x)²', () => {
    const backprop = backpropFormula(ALICE_3, TANH_BCE_CONTEXT);
    expect(backprop.plain).toContain('dL/dypred = -ytrue / ypred + (1 - ytrue) / (1 - ypred)');
    expect(backprop.plain).toContain("dypred/dh1 = w7 × σ'(w7·h1 + w8·h2 + w9·h3 + b4)");
    expect(backprop.plain).toContain("f'(x) = 1 - f(x)²");
    expect(backprop.plain).toContain("σ'(x) = σ(x)(1 - σ(x))");
    const dLdYpred = exact(backprop, 'dL/dypred');
    const dYpredDh1 = exact(backprop, 'dypred/dh1');
    const dh1Dw1 = exact(backprop, 'dh1/dw1');
    expect(dLdYpred).toBeCloseTo(-1 / yPred, 12);
    expect(dYpredDh1).toBeCloseTo(THREE[6]! * yPred * (1 - yPred), 12);
    expect(dh1Dw1).toBeCloseTo(-2 * (1 - h[0]! ** 2), 12);
    // The chain rule's product is the engine's gradient (which it forms as (ypred − ytrue) × the rest).
    expect(exact(backprop, 'dL/dw1')).toBe(ALICE_3.grad[0]);
    expect(dLdYpred * dYpredDh1 * dh1Dw1).toBeCloseTo(ALICE_3.grad[0]!, 12);
  });

  it('every formula is safe TeX that KaTeX renders', () => {
    for (const formula of stepFormulas(ALICE_3, TANH_BCE_CONTEXT)) {
      expect(isSafeTex(formula.tex), formula.tex).toBe(true);
      expect(renderTex(formula.tex), formula.tex).not.toContain('katex-error');
    }
  });
});

describe('more hidden neurons than three', () => {
  const eight: Architecture = { ...ARTICLE_ARCHITECTURE, hidden: 8, activation: 'relu' };
  const params = Float64Array.from({ length: paramCount(8) }, (_, i) => ((i * 7) % 11) / 5 - 1);
  const { record, context } = stepRecord(eight, params, 25, 6, 0);

  it('writes h1, h2, ⋮, h8 and sums with an ellipsis, with two-digit subscripts in braces', () => {
    const feedforward = feedforwardFormula(record, context);
    expect(feedforward.plain).toContain('h2 = f(w3·x1 + w4·x2 + b2)');
    expect(feedforward.plain).not.toContain('h3 = ');
    expect(feedforward.plain).toContain('; …; h8 = f(w15·x1 + w16·x2 + b8)');
    expect(feedforward.plain).toContain('o1 = σ(w17·h1 + w18·h2 + … + w24·h8 + b9)');
    expect(feedforward.tex).toContain('\\vdots');
    expect(feedforward.tex).toContain('w_{17} h_1 + w_{18} h_2 + \\dots + w_{24} h_8 + b_9');
    expect(backpropFormula(record, context).plain).toContain("f'(x) = 1 if x > 0, else 0");
    for (const formula of stepFormulas(record, context)) {
      expect(renderTex(formula.tex), formula.tex).not.toContain('katex-error');
    }
  });
});

describe('the update rule', () => {
  const params = Float64Array.from([1, 1, 1, 1, 1, 1, 0, 0, 0]);

  it('mini-batch: the mean of the batch’s gradients; this sample adds −η/B × its gradient', () => {
    const batches: Architecture = { ...ARTICLE_ARCHITECTURE, update: 'mini-batch', batchSize: 4 };
    const { record, context } = stepRecord(batches, params, -2, -1, 1);
    const update = updateFormula(record, context);
    expect(update.tex).toContain('\\frac{1}{B} \\sum_{b=1}^{B}');
    expect(update.plain).toContain('w1 ← w1 - η × (1/B) × Σ dL_b/dw1 over the batch');
    expect(update.plain).toContain('B = 4');
    expect(exact(update, "this sample's share, -(η/B) × dL/dw1")).toBeCloseTo(
      (-0.1 / 4) * record.grad[0]!,
      15,
    );
  });

  it('momentum: v ← μ v − η g, then w ← w + v', () => {
    const momentum: Architecture = { ...ARTICLE_ARCHITECTURE, momentum: 0.9 };
    const { record, context } = stepRecord(momentum, params, -2, -1, 1);
    const update = updateFormula(record, context);
    expect(update.plain).toMatch(/^v1 ← μ × v1 - η × dL\/dw1; w1 ← w1 \+ v1; μ = 0\.9, η = 0\.1; /);
    expect(update.tex).toContain('v_1 &\\leftarrow \\mu v_1 - \\eta');
    expect(exact(update, '-η × dL/dw1')).toBeCloseTo(-0.1 * record.grad[0]!, 15);
  });

  it('full batch: B is every valid row', () => {
    const full: Architecture = { ...ARTICLE_ARCHITECTURE, update: 'full-batch' };
    const { record } = stepRecord(full, params, -2, -1, 1);
    expect(mathContext(record, full, 6).batch).toBe(6);
    expect(updateFormula(record, mathContext(record, full, 6)).plain).toContain('B = 6');
  });
});

describe('twin hidden neurons, for any number of them', () => {
  it('finds every hidden neuron of an all-ones start as twins forever, and a pair that only starts equal', () => {
    const ones = new Float64Array(paramCount(8)).fill(1).fill(0, 24);
    expect(hiddenTwins(ones)).toEqual([{ neurons: [0, 1, 2, 3, 4, 5, 6, 7], forever: true }]);
    // h2 and h5 share their incoming weights and bias, but not their weight to o1.
    const mixed = Float64Array.from({ length: paramCount(8) }, (_, i) => i);
    mixed.set([2, 3], 2); // h2's w3, w4
    mixed.set([2, 3], 8); // h5's w9, w10
    mixed[25] = mixed[28] = 0.5; // b2 = b5
    expect(hiddenTwins(mixed)).toEqual([{ neurons: [1, 4], forever: false }]);
  });
});

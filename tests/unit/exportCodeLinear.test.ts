import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ARTICLE_ARCHITECTURE, paramCount } from '../../src/core/architecture';
import { networkOf, predictRaw } from '../../src/core/engine';
import { exportAsCode, exportWeightsJson } from '../../src/core/exportCode';
import { architectureFor } from '../../src/core/outputLayer';
import type { Scaling } from '../../src/core/scaling';

const finite = (limit: number) => fc.double({ min: -limit, max: limit, noNaN: true });
const TERMS = {
  measure: 'plain' as const,
  labels: { x1: 'rooms', x2: 'age', positive: '', negative: '', target: 'price' },
  scaling: 'standardize' as const,
};

function loadJavaScript(code: string): (a: number, b: number) => number {
  // eslint-disable-next-line @typescript-eslint/no-implied-eval -- running the exported text is the test
  return (new Function(`${code}\nreturn predict;`) as () => (a: number, b: number) => number)();
}

describe('Export as code for a numeric target', () => {
  it('JavaScript returns the linear output, exactly the lab’s prediction, however far from 0..1', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(1, 2, 3),
        fc.constantFrom<'sigmoid' | 'tanh' | 'relu'>('sigmoid', 'tanh', 'relu'),
        fc.integer({ min: 0, max: 1000 }),
        fc.array(fc.tuple(finite(100), finite(100)), { minLength: 1, maxLength: 5 }),
        (hidden, activation, seed, inputs) => {
          const architecture = architectureFor({ ...ARTICLE_ARCHITECTURE, hidden, activation }, 'number');
          const params = Float64Array.from({ length: paramCount(hidden) }, (_, i) => Math.sin(seed + i) * 4);
          const scaling: Scaling = { offset: [1, -2], scale: [3, 0.5] };
          const net = networkOf(architecture, params, scaling);
          const predict = loadJavaScript(exportAsCode(net, 'javascript', TERMS));
          for (const [a, b] of inputs) expect(predict(a, b)).toBe(predictRaw(net, a, b));
        },
      ),
      { numRuns: 40 },
    );
  });

  it('says it predicts the target, in Python and JSON too, with no sigmoid on the output', () => {
    const architecture = architectureFor(ARTICLE_ARCHITECTURE, 'number');
    const net = networkOf(architecture, new Float64Array(9).fill(0.5), { offset: [0, 0], scale: [1, 1] });
    const python = exportAsCode(net, 'python', TERMS);
    expect(python).toContain('returns the predicted price');
    expect(python).not.toContain('return _sigmoid(');
    const json = JSON.parse(exportWeightsJson(net, TERMS)) as Record<string, unknown>;
    expect(json.target).toBe('price');
    expect(json.classes).toBeUndefined();
    expect(String(json.network)).toContain('one linear output');
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ARTICLE_ARCHITECTURE, paramCount, paramNames, type Architecture } from '../../src/core/architecture';
import { networkOf, predictRaw } from '../../src/core/engine';
import { exportAsCode, exportWeightsJson } from '../../src/core/exportCode';
import { FEATURES, type Feature } from '../../src/core/features';
import { ARTICLE_SHIFT } from '../../src/core/scaling';

type Predict = (weight: number, height: number) => number;

/** Runs the exported JavaScript as a user would: paste it and call predict. */
function loadJavaScript(code: string): Predict {
  // eslint-disable-next-line @typescript-eslint/no-implied-eval -- running the exported text is the test
  const load = new Function(`${code}\nreturn predict;`) as () => Predict;
  return load();
}

const finite = (limit: number) => fc.double({ min: -limit, max: limit, noNaN: true });
const featured = fc
  .record({
    features: fc.subarray([...FEATURES], { minLength: 1 }),
    hidden: fc.integer({ min: 1, max: 4 }),
    activation: fc.constantFrom('sigmoid', 'tanh', 'relu' as const),
  })
  .chain((shape) =>
    fc
      .array(finite(3), {
        minLength: paramCount(shape.hidden, shape.features.length),
        maxLength: paramCount(shape.hidden, shape.features.length),
      })
      .map((values) => ({
        architecture: { ...ARTICLE_ARCHITECTURE, ...shape },
        params: Float64Array.from(values),
      })),
  );

describe('exports with feature inputs and a weight penalty', () => {
  it('the JavaScript gives exactly the engine’s predictions for any feature inputs', () => {
    fc.assert(
      fc.property(
        featured,
        fc.array(fc.tuple(finite(200), finite(200)), { minLength: 1, maxLength: 5 }),
        (net, inputs) => {
          const network = networkOf(net.architecture, net.params, ARTICLE_SHIFT);
          const predict = loadJavaScript(exportAsCode(network, 'javascript'));
          for (const [weight, height] of inputs)
            expect(predict(weight, height)).toBe(predictRaw(network, weight, height));
        },
      ),
      { numRuns: 150 },
    );
  });

  it('the Python and the JSON name every weight of the wider input layer and the inputs it reads', () => {
    const features: Feature[] = ['x1', 'x2', 'x1Squared', 'x1TimesX2', 'sinX2'];
    const architecture: Architecture = { ...ARTICLE_ARCHITECTURE, hidden: 3, features };
    const params = Float64Array.from({ length: paramCount(3, 5) }, (_, i) => i / 10 - 1);
    const network = networkOf(architecture, params, ARTICLE_SHIFT);
    const python = exportAsCode(network, 'python');
    expect(python).toContain('(x1 * x1)');
    expect(python).toContain('math.sin(x2)');
    expect(python.match(/^ {4}h\d+ = .*$/gm)).toHaveLength(3);
    const json = JSON.parse(exportWeightsJson(network)) as {
      features: string[];
      params: Record<string, number>;
    };
    expect(json.features).toEqual(['x1', 'x2', 'x1²', 'x1·x2', 'sin x2']);
    expect(Object.keys(json.params)).toEqual(paramNames(3, 5));
  });

  it('says a penalty shaped the training, in the code of every language and in the JSON', () => {
    const architecture: Architecture = {
      ...ARTICLE_ARCHITECTURE,
      regularization: 'l2',
      regularizationRate: 0.003,
    };
    const network = networkOf(architecture, new Float64Array(9), ARTICLE_SHIFT);
    for (const language of ['javascript', 'python'] as const) {
      expect(exportAsCode(network, language)).toContain(
        'L2 regularization (rate 0.003) on the weights, not the biases',
      );
    }
    const json = JSON.parse(exportWeightsJson(network)) as Record<string, unknown>;
    expect(json).toMatchObject({ regularization: 'L2', regularizationRate: 0.003 });
    const plain = exportAsCode(
      networkOf(ARTICLE_ARCHITECTURE, new Float64Array(9), ARTICLE_SHIFT),
      'javascript',
    );
    expect(plain).not.toContain('regularization');
  });
});

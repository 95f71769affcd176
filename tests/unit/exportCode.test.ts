import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exportAsCode, exportWeightsJson } from '../../src/core/exportCode';
import {
  ARTICLE_ARCHITECTURE,
  MAX_HIDDEN,
  paramCount,
  paramNames,
  type HiddenActivation,
} from '../../src/core/architecture';
import { networkOf, predictRaw } from '../../src/core/engine';
import { initialParams } from '../../src/core/init';
import { netPredict } from '../../src/core/netForward';
import { PARAM_NAMES } from '../../src/core/network';
import { ARTICLE_SHIFT, scaleInput, type Scaling } from '../../src/core/scaling';

const finite = (limit: number) => fc.double({ min: -limit, max: limit, noNaN: true });
const params = fc
  .array(finite(50), { minLength: 9, maxLength: 9 })
  .map((values) => Float64Array.from(values));
const scaling: fc.Arbitrary<Scaling> = fc.record({
  offset: fc.tuple(finite(500), finite(500)),
  scale: fc.tuple(
    fc.double({ min: 0.01, max: 100, noNaN: true }),
    fc.double({ min: 0.01, max: 100, noNaN: true }),
  ),
});

/** The article's 2-2-1, or another shape, with these parameters and this scaling. */
const article = (p: Float64Array, s: Scaling) => networkOf(ARTICLE_ARCHITECTURE, p, s);
const shaped = (
  net: Pick<typeof ARTICLE_ARCHITECTURE, 'hidden' | 'activation'>,
  p: Float64Array,
  s: Scaling,
) => networkOf({ ...ARTICLE_ARCHITECTURE, ...net }, p, s);

type Predict = (weight: number, height: number) => number;

/** Runs the exported JavaScript as a user would: paste it and call predict. */
function loadJavaScript(code: string): Predict {
  // eslint-disable-next-line @typescript-eslint/no-implied-eval -- running the exported text is the test
  const load = new Function(`${code}\nreturn predict;`) as () => Predict;
  return load();
}

describe('Export as code', () => {
  it('JavaScript gives exactly the lab’s predictions, for any weights, scaling and inputs', () => {
    fc.assert(
      fc.property(
        params,
        scaling,
        fc.array(fc.tuple(finite(2000), finite(2000)), { minLength: 1, maxLength: 10 }),
        (p, s, inputs) => {
          const predict = loadJavaScript(exportAsCode(article(p, s), 'javascript'));
          for (const [weight, height] of inputs)
            expect(predict(weight, height)).toBe(predictRaw(article(p, s), weight, height));
        },
      ),
    );
  });

  it('JavaScript keeps -0, NaN and Infinity as they are', () => {
    const p = Float64Array.from([-0, 1, Number.NaN, 1, Infinity, 1, 0, 0, 0]);
    const code = exportAsCode(article(p, ARTICLE_SHIFT), 'javascript');
    expect(code).toContain('const w1 = -0;');
    expect(code).toContain('const w5 = Infinity;');
    expect(loadJavaScript(code)(133, 65)).toBe(predictRaw(article(p, ARTICLE_SHIFT), 133, 65));
  });

  it('Python holds every weight’s exact shortest decimal and the scaling, as float literals', () => {
    fc.assert(
      fc.property(params, scaling, (p, s) => {
        const code = exportAsCode(article(p, s), 'python');
        PARAM_NAMES.forEach((name, i) => {
          const literal = /[.e]/.test(String(p[i])) ? String(p[i]) : `${String(p[i])}.0`;
          expect(code).toContain(`    ${name} = ${Object.is(p[i], -0) ? '-0.0' : literal}\n`);
        });
        expect(code).toContain(`x1 = (weight - ${pyLiteral(s.offset[0])}) / ${pyLiteral(s.scale[0])}`);
        expect(code).toMatch(/^def predict\(weight, height\):$/m);
      }),
    );
  });

  it('Python writes a diverged weight so that Python can read it', () => {
    const diverged = Float64Array.from([Number.NaN, Infinity, -Infinity, 1, 1, 1, 0, 0, 0]);
    const code = exportAsCode(article(diverged, ARTICLE_SHIFT), 'python');
    expect(code).toContain(
      '    w1 = float("nan")\n    w2 = float("inf")\n    w3 = -float("inf")\n    w4 = 1.0\n',
    );
    expect(code).toContain('x1 = (weight - 135.0) / 1.0');
  });
});

function pyLiteral(x: number): string {
  const text = Object.is(x, -0) ? '-0' : String(x);
  return /[.e]/.test(text) ? text : `${text}.0`;
}

describe('Export weights', () => {
  it('names w1..b3 with full precision, and carries the scaling and the input order', () => {
    const p = initialParams('random', 42);
    const json = JSON.parse(exportWeightsJson(article(p, ARTICLE_SHIFT))) as {
      params: Record<string, number>;
      scaling: Scaling;
      note: string;
    };
    expect(Object.keys(json.params)).toEqual([...PARAM_NAMES]);
    expect(Float64Array.from(PARAM_NAMES.map((name) => json.params[name]!))).toEqual(p);
    expect(json.scaling).toEqual({ offset: [135, 66], scale: [1, 1] });
    expect(json.note).toContain('x1 = (weight in lb - offset[0]) / scale[0]');
  });

  it('writes a diverged parameter as text instead of dropping it to null', () => {
    const p = Float64Array.from([Number.NaN, Infinity, 0, 0, 0, 0, 0, 0, 0]);
    const json = JSON.parse(exportWeightsJson(article(p, ARTICLE_SHIFT))) as {
      params: Record<string, unknown>;
    };
    expect([json.params.w1, json.params.w2]).toEqual(['NaN', 'Infinity']);
  });
});

describe('Export follows the architecture', () => {
  const shape = fc.record({
    hidden: fc.integer({ min: 1, max: MAX_HIDDEN }),
    activation: fc.constantFrom<HiddenActivation>('sigmoid', 'tanh', 'relu'),
  });
  const shapedParams = shape.chain((net) =>
    fc
      .array(finite(5), { minLength: paramCount(net.hidden), maxLength: paramCount(net.hidden) })
      .map((values) => ({ net, p: Float64Array.from(values) })),
  );

  it('JavaScript gives exactly the engine’s predictions for any hidden count and activation', () => {
    fc.assert(
      fc.property(
        shapedParams,
        scaling,
        fc.array(fc.tuple(finite(300), finite(300)), { minLength: 1, maxLength: 8 }),
        ({ net, p }, s, inputs) => {
          const predict = loadJavaScript(exportAsCode(shaped(net, p, s), 'javascript'));
          for (const [weight, height] of inputs) {
            const x1 = scaleInput(s, 0, weight);
            const x2 = scaleInput(s, 1, height);
            expect(predict(weight, height)).toBe(netPredict(net, p, x1, x2));
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  it('Python holds every parameter and one line per hidden neuron through its activation', () => {
    fc.assert(
      fc.property(shapedParams, ({ net, p }) => {
        const code = exportAsCode(shaped(net, p, ARTICLE_SHIFT), 'python');
        const names = paramNames(net.hidden);
        names.forEach((name, i) => expect(code).toContain(`    ${name} = ${pyLiteral(p[i]!)}\n`));
        const call = { sigmoid: '_sigmoid', tanh: 'math.tanh', relu: '_relu' }[net.activation];
        const hiddenLines = code.match(/^ {4}h\d+ = .*$/gm) ?? [];
        expect(hiddenLines).toHaveLength(net.hidden);
        expect(hiddenLines[0]).toBe(`    h1 = ${call}(w1 * x1 + w2 * x2 + b1)`);
        const outputTerms = names.slice(2 * net.hidden, 3 * net.hidden).map((w, j) => `${w} * h${j + 1}`);
        expect(code).toContain(`    return _sigmoid(${[...outputTerms, names.at(-1)].join(' + ')})\n`);
      }),
      { numRuns: 100 },
    );
  });

  it('the weights JSON names all 4H + 1 parameters and says which network they belong to', () => {
    const p = initialParams('random', 7, 5);
    const json = JSON.parse(
      exportWeightsJson(shaped({ hidden: 5, activation: 'relu' }, p, ARTICLE_SHIFT)),
    ) as {
      network: string;
      hidden: number;
      activation: string;
      params: Record<string, number>;
      note: string;
    };
    expect(Object.keys(json.params)).toEqual(paramNames(5));
    expect(Float64Array.from(Object.values(json.params))).toEqual(p);
    expect([json.hidden, json.activation]).toEqual([5, 'relu']);
    expect(json.note).toContain('h5 = relu(w9*x1 + w10*x2 + b5), output = sigmoid(w11*h1 + ');
  });
});

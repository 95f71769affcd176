import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exportAsCode, exportWeightsJson } from '../../src/core/exportCode';
import { initialParams } from '../../src/core/init';
import { PARAM_NAMES } from '../../src/core/network';
import { ARTICLE_SHIFT, type Scaling } from '../../src/core/scaling';
import { predictRaw } from '../../src/store/derived';

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
          const predict = loadJavaScript(exportAsCode(p, s, 'javascript'));
          for (const [weight, height] of inputs)
            expect(predict(weight, height)).toBe(predictRaw(p, s, weight, height));
        },
      ),
    );
  });

  it('JavaScript keeps -0, NaN and Infinity as they are', () => {
    const p = Float64Array.from([-0, 1, Number.NaN, 1, Infinity, 1, 0, 0, 0]);
    const code = exportAsCode(p, ARTICLE_SHIFT, 'javascript');
    expect(code).toContain('const w1 = -0;');
    expect(code).toContain('const w5 = Infinity;');
    expect(loadJavaScript(code)(133, 65)).toBe(predictRaw(p, ARTICLE_SHIFT, 133, 65));
  });

  it('Python holds every weight’s exact shortest decimal and the scaling, as float literals', () => {
    fc.assert(
      fc.property(params, scaling, (p, s) => {
        const code = exportAsCode(p, s, 'python');
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
    const code = exportAsCode(
      Float64Array.from([Number.NaN, Infinity, -Infinity, 1, 1, 1, 0, 0, 0]),
      ARTICLE_SHIFT,
      'python',
    );
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
    const json = JSON.parse(exportWeightsJson(p, ARTICLE_SHIFT)) as {
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
    const json = JSON.parse(exportWeightsJson(p, ARTICLE_SHIFT)) as { params: Record<string, unknown> };
    expect([json.params.w1, json.params.w2]).toEqual(['NaN', 'Infinity']);
  });
});

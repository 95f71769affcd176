import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ARTICLE_ARCHITECTURE, type HiddenActivation } from '../../src/core/architecture';
import { networkOf, predictRaw } from '../../src/core/engine';
import { exportAsCode, exportWeightsJson } from '../../src/core/exportCode';
import type { Feature } from '../../src/core/features';
import { initialParams } from '../../src/core/init';
import { networkParamCount, withHiddenSizes } from '../../src/core/layerShape';
import { ARTICLE_SHIFT } from '../../src/core/scaling';

type Predict = (weight: number, height: number) => number;

function loadJavaScript(code: string): Predict {
  // eslint-disable-next-line @typescript-eslint/no-implied-eval -- running the exported text is the test
  return (new Function(`${code}\nreturn predict;`) as () => Predict)();
}

const finite = (limit: number) => fc.double({ min: -limit, max: limit, noNaN: true });

describe('Export as code for several hidden layers', () => {
  it.each<[readonly number[], HiddenActivation, readonly Feature[]]>([
    [[3, 2], 'tanh', ['x1', 'x2']],
    [[2, 5, 3], 'relu', ['x1', 'x2', 'x1TimesX2']],
    [[8, 8, 8, 8], 'sigmoid', ['x1', 'x2']],
  ])('JavaScript gives exactly the lab’s predictions (%j, %s)', (sizes, activation, features) => {
    const architecture = withHiddenSizes({ ...ARTICLE_ARCHITECTURE, activation, features }, sizes);
    const params = initialParams('he', 5, sizes, features.length);
    expect(params).toHaveLength(networkParamCount(architecture));
    const network = networkOf(architecture, params, ARTICLE_SHIFT);
    const predict = loadJavaScript(exportAsCode(network, 'javascript'));
    fc.assert(
      fc.property(finite(400), finite(100), (weight, height) => {
        expect(predict(weight, height)).toBe(predictRaw(network, weight, height));
      }),
    );
  });

  it('names the shape and every parameter in the weights file', () => {
    const architecture = withHiddenSizes({ ...ARTICLE_ARCHITECTURE, activation: 'tanh' as const }, [3, 2]);
    const params = initialParams('xavier', 1, [3, 2], 2);
    const json = JSON.parse(exportWeightsJson(networkOf(architecture, params, ARTICLE_SHIFT))) as {
      network: string;
      hiddenLayers: number[];
      params: Record<string, number>;
    };
    expect(json.network).toMatch(/^2-3-2-1: /);
    expect(json.hiddenLayers).toEqual([3, 2]);
    expect(Object.keys(json.params)).toHaveLength(params.length);
    expect(json.params.b6).toBe(params.at(-1));
  });
});

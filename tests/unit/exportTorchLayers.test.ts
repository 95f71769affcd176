import { describe, expect, it } from 'vitest';
import { ARTICLE_ARCHITECTURE, type HiddenActivation } from '../../src/core/architecture';
import { networkOf, predict } from '../../src/core/engine';
import { denseLayers, exportAsTorch } from '../../src/core/exportCodeTorch';
import { ARTICLE_TERMS } from '../../src/core/exportTerms';
import { featureValue, type Feature } from '../../src/core/features';
import { initialParams } from '../../src/core/init';
import { withHiddenSizes } from '../../src/core/layerShape';
import { ARTICLE_SHIFT } from '../../src/core/scaling';

const ACTIVATE: Record<HiddenActivation, (z: number) => number> = {
  sigmoid: (z) => 1 / (1 + Math.exp(-z)),
  tanh: Math.tanh,
  relu: (z) => Math.max(0, z),
};

/** What nn.Linear layers with these weights compute, then the output's sigmoid: the module's forward. */
function runLayers(
  layers: ReturnType<typeof denseLayers>,
  activation: HiddenActivation,
  input: number[],
): number {
  let x = input;
  for (const layer of layers) {
    const sums = layer.weight.map((row, j) => row.reduce((sum, w, f) => sum + w * x[f]!, layer.bias[j]!));
    x = layer.activation === null ? sums : sums.map(ACTIVATE[activation]);
  }
  return ACTIVATE.sigmoid(x[0]!);
}

describe('PyTorch export of a deeper network', () => {
  it.each<[readonly number[], HiddenActivation, readonly Feature[]]>([
    [[3, 2], 'tanh', ['x1', 'x2']],
    [[2, 5, 3], 'relu', ['x1', 'x2', 'x1TimesX2']],
    [[8, 8, 8, 8], 'sigmoid', ['x1', 'x2']],
  ])('writes one nn.Linear per layer holding the lab’s weights (%j, %s)', (sizes, activation, features) => {
    const architecture = withHiddenSizes({ ...ARTICLE_ARCHITECTURE, activation, features }, sizes);
    const network = networkOf(architecture, initialParams('he', 7, sizes, features.length), ARTICLE_SHIFT);
    const layers = denseLayers(network);
    expect(layers.map((layer) => [layer.inputs, layer.outputs])).toEqual(
      [features.length, ...sizes].map((inputs, l) => [inputs, [...sizes, 1][l]]),
    );
    for (const [x1, x2] of [
      [-2, 3],
      [0.5, -1.25],
      [10, 4],
    ] as const) {
      const input = features.map((feature) => featureValue(feature, x1, x2));
      expect(runLayers(layers, activation, input)).toBeCloseTo(predict(network, x1, x2), 12);
    }
    const code = exportAsTorch(network, ARTICLE_TERMS, {
      learningRate: 0.1,
      sampleOrder: 'in-order',
      seed: 1,
      rows: { count: 1, weights: [133], heights: [65], targets: [1] },
    });
    sizes.forEach((size, l) => {
      expect(code).toContain(
        `self.hidden${l + 1} = nn.Linear(${l === 0 ? features.length : sizes[l - 1]}, ${size})`,
      );
    });
    expect(code).toContain(`self.output = nn.Linear(${sizes.at(-1)}, 1)`);
  });
});

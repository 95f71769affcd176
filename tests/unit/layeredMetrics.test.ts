import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ARTICLE_ARCHITECTURE } from '../../src/core/architecture';
import { FEATURES, orderedFeatures } from '../../src/core/features';
import { initialParams } from '../../src/core/init';
import { totalHidden, withHiddenSizes } from '../../src/core/layerShape';
import { netForwardPass } from '../../src/core/netForward';
import {
  METRICS_SIZE,
  METRIC_ACCURACY,
  METRIC_LOSS,
  isCorrect,
  netDatasetMetricsInto,
  sampleLossFromSum,
} from '../../src/core/netLoss';

const layeredShape = fc.record({
  sizes: fc.array(fc.integer({ min: 1, max: 8 }), { minLength: 2, maxLength: 4 }),
  activation: fc.constantFrom('sigmoid' as const, 'tanh' as const, 'relu' as const),
  loss: fc.constantFrom('mse' as const, 'bce' as const),
  output: fc.constantFrom('sigmoid' as const, 'linear' as const),
  features: fc.subarray([...FEATURES], { minLength: 1 }).map(orderedFeatures),
  seed: fc.integer({ min: 0, max: 1000 }),
  samples: fc.array(
    fc.record({
      x1: fc.double({ min: -3, max: 3, noNaN: true }),
      x2: fc.double({ min: -3, max: 3, noNaN: true }),
      y: fc.constantFrom(0, 1, 0.25, -2),
    }),
    { minLength: 1, maxLength: 12 },
  ),
});

describe('the dataset metrics of a deeper network (what trainEpoch reports every epoch)', () => {
  it('are the mean of every sample’s own loss and its accuracy (or |y - ŷ|), bit for bit', () => {
    fc.assert(
      fc.property(layeredShape, ({ sizes, activation, loss, output, features, seed, samples }) => {
        const net = withHiddenSizes(
          { ...ARTICLE_ARCHITECTURE, activation, loss: output === 'linear' ? 'mse' : loss, output, features },
          sizes,
        );
        const params = initialParams('xavier', seed, sizes, features.length);
        const inputs = Float64Array.from(samples.flatMap(({ x1, x2 }) => [x1, x2]));
        const targets = Float64Array.from(samples, ({ y }) => y);
        const sumSlot = 2 * totalHidden(net);
        let lossSum = 0;
        let second = 0;
        for (const { x1, x2, y } of samples) {
          const forward = netForwardPass(net, params, x1, x2);
          const yPred = forward[sumSlot + 1]!;
          lossSum += sampleLossFromSum(net.loss, y, forward[sumSlot]!, yPred);
          if (output === 'linear') second += Math.abs(y - yPred);
          else if (isCorrect(y, yPred)) second += 1;
        }
        const out = new Float64Array(METRICS_SIZE);
        netDatasetMetricsInto(net, params, inputs, targets, samples.length, out);
        expect(out[METRIC_LOSS]).toBe(lossSum / samples.length);
        expect(out[METRIC_ACCURACY]).toBe(second / samples.length);
      }),
      { numRuns: 150 },
    );
  });

  it('are NaN for no samples', () => {
    const net = withHiddenSizes(ARTICLE_ARCHITECTURE, [3, 2]);
    const out = new Float64Array(METRICS_SIZE);
    netDatasetMetricsInto(
      net,
      initialParams('xavier', 1, [3, 2], 2),
      new Float64Array(0),
      new Float64Array(0),
      0,
      out,
    );
    expect(out[METRIC_LOSS]).toBeNaN();
    expect(out[METRIC_ACCURACY]).toBeNaN();
  });
});

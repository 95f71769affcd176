import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ARTICLE_ARCHITECTURE, type Architecture } from '../../src/core/architecture';
import { traceSample } from '../../src/core/backward';
import { ARTICLE_PEOPLE } from '../../src/core/dataset';
import { networkOf, personLoss, predict, predictRaw, trace, trainingSetLoss } from '../../src/core/engine';
import { predict as articlePredict } from '../../src/core/forward';
import { initialParams } from '../../src/core/init';
import { datasetMetricsInto } from '../../src/core/loss';
import { netTraceSample } from '../../src/core/netBackward';
import { netPredict } from '../../src/core/netForward';
import { METRICS_SIZE, crossEntropyFromSum, netDatasetMetricsInto } from '../../src/core/netLoss';
import { ARTICLE_SHIFT, scaleInput } from '../../src/core/scaling';
import { createTrainer, currentLoss } from '../../src/core/trainer';
import { buildTrainingSet } from '../../src/core/trainingSet';

const finite = (limit: number) => fc.double({ min: -limit, max: limit, noNaN: true });
const articleParams = fc
  .array(finite(20), { minLength: 9, maxLength: 9 })
  .map((values) => Float64Array.from(values));
const TANH_BCE: Architecture = { ...ARTICLE_ARCHITECTURE, hidden: 3, activation: 'tanh', loss: 'bce' };

describe('the engine entry on the article’s 2-2-1', () => {
  it('predicts bit for bit what the article’s own code predicts, and the general code agrees', () => {
    fc.assert(
      fc.property(articleParams, finite(30), finite(30), (params, x1, x2) => {
        const net = networkOf(ARTICLE_ARCHITECTURE, params, ARTICLE_SHIFT);
        const fast = articlePredict(params, x1, x2);
        expect(Object.is(predict(net, x1, x2), fast)).toBe(true);
        expect(Object.is(netPredict(ARTICLE_ARCHITECTURE, params, x1, x2), fast)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('traces a sample exactly as the article’s code does, and the general code agrees', () => {
    fc.assert(
      fc.property(articleParams, finite(30), finite(30), fc.constantFrom(0, 1), (params, x1, x2, y) => {
        const net = networkOf(ARTICLE_ARCHITECTURE, params, ARTICLE_SHIFT);
        const fast = traceSample(params, x1, x2, y);
        const entry = trace(net, x1, x2, y);
        const general = netTraceSample(ARTICLE_ARCHITECTURE, params, x1, x2, y);
        for (const key of ['forward', 'factors', 'grad'] as const) {
          expect(entry[key]).toEqual(fast[key]);
          expect(general[key]).toEqual(fast[key]);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('measures a dataset’s loss as the article’s code does, and the general code agrees', () => {
    const set = buildTrainingSet(ARTICLE_PEOPLE, 'article');
    fc.assert(
      fc.property(articleParams, (params) => {
        const fast = new Float64Array(METRICS_SIZE);
        const general = new Float64Array(METRICS_SIZE);
        datasetMetricsInto(params, set.inputs, set.targets, set.count, fast);
        netDatasetMetricsInto(ARTICLE_ARCHITECTURE, params, set.inputs, set.targets, set.count, general);
        expect(general).toEqual(fast);
        expect(trainingSetLoss(networkOf(ARTICLE_ARCHITECTURE, params, set.scaling), set)).toBe(fast[0]);
      }),
      { numRuns: 200 },
    );
  });
});

describe('the engine entry on other networks', () => {
  const params = initialParams('random', 5, TANH_BCE.hidden);
  const net = networkOf(TANH_BCE, params, ARTICLE_SHIFT);

  it('predicts, traces and measures with the network’s own hidden count, activation and loss', () => {
    expect(predict(net, 0.5, -1)).toBe(netPredict(TANH_BCE, params, 0.5, -1));
    expect(trace(net, 0.5, -1, 1).grad).toEqual(netTraceSample(TANH_BCE, params, 0.5, -1, 1).grad);
    const sum = netTraceSample(TANH_BCE, params, 0.5, -1, 1).forward[2 * TANH_BCE.hidden]!;
    expect(personLoss(net, 0.5, -1, 1)).toBe(crossEntropyFromSum(1, sum));
    const trainer = createTrainer({
      params,
      set: buildTrainingSet(ARTICLE_PEOPLE, 'article'),
      sampleOrder: 'in-order',
      seed: 1,
      learningRate: 0.1,
      architecture: TANH_BCE,
    });
    expect(trainingSetLoss(net, trainer.set)).toBe(currentLoss(trainer));
  });

  it('predictRaw scales raw inputs with the network’s own scaling', () => {
    const scaling = { offset: [150, 65], scale: [20, 4] } as const;
    const scaled = networkOf(TANH_BCE, params, scaling);
    const expected = predict(scaled, scaleInput(scaling, 0, 133), scaleInput(scaling, 1, 65));
    expect(predictRaw(scaled, 133, 65)).toBe(expected);
    expect(predictRaw(net, 133, 65)).not.toBe(expected);
  });

  it('reads a parameter vector of another length with its own hidden count', () => {
    const nine = initialParams('random', 2, 2);
    const read = networkOf(TANH_BCE, nine, ARTICLE_SHIFT);
    expect(read.architecture).toMatchObject({ hidden: 2, activation: 'tanh', loss: 'bce' });
    expect(predict(read, 1, 1)).toBe(netPredict({ hidden: 2, activation: 'tanh' }, nine, 1, 1));
    expect(networkOf(TANH_BCE, params, ARTICLE_SHIFT).architecture).toBe(TANH_BCE);
  });
});

import { describe, expect, it } from 'vitest';
import { ARTICLE_PEOPLE, type Person } from '../../src/core/dataset';
import { initialParams } from '../../src/core/init';
import { trainArticleEpochs, type EpochBreaks, type EpochColumns } from '../../src/core/articleEpochs';
import { createTrainer, trainEpoch, type SampleOrder, type Trainer } from '../../src/core/trainer';
import { buildTrainingSet } from '../../src/core/trainingSet';

const PEOPLE: Person[] = [
  ...ARTICLE_PEOPLE,
  { id: 'e', name: 'Emily', weight: '128', height: '63', gender: 'F' },
  { id: 'f', name: 'Frank', weight: '155', height: '68', gender: 'M' },
  { id: 'g', name: 'Gina', weight: '119', height: '62', gender: 'F' },
];

function trainer(sampleOrder: SampleOrder, learningRate = 0.3): Trainer {
  return createTrainer({
    params: initialParams('random', 7),
    set: buildTrainingSet(PEOPLE, 'article'),
    sampleOrder,
    seed: 7,
    learningRate,
  });
}

const columns = (epochs: number): EpochColumns => ({
  losses: new Float64Array(epochs + 1),
  accuracies: new Float64Array(epochs + 1),
  params: new Float64Array((epochs + 1) * 9),
});

const noBreaks = (): EpochBreaks => ({
  sizeSquared: Number.POSITIVE_INFINITY,
  lossAtMost: Number.NEGATIVE_INFINITY,
  lossAbove: Number.POSITIVE_INFINITY,
  lowest: Number.POSITIVE_INFINITY,
  riseFactor: 1.5,
  riseFloor: Number.POSITIVE_INFINITY,
});

/** What a caller reads of the trainer after a call (Object.is tells -0 and NaN apart). */
function state(t: Trainer) {
  return {
    accuracy: t.accuracy,
    epoch: t.epoch,
    cursor: t.cursor,
    lastSample: t.lastSample,
    params: Array.from(t.params),
    forward: Array.from(t.forward),
    factors: Array.from(t.factors),
    grad: Array.from(t.grad),
    order: Array.from(t.order),
    rng: JSON.stringify(t.rng),
  };
}

describe('trainArticleEpochs', () => {
  it.each<SampleOrder>(['in-order', 'shuffled'])(
    '%s: every recorded epoch and the trainer after each call are bit for bit trainEpoch’s',
    (order) => {
      const fast = trainer(order);
      const plain = trainer(order);
      for (const epochs of [1, 7, 64, 3, 128]) {
        const out = columns(epochs);
        expect(trainArticleEpochs(fast, epochs, out, 0, noBreaks())).toBe(epochs);
        for (let k = 0; k < epochs; k++) {
          const loss = trainEpoch(plain);
          expect(out.losses[k]).toBe(loss);
          expect(out.accuracies[k]).toBe(plain.accuracy);
          expect(Array.from(out.params.subarray(9 * k, 9 * k + 9))).toEqual(Array.from(plain.params));
        }
        expect(state(fast)).toEqual(state(plain));
      }
    },
  );

  it('in order after shuffled epochs (a permuted order kept), still bit for bit trainEpoch’s', () => {
    // The loss pass carries its forward pass of the sample the next epoch starts with: order[0], not row 0.
    const fast = trainer('shuffled');
    const plain = trainer('shuffled');
    trainEpoch(fast);
    trainEpoch(plain);
    expect(fast.order[0]).not.toBe(0);
    fast.sampleOrder = 'in-order';
    plain.sampleOrder = 'in-order';
    const out = columns(32);
    expect(trainArticleEpochs(fast, 32, out, 0, noBreaks())).toBe(32);
    for (let k = 0; k < 32; k++) {
      expect(out.losses[k]).toBe(trainEpoch(plain));
      expect(Array.from(out.params.subarray(9 * k, 9 * k + 9))).toEqual(Array.from(plain.params));
    }
    expect(state(fast)).toEqual(state(plain));
  });

  it('one person: the epoch’s first sample is its last (the carried pass and the trace), bit for bit trainEpoch’s', () => {
    const one = (): Trainer =>
      createTrainer({
        params: initialParams('random', 3),
        set: buildTrainingSet(PEOPLE.slice(1, 2), 'article'),
        sampleOrder: 'in-order',
        seed: 3,
        learningRate: 0.3,
      });
    const fast = one();
    const plain = one();
    for (const epochs of [1, 5, 40]) {
      const out = columns(epochs);
      expect(trainArticleEpochs(fast, epochs, out, 0, noBreaks())).toBe(epochs);
      for (let k = 0; k < epochs; k++) {
        expect(out.losses[k]).toBe(trainEpoch(plain));
        expect(Array.from(out.params.subarray(9 * k, 9 * k + 9))).toEqual(Array.from(plain.params));
      }
      expect(state(fast)).toEqual(state(plain));
    }
  });

  it('records from the slot it is given', () => {
    const t = trainer('in-order');
    const out = columns(10);
    trainArticleEpochs(t, 3, out, 5, noBreaks());
    expect(Array.from(out.losses.subarray(0, 5))).toEqual([0, 0, 0, 0, 0]);
    expect(out.losses[7]).toBeGreaterThan(0);
  });

  it('stops right after an epoch whose loss comes down to `lossAtMost`, with the trainer at it', () => {
    const probe = trainer('in-order');
    const out = columns(100);
    trainArticleEpochs(probe, 100, out, 0, noBreaks());
    const limit = out.losses[39]!;
    const t = trainer('in-order');
    const recorded = trainArticleEpochs(t, 100, columns(100), 0, { ...noBreaks(), lossAtMost: limit });
    expect(recorded).toBe(40);
    expect(t.epoch).toBe(40);
    expect(Array.from(t.params)).toEqual(Array.from(out.params.subarray(39 * 9, 40 * 9)));
  });

  it('stops after an epoch whose loss rises far above the lowest so far, or above `lossAbove`', () => {
    const probe = trainer('in-order');
    const out = columns(50);
    trainArticleEpochs(probe, 50, out, 0, noBreaks());
    const t = trainer('in-order');
    // A rise factor under 1 makes any epoch that does not improve on the lowest "far above" it.
    const recorded = trainArticleEpochs(t, 50, columns(50), 0, {
      ...noBreaks(),
      lowest: out.losses[0]! / 2,
      riseFactor: 1,
      riseFloor: 0,
    });
    expect(recorded).toBe(1);
    const above = trainer('in-order');
    expect(trainArticleEpochs(above, 50, columns(50), 0, { ...noBreaks(), lossAbove: 0 })).toBe(1);
  });

  it('does not record an epoch whose parameters outgrew the limit, and leaves its loss after the records', () => {
    const t = trainer('in-order');
    const out = columns(20);
    const recorded = trainArticleEpochs(t, 20, out, 0, { ...noBreaks(), sizeSquared: 0 });
    expect(recorded).toBe(0);
    expect(t.epoch).toBe(1);
    const plain = trainer('in-order');
    expect(out.losses[0]).toBe(trainEpoch(plain));
    expect(Array.from(t.params)).toEqual(Array.from(plain.params));
  });
});

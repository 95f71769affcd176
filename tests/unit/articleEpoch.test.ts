import { describe, expect, it } from 'vitest';
import { ARTICLE_PEOPLE, type Person } from '../../src/core/dataset';
import { initialParams } from '../../src/core/init';
import {
  createTrainer,
  currentLoss,
  trainEpoch,
  trainSample,
  type SampleOrder,
} from '../../src/core/trainer';
import { buildTrainingSet } from '../../src/core/trainingSet';

/** The article's four and three more, so epochs are long enough to have a middle. */
const PEOPLE: Person[] = [
  ...ARTICLE_PEOPLE,
  { id: 'e', name: 'Emily', weight: '128', height: '63', gender: 'F' },
  { id: 'f', name: 'Frank', weight: '155', height: '68', gender: 'M' },
  { id: 'g', name: 'Gina', weight: '119', height: '62', gender: 'F' },
];

function trainer(sampleOrder: SampleOrder) {
  return createTrainer({
    params: initialParams('random', 7),
    set: buildTrainingSet(PEOPLE, 'article'),
    sampleOrder,
    seed: 7,
    learningRate: 0.3,
  });
}

/** The straightforward epoch: one trainSample at a time, then the dataset loss. */
function sampleBySample(t: ReturnType<typeof trainer>): number {
  while (!trainSample(t)) {
    // one sample per call, to the epoch's end
  }
  return currentLoss(t);
}

/** Everything a caller reads after an epoch, as plain numbers (Object.is tells -0 and NaN apart). */
function state(t: ReturnType<typeof trainer>, loss: number) {
  return {
    loss,
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

describe('trainEpoch on the article’s network', () => {
  it.each<SampleOrder>(['in-order', 'shuffled'])(
    '%s: every epoch bit for bit what training sample by sample gives, trace included',
    (order) => {
      const fast = trainer(order);
      const plain = trainer(order);
      for (let epoch = 0; epoch < 200; epoch++) {
        expect(state(fast, trainEpoch(fast))).toEqual(state(plain, sampleBySample(plain)));
      }
    },
  );

  it('finishes an epoch begun sample by sample the same way', () => {
    const fast = trainer('shuffled');
    const plain = trainer('shuffled');
    for (let epoch = 0; epoch < 20; epoch++) {
      trainSample(fast);
      trainSample(fast);
      trainSample(plain);
      trainSample(plain);
      expect(state(fast, trainEpoch(fast))).toEqual(state(plain, sampleBySample(plain)));
    }
  });
});

import { describe, expect, it } from 'vitest';
import { ARTICLE_ARCHITECTURE, type Architecture, type UpdateMode } from '../../src/core/architecture';
import { ARTICLE_PEOPLE, type Person } from '../../src/core/dataset';
import { initialParams } from '../../src/core/init';
import { nextSampleIndex, nextSampleRow } from '../../src/core/nextSample';
import {
  createTrainer,
  replaceTrainingSet,
  restartOptimizer,
  trainEpoch,
  trainSample,
  type SampleOrder,
  type Trainer,
} from '../../src/core/trainer';
import { buildTrainingSet } from '../../src/core/trainingSet';

/** Ten people (the article's four and six more), so shuffles and batches have room to differ. */
const PEOPLE: readonly Person[] = Array.from({ length: 10 }, (_, i) => {
  const base = ARTICLE_PEOPLE[i % ARTICLE_PEOPLE.length]!;
  return { ...base, id: `p${i}`, name: `P${i}`, weight: String(Number(base.weight) + i) };
});

function trainerFor(sampleOrder: SampleOrder, update: UpdateMode, generic = false): Trainer {
  const architecture: Architecture = { ...ARTICLE_ARCHITECTURE, update, batchSize: 3 };
  return createTrainer({
    params: initialParams('random', 7),
    set: buildTrainingSet(PEOPLE, 'article'),
    sampleOrder,
    seed: 7,
    learningRate: 0.1,
    architecture,
    generic,
  });
}

const CASES: readonly [SampleOrder, UpdateMode, boolean][] = [
  ['in-order', 'sample', false],
  ['shuffled', 'sample', false],
  ['in-order', 'sample', true],
  ['shuffled', 'sample', true],
  ['in-order', 'mini-batch', false],
  ['shuffled', 'mini-batch', false],
  ['in-order', 'full-batch', false],
  ['shuffled', 'full-batch', false],
];

describe('the next sample is the one trainSample trains', () => {
  it.each(CASES)('%s order, %s updates (generic path: %s), over 25 steps', (order, update, generic) => {
    const trainer = trainerFor(order, update, generic);
    for (let step = 0; step < 25; step++) {
      const announced = nextSampleIndex(trainer);
      trainSample(trainer);
      expect(trainer.lastSample).toBe(announced);
    }
  });

  it.each(CASES)('%s order, %s updates: after whole epochs (Play, then Pause)', (order, update, generic) => {
    const trainer = trainerFor(order, update, generic);
    for (let epoch = 0; epoch < 5; epoch++) {
      trainEpoch(trainer);
      const announced = nextSampleIndex(trainer);
      trainSample(trainer);
      expect(trainer.lastSample).toBe(announced);
    }
  });

  it('peeking draws nothing: the run is the same with or without it', () => {
    const peeked = trainerFor('shuffled', 'sample');
    const plain = trainerFor('shuffled', 'sample');
    for (let step = 0; step < 40; step++) {
      nextSampleIndex(peeked);
      nextSampleIndex(peeked);
      trainSample(peeked);
      trainSample(plain);
    }
    expect(Array.from(peeked.params)).toEqual(Array.from(plain.params));
    expect(peeked.rng).toEqual(plain.rng);
  });

  it('in order, a fresh run and a run at an epoch boundary start with the first row', () => {
    const trainer = trainerFor('in-order', 'sample');
    expect(nextSampleRow(trainer)).toBe(0);
    trainEpoch(trainer);
    expect(nextSampleRow(trainer)).toBe(0);
    trainSample(trainer);
    expect(nextSampleRow(trainer)).toBe(1);
  });

  it('after a branch from the past (cursor back to 0) and after a table edit, it still matches', () => {
    const trainer = trainerFor('shuffled', 'mini-batch');
    trainSample(trainer);
    trainSample(trainer);
    restartOptimizer(trainer);
    let announced = nextSampleIndex(trainer);
    trainSample(trainer);
    expect(trainer.lastSample).toBe(announced);
    replaceTrainingSet(trainer, buildTrainingSet(PEOPLE.slice(0, 6), 'article'));
    announced = nextSampleIndex(trainer);
    trainSample(trainer);
    expect(trainer.lastSample).toBe(announced);
  });

  it('names table rows, skipping rows left out of training', () => {
    const people = [{ ...PEOPLE[0]!, weight: '' }, ...PEOPLE.slice(1, 4)];
    const trainer = createTrainer({
      params: initialParams('ones', 0),
      set: buildTrainingSet(people, 'article'),
      sampleOrder: 'in-order',
      seed: 1,
      learningRate: 0.1,
    });
    expect(nextSampleRow(trainer)).toBe(1);
  });

  it('an empty set has no next sample', () => {
    const trainer = trainerFor('shuffled', 'sample');
    replaceTrainingSet(trainer, buildTrainingSet([], 'article'));
    expect(nextSampleIndex(trainer)).toBe(-1);
    expect(nextSampleRow(trainer)).toBeNull();
  });
});

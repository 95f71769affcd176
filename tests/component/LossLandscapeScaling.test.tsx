// @vitest-environment jsdom
import { cleanup, renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { drawnRows } from '../../src/viz/drawnRows';
import { LANDSCAPE_SAMPLE, useLandscape } from '../../src/components/LossLandscape/useLandscape';
import { ARTICLE_ARCHITECTURE } from '../../src/core/architecture';
import { ARTICLE_PEOPLE, type Person } from '../../src/core/dataset';
import { networkOf, trainingSetLoss } from '../../src/core/engine';
import { initialParams } from '../../src/core/init';
import { W5, W6 } from '../../src/core/network';
import { createTrainer, currentLoss } from '../../src/core/trainer';
import { buildTrainingSet, scaledTrainingSet } from '../../src/core/trainingSet';
import { useLab } from '../../src/store/labStore';
import { resetLab } from '../helpers/resetLab';

/** A table larger than the landscape's sample, whose rows spread unevenly (a sample's mean would differ). */
function bigTable(count: number): Person[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `p${i}`,
    name: `P${i}`,
    weight: String(100 + ((i * 37) % 120) + (i % 7 === 0 ? 60 : 0)),
    height: String(58 + ((i * 13) % 20)),
    gender: i % 3 === 0 ? 'M' : 'F',
  }));
}

function trainerFor(people: readonly Person[], params: Float64Array) {
  return createTrainer({
    params,
    set: buildTrainingSet(people, 'standardize'),
    sampleOrder: 'in-order',
    seed: 1,
    learningRate: 0.1,
  });
}

beforeEach(() => resetLab());
afterEach(cleanup);

describe('the landscape uses the run’s own scaling', () => {
  it('with Standardize, its loss at the current parameters is the run’s loss', () => {
    const params = initialParams('random', 4, 2);
    const run = trainerFor(ARTICLE_PEOPLE, params);
    useLab.setState({ people: ARTICLE_PEOPLE });
    const net = networkOf(ARTICLE_ARCHITECTURE, params, run.set.scaling);
    const { result } = renderHook(() => useLandscape(W5, W6, net));
    expect(result.current.loss).toBe(currentLoss(run));
  });

  it('a sample of a large table is scaled as the run scales the whole table, not by its own spread', () => {
    const people = bigTable(1200);
    const params = initialParams('random', 4, 2);
    const run = trainerFor(people, params);
    useLab.setState({ people });
    const net = networkOf(ARTICLE_ARCHITECTURE, params, run.set.scaling);
    const { result } = renderHook(() => useLandscape(W5, W6, net));
    const { set, loss } = result.current;
    expect(set.count).toBeLessThan(people.length);
    expect(set.scaling).toBe(run.set.scaling);
    const sample = drawnRows(people, 'imperial', LANDSCAPE_SAMPLE).rows.map((row) => people[row]!);
    expect(sample).toHaveLength(set.count);
    const ownScaling = buildTrainingSet(sample, 'standardize').scaling;
    expect(ownScaling).not.toEqual(run.set.scaling);
    expect(loss).toBe(trainingSetLoss(net, scaledTrainingSet(sample, run.set.scaling)));
  });
});

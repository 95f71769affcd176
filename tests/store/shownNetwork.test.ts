import { beforeEach, describe, expect, it } from 'vitest';
import { ARTICLE_ARCHITECTURE, type Architecture } from '../../src/core/architecture';
import { ARTICLE_PEOPLE } from '../../src/core/dataset';
import { initialParams } from '../../src/core/init';
import { createTrainer, currentLoss } from '../../src/core/trainer';
import { buildTrainingSet } from '../../src/core/trainingSet';
import { checkTable } from '../../src/core/checkedTable';
import { networkOf, predictRaw } from '../../src/core/engine';
import { computeRowOutputs, currentNetwork, tableAccuracy } from '../../src/store/derived';
import { applyFrame } from '../../src/store/trainerBridge';
import { labState, resetLab } from '../helpers/resetLab';
import { frame } from './frames';

const TANH_BCE: Architecture = { ...ARTICLE_ARCHITECTURE, hidden: 5, activation: 'tanh', loss: 'bce' };

beforeEach(() => resetLab());

function engineFor(architecture: Architecture, params: Float64Array) {
  return createTrainer({
    params,
    set: buildTrainingSet(ARTICLE_PEOPLE, 'article'),
    sampleOrder: 'in-order',
    seed: 1,
    learningRate: 0.1,
    architecture,
  });
}

describe('the views’ own passes follow the run’s network', () => {
  it('row outputs, losses and accuracy under 5 tanh neurons and cross-entropy are the engine’s', () => {
    const params = initialParams('random', 3, 5);
    const engine = engineFor(TANH_BCE, params);
    const loss = currentLoss(engine);
    const net = networkOf(TANH_BCE, params, engine.set.scaling);
    const rows = computeRowOutputs(ARTICLE_PEOPLE, net, 'imperial');
    const mean = rows.reduce((sum, row) => sum + row.loss, 0) / rows.length;
    expect(mean).toBeCloseTo(loss, 14);
    const shown = tableAccuracy(checkTable(ARTICLE_PEOPLE), net);
    expect(shown.accuracy).toBe(engine.accuracy);
    expect(shown.correct).toBe(rows.filter((row) => row.correct).length);
  });

  it('the current network is the live run’s: its architecture, parameters and scaling', () => {
    const params = initialParams('random', 3, 5);
    const live = frame(1, 0, 1, 'paused', 21);
    applyFrame({ ...live, live: { ...live.live, architecture: TANH_BCE, params } });
    const scaling = labState().run.scaling;
    const given = predictRaw(networkOf(TANH_BCE, params, scaling), 133, 65);
    expect(predictRaw(currentNetwork(), 133, 65)).toBe(given);
    expect(predictRaw(currentNetwork(params), 133, 65)).toBe(given);
    // The same parameters read as sigmoid neurons give another answer: the activation really is used.
    const sigmoid = networkOf({ ...TANH_BCE, activation: 'sigmoid' }, params, scaling);
    expect(predictRaw(sigmoid, 133, 65)).not.toBe(given);
  });

  it('keeps the run’s architecture object while frames bring equal copies', () => {
    applyFrame(frame(1, 0, 1));
    const first = labState().run.architecture;
    const next = frame(1, 1, 1);
    applyFrame({ ...next, live: { ...next.live, architecture: { ...first } } });
    expect(labState().run.architecture).toBe(first);
  });

  it('keeps the run’s scaling object while frames bring equal copies, and takes a changed one', () => {
    applyFrame(frame(1, 0, 1));
    const first = labState().run.scaling;
    const next = frame(1, 1, 1);
    const copy = { offset: [...first.offset] as const, scale: [...first.scale] as const };
    applyFrame({ ...next, live: { ...next.live, scaling: copy } });
    expect(labState().run.scaling).toBe(first);
    const moved = { offset: [first.offset[0] + 1, first.offset[1]] as const, scale: first.scale };
    const later = frame(1, 2, 1);
    applyFrame({ ...later, live: { ...later.live, scaling: moved } });
    expect(labState().run.scaling).toBe(moved);
  });
});

import '@vitest/web-worker';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ARTICLE_PEOPLE } from '../../src/core/dataset';
import { initialParams } from '../../src/core/init';
import { createTrainer, trainEpoch } from '../../src/core/trainer';
import { buildTrainingSet } from '../../src/core/trainingSet';
import * as actions from '../../src/store/actions';
import { initialLabState } from '../../src/store/labStore';
import { runHistory } from '../../src/store/runHistory';
import { connectTrainer } from '../../src/store/trainerBridge';
import { waitForState } from '../helpers/waitForState';
import { labState, resetLab } from '../helpers/resetLab';

/** A fresh run with the lab's default settings, stopped after `epochs`. */
function freshRun(epochs: number): Float64Array {
  const { settings } = initialLabState();
  const trainer = createTrainer({
    params: initialParams(settings.initialWeights, settings.seed),
    set: buildTrainingSet(ARTICLE_PEOPLE, settings.scaling),
    sampleOrder: settings.sampleOrder,
    seed: settings.seed,
    learningRate: settings.learningRate,
  });
  for (let i = 0; i < epochs; i++) trainEpoch(trainer);
  return trainer.params;
}

let disconnect = (): void => {};
beforeEach(async () => {
  resetLab();
  disconnect = connectTrainer(
    () => new Worker(new URL('../../src/worker/training.worker.ts', import.meta.url), { type: 'module' }),
  );
  await waitForState((s) => s.run.runId === 1);
  actions.setSpeed(null);
  actions.setStopAtEpoch(300);
  actions.play();
  await waitForState((s) => s.run.epoch === 300 && s.run.status === 'paused');
});
afterEach(() => disconnect());

describe('the timeline', () => {
  it('the state shown at epoch N is a fresh run with the same settings stopped at N', () => {
    expect(actions.viewEpoch(120)).toBe(120);
    const index = runHistory.nearestIndex(labState().viewEpoch!);
    const shown = runHistory.paramsAt(index, new Float64Array(9));
    expect(Array.from(shown)).toEqual(Array.from(freshRun(120)));
  });

  it('the latest epoch is live; Back to live leaves the past', () => {
    actions.viewEpoch(300);
    expect(labState().viewEpoch).toBeNull();
    actions.viewEpoch(10);
    actions.backToLive();
    expect(labState().viewEpoch).toBeNull();
  });

  it('Step sample from the past steps the live run and shows it live: the step seen is the step taken', async () => {
    actions.viewEpoch(100);
    const { nextRow } = labState().run;
    actions.stepSample();
    expect(labState().viewEpoch).toBeNull();
    const stepped = await waitForState((s) => s.run.sample?.paramsBefore != null);
    expect(stepped.run.epoch).toBe(300);
    expect(stepped.run.sample!.row).toBe(nextRow);
  });

  it('Play from the past asks first; branching drops the later history and trains on from there', async () => {
    actions.viewEpoch(100);
    actions.togglePlay();
    expect(labState().askingToBranch).toBe(true);
    expect(labState().run.status).toBe('paused');
    actions.setStopAtEpoch(101);
    actions.answerBranchQuestion('branch');
    const state = await waitForState((s) => s.run.epoch === 101 && s.run.status === 'paused');
    expect(runHistory.lastEpoch()).toBe(101);
    expect(runHistory.epochAt(runHistory.length - 2)).toBe(100);
    expect(Array.from(state.run.params)).toEqual(Array.from(freshRun(101)));
  });

  it('Cancel keeps the past view and the history', () => {
    actions.viewEpoch(50);
    actions.togglePlay();
    actions.answerBranchQuestion('cancel');
    expect(labState().viewEpoch).toBe(50);
    expect(runHistory.lastEpoch()).toBe(300);
  });
});

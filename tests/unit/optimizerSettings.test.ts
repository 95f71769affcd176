import LZString from 'lz-string';
import { describe, expect, it } from 'vitest';
import { ARTICLE_PEOPLE } from '../../src/core/dataset';
import { initialParams } from '../../src/core/init';
import { DEFAULT_OPTIMIZER, optimizerChoice } from '../../src/core/optimizer';
import { DEFAULT_SETTINGS, type Settings } from '../../src/core/settings';
import { decodeShare, encodeShare, sharedStateOf } from '../../src/core/shareCodec';
import { createTrainer, trainEpoch } from '../../src/core/trainer';
import { buildTrainingSet } from '../../src/core/trainingSet';
import { checkSettings } from '../../src/store/savedState';

const adamSettings: Settings = {
  ...DEFAULT_SETTINGS,
  learningRate: 0.03,
  architecture: {
    ...DEFAULT_SETTINGS.architecture,
    hidden: 4,
    activation: 'tanh',
    update: 'mini-batch',
    batchSize: 3,
    optimizer: { kind: 'adam', beta1: 0.85, beta2: 0.995, alpha: 0.95, epsilon: 1e-7 },
  },
};

/** The parameters after `epochs` epochs of a run made from these settings. */
function replay(settings: Settings, epochs: number): Float64Array {
  const { architecture } = settings;
  const trainer = createTrainer({
    params: initialParams(settings.initialWeights, settings.seed, architecture.hidden),
    set: buildTrainingSet(ARTICLE_PEOPLE, settings.scaling),
    sampleOrder: settings.sampleOrder,
    seed: settings.seed,
    learningRate: settings.learningRate,
    architecture,
  });
  for (let e = 0; e < epochs; e++) trainEpoch(trainer);
  return trainer.params;
}

function oldLink(settings: object): string {
  return LZString.compressToEncodedURIComponent(JSON.stringify({ v: 1, settings, people: [] }));
}

describe('the optimizer in share links and saves', () => {
  it('a link carries the optimizer and its options, and replays the run bit for bit', () => {
    const decoded = decodeShare(encodeShare(sharedStateOf(adamSettings, ARTICLE_PEOPLE)));
    if (!decoded.ok) throw new Error(decoded.message);
    expect(decoded.state.settings.architecture.optimizer).toEqual(adamSettings.architecture.optimizer);
    expect(replay(decoded.state.settings, 50)).toEqual(replay(adamSettings, 50));
  });

  it('an older link or save without an optimizer opens as SGD, or as Momentum when its momentum is above 0', () => {
    const { optimizer: _dropped, ...old } = { ...DEFAULT_SETTINGS.architecture, momentum: 0.9 };
    expect(_dropped).toEqual(DEFAULT_OPTIMIZER);
    const decoded = decodeShare(oldLink({ ...DEFAULT_SETTINGS, architecture: old }));
    if (!decoded.ok) throw new Error(decoded.message);
    expect(optimizerChoice(decoded.state.settings.architecture)).toBe('momentum');
    const saved = checkSettings(JSON.parse(JSON.stringify({ ...DEFAULT_SETTINGS, architecture: old })));
    expect(saved.ok && optimizerChoice(saved.value.architecture)).toBe('momentum');
    const plain = checkSettings(JSON.parse(JSON.stringify(DEFAULT_SETTINGS)));
    expect(plain.ok && optimizerChoice(plain.value.architecture)).toBe('sgd');
  });

  it('a save with the optimizer loads it back as it was', () => {
    const saved = checkSettings(JSON.parse(JSON.stringify(adamSettings)));
    expect(saved).toEqual({ ok: true, value: adamSettings });
  });

  it.each([
    [{ ...DEFAULT_OPTIMIZER, kind: 'lion' }, 'the optimizer is not one of sgd, rmsprop, adam'],
    [{ ...DEFAULT_OPTIMIZER, beta1: 1 }, 'beta 1 is not a number from 0 to 0.9999'],
    [{ ...DEFAULT_OPTIMIZER, beta2: -0.1 }, 'beta 2 is not a number from 0 to 0.9999'],
    [{ ...DEFAULT_OPTIMIZER, epsilon: 0 }, 'epsilon is not a number from 1e-12 to 1'],
    ['adam', 'the optimizer is missing'],
  ])('a link with a bad optimizer says what is wrong and changes nothing (%j)', (optimizer, why) => {
    const settings = { ...DEFAULT_SETTINGS, architecture: { ...DEFAULT_SETTINGS.architecture, optimizer } };
    const decoded = decodeShare(oldLink(settings));
    expect(decoded).toEqual({
      ok: false,
      message: `This link is damaged or incomplete: ${why}. Nothing in your lab was changed.`,
    });
  });
});

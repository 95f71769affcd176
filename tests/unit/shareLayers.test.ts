import { describe, expect, it } from 'vitest';
import { ARTICLE_PEOPLE } from '../../src/core/dataset';
import { initialParams } from '../../src/core/init';
import { networkParamCount, withHiddenSizes } from '../../src/core/layerShape';
import { decodeShare, encodeShare, sharedStateOf } from '../../src/core/shareCodec';
import { DEFAULT_SETTINGS, type Settings } from '../../src/core/settings';
import { checkSavedState } from '../../src/store/savedState';

const deep: Settings = {
  ...DEFAULT_SETTINGS,
  initialWeights: 'he',
  architecture: withHiddenSizes({ ...DEFAULT_SETTINGS.architecture, activation: 'relu' }, [5, 3, 8]),
};

describe('a share link of three hidden layers', () => {
  it('reopens with the same layers, initialization and parameters, bit for bit', () => {
    const params = initialParams('he', deep.seed, [5, 3, 8], 2);
    const decoded = decodeShare(encodeShare(sharedStateOf(deep, ARTICLE_PEOPLE, params)));
    expect(decoded.ok).toBe(true);
    if (!decoded.ok) return;
    expect(decoded.state.settings.architecture).toEqual(deep.architecture);
    expect(decoded.state.settings.architecture.hidden).toBe(5);
    expect(decoded.state.settings.initialWeights).toBe('he');
    expect(decoded.state.params).toEqual(Array.from(params));
    expect(decoded.state.params).toHaveLength(networkParamCount(deep.architecture));
  });

  it('refuses parameters of another shape, and layers outside 2 to 4 of 1 to 8 neurons', () => {
    const tooFew = initialParams('he', 1, [5, 3], 2);
    expect(decodeShare(encodeShare(sharedStateOf(deep, ARTICLE_PEOPLE, tooFew))).ok).toBe(false);
    for (const hiddenLayers of [
      [2, 2, 2, 2, 2],
      [2, 9],
      [2, 0],
      [2.5, 2],
    ]) {
      const bad = { ...deep, architecture: { ...deep.architecture, hiddenLayers } };
      const decoded = decodeShare(encodeShare(sharedStateOf(bad, ARTICLE_PEOPLE)));
      expect(decoded.ok ? 'opened' : decoded.message).toContain('hidden layers');
    }
  });

  it('keeps a link made before layers existed opening as one layer', () => {
    const old = { ...DEFAULT_SETTINGS, architecture: { ...DEFAULT_SETTINGS.architecture, hidden: 4 } };
    const decoded = decodeShare(
      encodeShare(sharedStateOf(old, ARTICLE_PEOPLE, initialParams('random', 42, 4))),
    );
    expect(decoded.ok && decoded.state.settings.architecture.hiddenLayers).toBeUndefined();
    expect(decoded.ok && decoded.state.params).toHaveLength(17);
  });
});

describe('an autosave of three hidden layers', () => {
  it('resumes at its parameters, and refuses ones of another shape', () => {
    const params = Array.from(initialParams('xavier', 3, [5, 3, 8], 2));
    const saved = { settings: deep, people: ARTICLE_PEOPLE, keptRuns: [], resume: { epoch: 12, params } };
    const checked = checkSavedState(JSON.parse(JSON.stringify(saved)));
    expect(checked.ok && checked.value.settings.architecture.hiddenLayers).toEqual([5, 3, 8]);
    expect(checked.ok && checked.value.resume).toEqual({ epoch: 12, params });
    const wrong = { ...saved, resume: { epoch: 12, params: params.slice(1) } };
    expect(checkSavedState(JSON.parse(JSON.stringify(wrong))).ok).toBe(false);
  });
});

// @vitest-environment jsdom
import { cleanup, renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ARTICLE_ARCHITECTURE, type Architecture } from '../../src/core/architecture';
import { networkParamCount, withHiddenSizes } from '../../src/core/layerShape';
import { useShownNetwork } from '../../src/store/derived';
import { viewEpoch } from '../../src/store/runActions';
import { architectureOf, runStore } from '../../src/store/runStore';
import { applyFrame } from '../../src/store/trainerBridge';
import { resetLab } from '../helpers/resetLab';
import { frame } from '../store/frames';

const shape = (sizes: number[]): Architecture => withHiddenSizes(ARTICLE_ARCHITECTURE, sizes);

/** The worker's first frame of run `runId` on a network of `architecture`; returns its parameter vector. */
function report(runId: number, architecture: Architecture): Float64Array {
  const count = networkParamCount(architecture);
  const first = frame(runId, 0, 1, 'paused', count);
  const params = new Float64Array(count).fill(runId / 10);
  applyFrame({ ...first, live: { ...first.live, architecture, params } });
  return params;
}

beforeEach(() => resetLab());
afterEach(() => cleanup());

// A learner builds a 4 × 8 network one select at a time; the views show parameters a frame or more late.
const STEPS = [
  [2, 2, 2, 2],
  [8, 2, 2, 2],
  [8, 8, 2, 2],
  [8, 8, 8, 2],
  [8, 8, 8, 8],
].map(shape);

describe('a view reads the parameters it shows with the shape that sized them', () => {
  it('the run store remembers the architecture every reported vector came with', () => {
    const vectors = STEPS.map((architecture, k) => report(k + 1, architecture));
    vectors.forEach((params, k) => expect(architectureOf(params)).toEqual(STEPS[k]));
    expect(architectureOf(new Float64Array(9))).toBeUndefined();
  });

  it('a late view keeps an earlier run’s shape, even when the new one has as many parameters', () => {
    // 8-2-2-2 and 2-8-2-2 both have 57 parameters: the count cannot tell them apart.
    const [wideFirst, wideSecond] = [shape([8, 2, 2, 2]), shape([2, 8, 2, 2])];
    expect(networkParamCount(wideFirst)).toBe(networkParamCount(wideSecond));
    const late = report(1, wideFirst);
    report(2, wideSecond);
    const { result } = renderHook(() => useShownNetwork(late));
    expect(result.current.architecture).toEqual(wideFirst);
  });

  it('a vector two shapes behind is read with its own shape, not the live one (no index past its end)', () => {
    const vectors = STEPS.map((architecture, k) => report(k + 1, architecture));
    const { result } = renderHook(() => useShownNetwork(vectors[2]!));
    expect(result.current.architecture).toEqual(STEPS[2]);
    expect(networkParamCount(result.current.architecture)).toBe(vectors[2]!.length);
  });

  it('parameters the store never held are read with the run’s shape, resized to fit them', () => {
    report(1, shape([3]));
    const { result } = renderHook(() => useShownNetwork(new Float64Array(networkParamCount(shape([5])))));
    expect(result.current.architecture).toEqual(shape([5]));
  });

  it('a past epoch viewed on the timeline is read with the run’s shape', () => {
    const deep = STEPS[1]!;
    const count = networkParamCount(deep);
    const frames = frame(1, 0, 3, 'paused', count);
    applyFrame({ ...frames, live: { ...frames.live, architecture: deep, params: new Float64Array(count) } });
    expect(viewEpoch(1)).toBe(1);
    const viewed = runStore.getState().viewed!.params;
    expect(architectureOf(viewed)).toEqual(deep);
    const { result } = renderHook(() => useShownNetwork(viewed));
    expect(result.current.architecture).toEqual(deep);
  });
});

import { describe, expect, it } from 'vitest';
import { ARTICLE_ARCHITECTURE as ARTICLE } from '../../src/core/architecture';
import { ARTICLE_PEOPLE } from '../../src/core/dataset';
import { datasetLoss } from '../../src/core/loss';
import { netDatasetLoss } from '../../src/core/netLoss';
import { B1, B3, PARAM_COUNT, W1, W5, W6, createParams } from '../../src/core/network';
import { createTrainer, trainEpoch } from '../../src/core/trainer';
import { buildTrainingSet } from '../../src/core/trainingSet';
import { TrainingHistory } from '../../src/store/history';
import { bandThresholds } from '../../src/components/LossLandscape/contourBands';
import {
  GRID_SIZE,
  columnValue,
  fillLossGrid,
  finiteExtent,
  rowValue,
  windowAround,
  type GridSpec,
} from '../../src/components/LossLandscape/landscapeGrid';
import {
  LandscapeCache,
  OTHERS_MOVE_LIMIT,
  recomputeReason,
} from '../../src/components/LossLandscape/recompute';
import {
  MAX_TRAJECTORY_POINTS,
  evenIndices,
  sampleTrajectory,
} from '../../src/components/LossLandscape/trajectory';

const ALL_ONES = createParams([1, 1, 1, 1, 1, 1, 0, 0, 0]);
const ARTICLE_SET = buildTrainingSet(ARTICLE_PEOPLE, 'article');

function gridAround(
  params: Float64Array,
  xParam: number,
  yParam: number,
): { spec: GridSpec; values: Float64Array } {
  const spec: GridSpec = {
    xParam,
    yParam,
    xDomain: windowAround(params[xParam]!),
    yDomain: windowAround(params[yParam]!),
    cols: GRID_SIZE,
    rows: GRID_SIZE,
  };
  const values = new Float64Array(GRID_SIZE * GRID_SIZE);
  fillLossGrid(params, spec, ARTICLE_SET, values, new Float64Array(PARAM_COUNT), ARTICLE);
  return { spec, values };
}

function trained(epochs: number): Float64Array {
  const trainer = createTrainer({
    params: ALL_ONES,
    set: ARTICLE_SET,
    sampleOrder: 'in-order',
    seed: 0,
    learningRate: 0.1,
  });
  while (trainer.epoch < epochs) trainEpoch(trainer);
  return Float64Array.from(trainer.params);
}

describe('fillLossGrid', () => {
  it('gives each cell the dataset loss with the two parameters set to the cell’s values', () => {
    const { spec, values } = gridAround(ALL_ONES, W5, W6);
    // w5 = w6 = 1: the window is 1 ± 3; 48 cells of 0.125, sampled at their centres; row 0 at the top.
    expect(columnValue(spec, 0)).toBeCloseTo(-2 + 0.0625, 12);
    expect(rowValue(spec, 0)).toBeCloseTo(4 - 0.0625, 12);
    for (const [col, row] of [
      [0, 0],
      [7, 31],
      [24, 24],
      [47, 47],
    ] as const) {
      const params = Float64Array.from(ALL_ONES);
      params[W5] = columnValue(spec, col);
      params[W6] = rowValue(spec, row);
      const direct = datasetLoss(params, ARTICLE_SET.inputs, ARTICLE_SET.targets, ARTICLE_SET.count);
      expect(values[row * GRID_SIZE + col]).toBe(direct);
    }
  });

  it('leaves the given parameters untouched and fixes the other seven', () => {
    const before = Float64Array.from(ALL_ONES);
    const { spec, values } = gridAround(ALL_ONES, W1, B3);
    expect(ALL_ONES).toEqual(before);
    // The cell nearest (w1, b3) = (1, 0) is close to the article's untrained loss 0.5071183179.
    const col = Math.round(((1 - spec.xDomain[0]) / (spec.xDomain[1] - spec.xDomain[0])) * GRID_SIZE - 0.5);
    const row = Math.round(((spec.yDomain[1] - 0) / (spec.yDomain[1] - spec.yDomain[0])) * GRID_SIZE - 0.5);
    expect(values[row * GRID_SIZE + col]).toBeCloseTo(0.5071183179, 1);
  });

  it('puts a trained point on the valley floor of a wide window', () => {
    // After 1000 epochs the loss is ~0.0024. The slice has no interior minimum to land on: outputs are
    // sigmoids, so the loss keeps (slowly) falling as the weights grow more confident, and the very
    // lowest cell lies towards the window's edge. What must hold is that the trained point is down in
    // the valley: within 1% of the window's loss range above its lowest cell.
    const point = trained(1000);
    const pointLoss = datasetLoss(point, ARTICLE_SET.inputs, ARTICLE_SET.targets, ARTICLE_SET.count);
    for (const [xParam, yParam] of [
      [W5, W6],
      [W1, B1],
      [B1, B3],
    ] as const) {
      const { values } = gridAround(point, xParam, yParam);
      const [min, max] = finiteExtent(values, values.length);
      expect(max - min).toBeGreaterThan(0.1);
      expect(pointLoss).toBeGreaterThanOrEqual(min);
      expect((pointLoss - min) / (max - min)).toBeLessThan(0.01);
      // And it sits in the lowest colour band.
      expect(pointLoss).toBeLessThan(bandThresholds(min, max)[1]!);
    }
  });

  it('finiteExtent skips values that are not numbers', () => {
    expect(finiteExtent(Float64Array.from([NaN, 0.3, 0.1, NaN]), 4)).toEqual([0.1, 0.3]);
    expect(finiteExtent(Float64Array.from([NaN, NaN]), 2)).toEqual([NaN, NaN]);
  });
});

describe('bandThresholds', () => {
  it('starts at the minimum and steps by equal ratios (a log scale)', () => {
    const thresholds = bandThresholds(0.001, 0.5);
    expect(thresholds).toHaveLength(10);
    expect(thresholds[0]).toBe(0.001);
    const ratio = thresholds[2]! / thresholds[1]!;
    for (let k = 2; k < 10; k++) expect(thresholds[k]! / thresholds[k - 1]!).toBeCloseTo(ratio, 9);
    expect(thresholds[9]).toBeLessThan(0.5);
  });

  it('has nothing to draw without a finite loss, and one band when the loss is flat', () => {
    expect(bandThresholds(NaN, NaN)).toEqual([]);
    expect(bandThresholds(0.25, 0.25)).toEqual([0.25]);
  });
});

describe('when the grid is recomputed', () => {
  const moved = (changes: Record<number, number>): Float64Array => {
    const params = Float64Array.from(ALL_ONES);
    for (const [index, delta] of Object.entries(changes)) params[Number(index)]! += delta;
    return params;
  };

  it('keeps the grid while the other seven parameters move less than the limit', () => {
    const cache = new LandscapeCache();
    const first = cache.update({
      params: ALL_ONES,
      xParam: W5,
      yParam: W6,
      set: ARTICLE_SET,
      shape: ARTICLE,
    });
    const nudged = moved({ [W1]: OTHERS_MOVE_LIMIT * 0.8, [B3]: -OTHERS_MOVE_LIMIT * 0.8 });
    expect(
      recomputeReason(first, { params: nudged, xParam: W5, yParam: W6, set: ARTICLE_SET, shape: ARTICLE }),
    ).toBeNull();
    expect(cache.update({ params: nudged, xParam: W5, yParam: W6, set: ARTICLE_SET, shape: ARTICLE })).toBe(
      first,
    );
    expect(cache.computeCount).toBe(1);

    const pushed = moved({ [W1]: OTHERS_MOVE_LIMIT * 1.2 });
    expect(
      recomputeReason(first, { params: pushed, xParam: W5, yParam: W6, set: ARTICLE_SET, shape: ARTICLE }),
    ).toBe('others-moved');
    const second = cache.update({ params: pushed, xParam: W5, yParam: W6, set: ARTICLE_SET, shape: ARTICLE });
    expect(second).not.toBe(first);
    expect(second.anchor[W1]).toBe(pushed[W1]);
    expect(cache.computeCount).toBe(2);
  });

  it('re-centres only when the chosen parameters near the window’s edge', () => {
    const first = new LandscapeCache().update({
      params: ALL_ONES,
      xParam: W5,
      yParam: W6,
      set: ARTICLE_SET,
      shape: ARTICLE,
    });
    // The window is ±3; the point may wander half of that before the window follows it.
    const near = moved({ [W5]: 1.4, [W6]: -1.4 });
    expect(
      recomputeReason(first, { params: near, xParam: W5, yParam: W6, set: ARTICLE_SET, shape: ARTICLE }),
    ).toBeNull();
    const far = moved({ [W6]: -1.6 });
    expect(
      recomputeReason(first, { params: far, xParam: W5, yParam: W6, set: ARTICLE_SET, shape: ARTICLE }),
    ).toBe('left-window');
  });

  it('recomputes for other axes or another dataset', () => {
    const first = new LandscapeCache().update({
      params: ALL_ONES,
      xParam: W5,
      yParam: W6,
      set: ARTICLE_SET,
      shape: ARTICLE,
    });
    expect(
      recomputeReason(null, { params: ALL_ONES, xParam: W5, yParam: W6, set: ARTICLE_SET, shape: ARTICLE }),
    ).toBe('first');
    expect(
      recomputeReason(first, { params: ALL_ONES, xParam: W1, yParam: W6, set: ARTICLE_SET, shape: ARTICLE }),
    ).toBe('axes');
    const edited = buildTrainingSet(ARTICLE_PEOPLE.slice(0, 3), 'article');
    expect(
      recomputeReason(first, { params: ALL_ONES, xParam: W5, yParam: W6, set: edited, shape: ARTICLE }),
    ).toBe('dataset');
  });

  it('does not recompute every frame once the parameters are not numbers', () => {
    const cache = new LandscapeCache();
    const diverged = new Float64Array(PARAM_COUNT).fill(NaN);
    cache.update({ params: ALL_ONES, xParam: W5, yParam: W6, set: ARTICLE_SET, shape: ARTICLE });
    const broken = cache.update({
      params: diverged,
      xParam: W5,
      yParam: W6,
      set: ARTICLE_SET,
      shape: ARTICLE,
    });
    expect(broken.min).toBeNaN();
    expect(
      cache.update({
        params: Float64Array.from(diverged),
        xParam: W5,
        yParam: W6,
        set: ARTICLE_SET,
        shape: ARTICLE,
      }),
    ).toBe(broken);
    expect(cache.computeCount).toBe(2);
  });
});

describe('trajectory sampling', () => {
  it('spreads at most 500 indices evenly, keeping the first and the last record', () => {
    const indices = evenIndices(123_457, MAX_TRAJECTORY_POINTS);
    expect(indices).toHaveLength(500);
    expect(indices[0]).toBe(0);
    expect(indices[499]).toBe(123_456);
    for (let k = 1; k < indices.length; k++) expect(indices[k]!).toBeGreaterThan(indices[k - 1]!);
    expect(evenIndices(3, 500)).toEqual([0, 1, 2]);
    expect(evenIndices(0, 500)).toEqual([]);
  });

  it('reads the two chosen parameters from the history', () => {
    const history = new TrainingHistory();
    const epochs = 2000;
    const params = new Float64Array(epochs * PARAM_COUNT);
    for (let e = 0; e < epochs; e++) {
      params[e * PARAM_COUNT + W5] = e;
      params[e * PARAM_COUNT + W6] = -2 * e;
    }
    history.appendBatch(0, epochs, new Float64Array(epochs), params);
    const path = sampleTrajectory(history, W5, W6);
    expect(path.count).toBe(500);
    expect([path.xs[0], path.ys[0]]).toEqual([0, -0]);
    expect([path.xs[499], path.ys[499]]).toEqual([1999, -3998]);
    for (let k = 0; k < path.count; k++) expect(path.ys[k]).toBe(-2 * path.xs[k]!);
  });

  it('draws no path for an axis past the records’ parameters (a larger network shown a frame late)', () => {
    const history = new TrainingHistory();
    history.appendBatch(0, 3, new Float64Array(3), new Float64Array(3 * PARAM_COUNT));
    const path = sampleTrajectory(history, W5, PARAM_COUNT + 4);
    expect(path.count).toBe(0);
    expect(sampleTrajectory(history, W5, PARAM_COUNT - 1).count).toBe(3);
  });
});

describe('the landscape of any network', () => {
  it('fills each cell with the dataset loss of that network, and recomputes when the network changes', () => {
    const tanhBce = { ...ARTICLE, hidden: 3, activation: 'tanh', loss: 'bce' } as const;
    const params = Float64Array.from([0.5, -0.25, 1, 0.5, -1, 2, 0.75, -1.5, 1.25, 0.1, -0.2, 0.3, -0.4]);
    const cache = new LandscapeCache(3, 3);
    const grid = cache.update({ params, xParam: 6, yParam: 12, set: ARTICLE_SET, shape: tanhBce });
    // The middle cell of a 3 × 3 grid samples the window's centre: the current point (to rounding).
    const here = netDatasetLoss(tanhBce, params, ARTICLE_SET.inputs, ARTICLE_SET.targets, 4);
    expect(grid.values[4]).toBeCloseTo(here, 12);
    const mse = netDatasetLoss(
      { ...tanhBce, loss: 'mse' },
      params,
      ARTICLE_SET.inputs,
      ARTICLE_SET.targets,
      4,
    );
    expect(Math.abs(here - mse)).toBeGreaterThan(0.01);
    const relu = { ...tanhBce, activation: 'relu' } as const;
    expect(recomputeReason(grid, { params, xParam: 6, yParam: 12, set: ARTICLE_SET, shape: relu })).toBe(
      'network',
    );
    const again = cache.update({ params, xParam: 6, yParam: 12, set: ARTICLE_SET, shape: relu });
    const reluHere = netDatasetLoss(relu, params, ARTICLE_SET.inputs, ARTICLE_SET.targets, 4);
    expect(again.values[4]).toBeCloseTo(reluHere, 12);
  });
});

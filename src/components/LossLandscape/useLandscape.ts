import { useMemo, useState } from 'react';
import { trainingSetLoss, type Network } from '../../core/engine';
import type { Params } from '../../core/network';
import { scaledTrainingSet, type TrainingSet } from '../../core/trainingSet';
import { useDeferredPeople, useMeasure } from '../../store/derived';
import { drawnRows } from '../../viz/drawnRows';
import { runHistory } from '../../store/runHistory';
import { runStore } from '../../store/runStore';
import { LandscapeCache, type Landscape } from './recompute';
import { TrajectoryCache, type Trajectory } from './trajectory';

/** Rows the landscape's loss is computed over at most: a grid recompute stays near 10 ms. */
export const LANDSCAPE_SAMPLE = 200;

export interface LandscapeView {
  readonly landscape: Landscape;
  /** The shown parameters (live, or the viewed epoch's): the current point. */
  readonly params: Params;
  readonly set: TrainingSet;
  /** The dataset loss at the current point (NaN with no valid rows). */
  readonly loss: number;
}

/**
 * The loss grid over two parameters around the shown point of `net`. The training set follows the table,
 * scaled with the run's own scaling (a sample's own mean or spread would draw another landscape); the
 * grid itself is recomputed only when LandscapeCache says it is stale, so a training frame usually costs
 * one comparison of 4H + 1 numbers.
 */
export function useLandscape(xParam: number, yParam: number, net: Network): LandscapeView {
  const { params, architecture: shape, scaling } = net;
  const people = useDeferredPeople();
  const measure = useMeasure();
  // A grid of 48 × 48 losses over 100,000 rows would take seconds: a large table is sampled.
  const set = useMemo(() => {
    const { rows } = drawnRows(people, measure, LANDSCAPE_SAMPLE);
    const sample = rows.length === people.length ? people : rows.map((row) => people[row]!);
    return scaledTrainingSet(sample, scaling, measure);
  }, [people, scaling, measure]);
  // A mutable engine, created once: it owns the grid buffer and remembers what it was computed from.
  const [cache] = useState(() => new LandscapeCache());
  const landscape = useMemo(
    () => cache.update({ params, xParam, yParam, set, shape }),
    [cache, params, xParam, yParam, set, shape],
  );
  const loss = useMemo(() => trainingSetLoss(net, set), [net, set]);
  return { landscape, params, set, loss };
}

/** The training path over the two parameters, re-read from the history whenever its version bumps. */
/**
 * The training path, re-read when the figure's calm parameters move (a few times a second at most) rather
 * than on every history frame: the figure redraws at that pace anyway.
 */
export function useTrajectory(xParam: number, yParam: number, calmParams: Params): Trajectory {
  const [cache] = useState(() => new TrajectoryCache());
  return useMemo(
    () => cache.read(runHistory, runStore.getState().historyVersion, xParam, yParam),
    // calmParams is the clock: a new value means new history to show.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [cache, calmParams, xParam, yParam],
  );
}

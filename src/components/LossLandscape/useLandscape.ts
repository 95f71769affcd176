import { useMemo, useState } from 'react';
import { datasetLoss } from '../../core/loss';
import type { Params } from '../../core/network';
import { buildTrainingSet, type TrainingSet } from '../../core/trainingSet';
import { useLab } from '../../store/labStore';
import { runHistory } from '../../store/runHistory';
import { LandscapeCache, type Landscape } from './recompute';
import { TrajectoryCache, type Trajectory } from './trajectory';

export interface LandscapeView {
  readonly landscape: Landscape;
  /** The shown parameters (live, or the viewed epoch's): the current point. */
  readonly params: Params;
  readonly set: TrainingSet;
  /** The dataset loss at the current point (NaN with no valid rows). */
  readonly loss: number;
}

/**
 * The loss grid over two parameters around the shown point. The training set follows the table and
 * the scaling setting; the grid itself is recomputed only when LandscapeCache says it is stale, so a
 * training frame usually costs one comparison of nine numbers.
 */
export function useLandscape(xParam: number, yParam: number, params: Params): LandscapeView {
  const people = useLab((state) => state.people);
  const scaling = useLab((state) => state.settings.scaling);
  const set = useMemo(() => buildTrainingSet(people, scaling), [people, scaling]);
  // A mutable engine, created once: it owns the grid buffer and remembers what it was computed from.
  const [cache] = useState(() => new LandscapeCache());
  const landscape = useMemo(
    () => cache.update({ params, xParam, yParam, set }),
    [cache, params, xParam, yParam, set],
  );
  const loss = useMemo(() => datasetLoss(params, set.inputs, set.targets, set.count), [params, set]);
  return { landscape, params, set, loss };
}

/** The training path over the two parameters, re-read from the history whenever its version bumps. */
export function useTrajectory(xParam: number, yParam: number): Trajectory {
  const version = useLab((state) => state.historyVersion);
  const [cache] = useState(() => new TrajectoryCache());
  return useMemo(() => cache.read(runHistory, version, xParam, yParam), [cache, version, xParam, yParam]);
}

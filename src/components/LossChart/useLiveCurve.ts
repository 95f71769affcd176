import { useEffect, useLayoutEffect, useState } from 'react';
import { followOnClock } from '../../store/displayClock';
import { isTrainingLive, runStore } from '../../store/runStore';
import { runHistory } from '../../store/runHistory';
import type { GhostBounds } from './ghostLayer';
import { LiveCurve, type CurveAxes } from './liveCurve';
import type { LossScaleMode } from './lossScales';

export interface LiveCurveView {
  /** The drawn columns (a spread recompute may leave them a few frames behind): what the cursor reads. */
  columns: LiveCurve['columns'];
  /** The ref for the SVG group the live series are drawn in (see LiveCurve.attachLayer). */
  attachLayer: LiveCurve['attachLayer'];
  axes: CurveAxes;
}

/**
 * The live loss (and accuracy) curve for a plot `width` x `height` px. It follows the run history
 * through the store's `historyVersion` on the display clock, not a render: a training frame folds the
 * new records and redraws the changed path pieces (every frame while frames have room), and React
 * re-renders only when an axis steps.
 */
export function useLiveCurve(
  width: number,
  height: number,
  mode: LossScaleMode,
  ghosts: GhostBounds,
  showAccuracy: boolean,
): LiveCurveView {
  const [curve] = useState(() => new LiveCurve(runHistory));
  const [axes, setAxes] = useState<CurveAxes>(curve.axes);

  useLayoutEffect(() => {
    curve.listen(setAxes);
    return () => curve.listen(null);
  }, [curve]);

  useLayoutEffect(() => {
    const { historyVersion, run } = runStore.getState();
    curve.configure({ width, height, mode, ghosts, showAccuracy }, historyVersion, run.runId);
  }, [curve, width, height, mode, ghosts, showAccuracy]);

  useEffect(
    () =>
      followOnClock({
        cadence: 'curve',
        onScreen: true,
        // A stop is a change too: it finishes a recompute that live updates were spreading over frames.
        changed: (state, previous) =>
          state.historyVersion !== previous.historyVersion ||
          state.run.runId !== previous.run.runId ||
          isTrainingLive(state) !== isTrainingLive(previous),
        show: (state, live) => curve.update(state.historyVersion, state.run.runId, live),
        hasMore: () => curve.columns.pending,
      }),
    [curve],
  );

  return { columns: curve.columns, attachLayer: curve.attachLayer, axes };
}

import { useMemo, useState } from 'react';
import { useLab } from '../../store/labStore';
import { runHistory } from '../../store/runHistory';
import { emptyExtent, extendExtent, extendExtentBy } from './columns';
import { mergeExtent, type GhostBounds } from './ghostLayer';
import { IncrementalColumns, type SyncResult } from './incrementalColumns';
import { buildLossPath } from './linePath';
import { lossDomain, lossScale, type LossScaleMode } from './lossScales';

export interface LossCurve {
  /** The live columns (mutable, owned by the hook): read them during this render only. */
  columns: IncrementalColumns;
  /** What the last history change cost: 'folded' touched only the new records. */
  sync: SyncResult;
  /** Path of the curve in plot coordinates; '' when there is nothing to draw. */
  d: string;
  yDomain: [number, number];
  recordCount: number;
}

/**
 * The loss curve for a plot `width` x `height` px, following the run history through the store's
 * `historyVersion`. The column buffers live in one IncrementalColumns for the component's lifetime
 * (never in React state as data): each history change folds in only the records appended since the
 * last one, and the path is rebuilt from at most `width` columns. Both axes also hold the kept runs
 * (`ghosts`): the x domain reaches their last epoch, the y domain their losses.
 */
export function useLossColumns(
  width: number,
  height: number,
  mode: LossScaleMode,
  ghosts: GhostBounds,
): LossCurve {
  const version = useLab((state) => state.historyVersion);
  const runId = useLab((state) => state.run.runId);
  // A mutable engine, created once; React state holds the object, never copies of the history.
  const [columns] = useState(() => new IncrementalColumns());
  return useMemo(() => {
    // Idempotent for a given (version, width, run): a repeated render does no work.
    const sync = columns.sync(runHistory, width, version, runId, ghosts.lastEpoch);
    const extent = extendExtent(emptyExtent(), columns.stable);
    extendExtentBy(extent, columns.tailLoss);
    mergeExtent(extent, ghosts.extent);
    const yDomain = lossDomain(mode, extent);
    const y = lossScale(mode, yDomain, height);
    const d = buildLossPath(columns, y);
    return { columns, sync, d, yDomain, recordCount: runHistory.length };
  }, [columns, width, height, mode, version, runId, ghosts]);
}

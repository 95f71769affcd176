import type { KeptRun } from '../../core/lossCurve';
import { computeColumns, emptyExtent, extendExtentBy, type HistoryReader, type LossExtent } from './columns';
import { buildLossPath } from './linePath';
import { epochScale, lossScale, type LossScaleMode } from './lossScales';

/** A kept run read like a training history, so the live curve's column functions draw it too. */
export function keptRunReader(run: KeptRun): HistoryReader {
  return {
    length: Math.min(run.epochs.length, run.losses.length),
    epochAt: (index) => run.epochs[index] ?? Number.NaN,
    lossAt: (index) => run.losses[index] ?? Number.NaN,
  };
}

/** The last epoch of the kept runs (0 when there are none) and their losses' extent, for both axes. */
export interface GhostBounds {
  readonly lastEpoch: number;
  readonly extent: LossExtent;
}

/** O(records) once per set of kept runs (they never change), not per frame. */
export function ghostBounds(runs: readonly KeptRun[]): GhostBounds {
  let lastEpoch = 0;
  const extent = emptyExtent();
  for (const run of runs) {
    const reader = keptRunReader(run);
    if (reader.length > 0) lastEpoch = Math.max(lastEpoch, reader.epochAt(reader.length - 1));
    for (let i = 0; i < reader.length; i++) extendExtentBy(extent, reader.lossAt(i));
  }
  return { lastEpoch, extent };
}

/** Folds the kept runs' extent into the live one (O(1) per kept run). */
export function mergeExtent(into: LossExtent, other: LossExtent): void {
  extendExtentBy(into, other.min);
  extendExtentBy(into, other.max);
  extendExtentBy(into, other.minPositive);
}

/** Where the ghosts are drawn: plain numbers, so a frame that moves none of them costs nothing. */
export interface GhostFrame {
  width: number;
  domainEnd: number;
  mode: LossScaleMode;
  yLow: number;
  yHigh: number;
  height: number;
}

interface GhostEntry {
  run: KeptRun;
  columnsKey: string;
  columns: Float64Array<ArrayBuffer>;
  pathKey: string;
  d: string;
}

/**
 * The ghosts' paths, cached per kept run: a run's min/max columns are recomputed only when the width
 * or the x domain changes, and its path only when those or the y axis (mode, domain, height) change.
 * Keeping a sixth run computes that one run; the five already drawn are reused.
 */
export class GhostLayer {
  readonly stats = { columnComputes: 0, pathBuilds: 0 };
  private entries = new Map<number, GhostEntry>();

  /** The `d` of each run's ghost, in the order of `runs`. */
  paths(runs: readonly KeptRun[], frame: GhostFrame): string[] {
    const width = Math.max(1, Math.floor(frame.width));
    const columnsKey = `${width}|${frame.domainEnd}`;
    const pathKey = `${columnsKey}|${frame.mode}|${frame.yLow}|${frame.yHigh}|${frame.height}`;
    const x = epochScale(frame.domainEnd, width);
    const y = lossScale(frame.mode, [frame.yLow, frame.yHigh], frame.height);
    const next = new Map<number, GhostEntry>();
    const paths = runs.map((run) => {
      let entry = this.entries.get(run.id);
      if (!entry || entry.run !== run || entry.columnsKey !== columnsKey) {
        const columns = computeColumns(keptRunReader(run), x, width);
        entry = { run, columnsKey, columns, pathKey: '', d: '' };
        this.stats.columnComputes++;
      }
      if (entry.pathKey !== pathKey) {
        const view = { stable: entry.columns, width, x, tailLoss: Number.NaN, tailColumn: () => -1 };
        entry.d = buildLossPath(view, y);
        entry.pathKey = pathKey;
        this.stats.pathBuilds++;
      }
      next.set(run.id, entry);
      return entry.d;
    });
    this.entries = next; // forgets removed runs
    return paths;
  }
}

import type { NetworkShape } from '../../core/netForward';
import { DEFAULT_FEATURES } from '../../core/features';
import type { Params } from '../../core/network';
import type { TrainingSet } from '../../core/trainingSet';
import { GRID_SIZE, fillLossGrid, finiteExtent, windowAround, type GridSpec } from './landscapeGrid';

/** The other parameters may drift this far (each, in absolute value) before the grid is stale. */
export const OTHERS_MOVE_LIMIT = 0.05;
/**
 * The current point must stay within this share of the window's half-width from its centre: past it,
 * the window is re-centred, so the point never reaches the edge (or leaves the picture).
 */
export const COMFORT_SHARE = 0.5;

/** What the figure asks for this render. */
export interface LandscapeRequest {
  readonly params: Params;
  readonly xParam: number;
  readonly yParam: number;
  readonly set: TrainingSet;
  /** The network whose loss is drawn: its size, hidden activation and loss. */
  readonly shape: NetworkShape;
}

/** A computed grid and what it was computed from. */
export interface Landscape {
  readonly spec: GridSpec;
  readonly set: TrainingSet;
  readonly shape: NetworkShape;
  /** The parameters at compute time (a copy): the others are fixed at these values. */
  readonly anchor: Float64Array;
  /** The losses, row-major (row 0 at the top). A buffer reused by the next compute: read it now. */
  readonly values: Float64Array;
  /** Smallest and largest finite loss in the grid (NaN when none, e.g. no valid rows). */
  readonly min: number;
  readonly max: number;
}

export type RecomputeReason = 'first' | 'network' | 'axes' | 'dataset' | 'others-moved' | 'left-window';

function sameShape(a: NetworkShape, b: NetworkShape): boolean {
  return (
    a.hidden === b.hidden &&
    a.activation === b.activation &&
    a.loss === b.loss &&
    (a.features ?? DEFAULT_FEATURES).join() === (b.features ?? DEFAULT_FEATURES).join()
  );
}

/** True when `value` moved from `before` by more than `limit`; NaN to NaN is no move (no endless redo). */
function movedBeyond(before: number, value: number, limit: number): boolean {
  return !Object.is(before, value) && !(Math.abs(value - before) <= limit);
}

/** Whether `value` still sits comfortably inside the window, near its centre. */
function comfortablyInside(domain: readonly [number, number], before: number, value: number): boolean {
  if (Object.is(before, value)) return true;
  const centre = (domain[0] + domain[1]) / 2;
  const half = (domain[1] - domain[0]) / 2;
  return Math.abs(value - centre) <= COMFORT_SHARE * half;
}

/** Why the grid must be computed again for this request, or null when the last one still serves. */
export function recomputeReason(last: Landscape | null, request: LandscapeRequest): RecomputeReason | null {
  if (last === null) return 'first';
  const { spec, anchor } = last;
  const { params, xParam, yParam } = request;
  if (!sameShape(last.shape, request.shape) || anchor.length !== params.length) return 'network';
  if (spec.xParam !== xParam || spec.yParam !== yParam) return 'axes';
  if (last.set !== request.set) return 'dataset';
  for (let p = 0; p < anchor.length; p++) {
    if (p === xParam || p === yParam) continue;
    if (movedBeyond(anchor[p]!, params[p]!, OTHERS_MOVE_LIMIT)) return 'others-moved';
  }
  const inside =
    comfortablyInside(spec.xDomain, anchor[xParam]!, params[xParam]!) &&
    comfortablyInside(spec.yDomain, anchor[yParam]!, params[yParam]!);
  return inside ? null : 'left-window';
}

/**
 * Keeps one loss grid for a figure and recomputes it only when `recomputeReason` says so, not every
 * training frame. The value buffer is allocated once, the scratch parameters once per network size.
 */
export class LandscapeCache {
  private readonly values: Float64Array;
  private scratch = new Float64Array(0);
  private last: Landscape | null = null;
  private computes = 0;

  constructor(
    readonly cols = GRID_SIZE,
    readonly rows = GRID_SIZE,
  ) {
    this.values = new Float64Array(cols * rows);
  }

  /** How many grids were computed so far. */
  get computeCount(): number {
    return this.computes;
  }

  /** The grid for this request: the last one when it still serves, else a fresh one (a new object). */
  update(request: LandscapeRequest): Landscape {
    if (this.last !== null && recomputeReason(this.last, request) === null) return this.last;
    const { params, xParam, yParam, set, shape } = request;
    if (this.scratch.length !== params.length) this.scratch = new Float64Array(params.length);
    const spec: GridSpec = {
      xParam,
      yParam,
      xDomain: windowAround(params[xParam]!),
      yDomain: windowAround(params[yParam]!),
      cols: this.cols,
      rows: this.rows,
    };
    fillLossGrid(params, spec, set, this.values, this.scratch, shape);
    const [min, max] = finiteExtent(this.values, this.cols * this.rows);
    this.computes++;
    this.last = { spec, set, shape, anchor: Float64Array.from(params), values: this.values, min, max };
    return this.last;
  }
}

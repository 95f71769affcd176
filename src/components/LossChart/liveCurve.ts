import { ChunkedSeries } from './chunkedSeries';
import { emptyExtent, extendExtent, extendExtentBy, type LossExtent } from './columns';
import { mergeExtent, type GhostBounds } from './ghostLayer';
import { IncrementalColumns, type ThinningHistory } from './incrementalColumns';
import {
  accuracyScale,
  lossDomain,
  lossScale,
  MIN_EPOCH_DOMAIN,
  type LossScale,
  type LossScaleMode,
} from './lossScales';

/** Everything that places the curve, from React: the plot size, the loss axis, the ghosts, the series. */
export interface CurveConfig {
  readonly width: number;
  readonly height: number;
  readonly mode: LossScaleMode;
  readonly ghosts: GhostBounds;
  readonly showAccuracy: boolean;
}

/**
 * What React needs to draw the axes and the cursor. It changes in steps (the x domain ~8 times a
 * decade of epochs, the y domain when the loss crosses a nice value), not on every training frame.
 */
export interface CurveAxes {
  /** The loss axis the y domain was computed for (a switch lands here one layout effect later). */
  readonly mode: LossScaleMode;
  readonly domainEnd: number;
  readonly yLow: number;
  readonly yHigh: number;
  /** Records in the history, counted up to 2: none, a single point, or a curve. */
  readonly records: 0 | 1 | 2;
}

/**
 * The `Loss curve`'s live series, drawn into the SVG outside React. Each history change folds in only
 * the new records (IncrementalColumns) and redraws only the path pieces whose columns changed
 * (ChunkedSeries), and moves the latest-record dot; React hears only about axis steps. It draws at
 * once rather than on an animation frame: the worker posts at most one frame per 16 ms, the drawing is
 * a piece or two, and in Chromium each requestAnimationFrame call cost ~0.25 ms of main thread.
 */
export class LiveCurve {
  readonly columns = new IncrementalColumns();
  axes: CurveAxes = { mode: 'linear', domainEnd: MIN_EPOCH_DOMAIN, yLow: 0, yHigh: 1, records: 0 };
  /** Draws done, for the tests and the report. */
  draws = 0;

  private config: CurveConfig | null = null;
  private loss: ChunkedSeries | null = null;
  private accuracy: ChunkedSeries | null = null;
  private testLoss: ChunkedSeries | null = null;
  private dot: SVGCircleElement | null = null;
  /** The dot's attributes as last set: a frame sets only what changed. */
  private dotState = { shown: true, cx: '', cy: '' };
  private onAxes: ((axes: CurveAxes) => void) | null = null;
  /** The first column to redraw at the next draw (Infinity: none). */
  private dirtyFrom = 0;
  private readonly extent: LossExtent = emptyExtent();
  /** The y domain of the last extent seen: a nice domain is worked out only when the extent moved. */
  private domainOf = { mode: '', max: Number.NaN, minPositive: Number.NaN, low: 0, high: 1 };
  private y: LossScale = lossScale('linear', [0, 1], 1);
  private readonly accuracyY = accuracyScale(1);

  constructor(private readonly history: ThinningHistory) {}

  /** Called with the new axes whenever they step. */
  listen(onAxes: ((axes: CurveAxes) => void) | null): void {
    this.onAxes = onAxes;
  }

  /**
   * The SVG group to draw in (a callback ref; null when it leaves the page). It holds, rendered empty
   * by React, `.loss-accuracy`, `.loss-test-line` and `.loss-line` groups and the `.loss-latest` circle.
   */
  readonly attachLayer = (layer: SVGGElement | null): void => {
    const series = (name: string) => {
      const group = layer?.querySelector<SVGGElement>(name);
      return group ? new ChunkedSeries(group) : null;
    };
    this.loss = series('.loss-line');
    this.accuracy = series('.loss-accuracy');
    this.testLoss = series('.loss-test-line');
    this.dot = layer?.querySelector<SVGCircleElement>('.loss-latest') ?? null;
    this.dotState = { shown: true, cx: '', cy: '' };
    this.redrawAll();
  };

  configure(config: CurveConfig, version: unknown, runKey: unknown): void {
    this.config = config;
    this.accuracyY.range([config.height, 0]);
    this.y = lossScale(config.mode, [this.axes.yLow, this.axes.yHigh], config.height);
    this.dirtyFrom = 0;
    this.update(version, runKey);
  }

  /**
   * Follows the history to `version` of run `runKey`: folds what is new, steps the axes, draws. `live`
   * while training runs live: a recompute may then take a few updates (see IncrementalColumns), and
   * `columns.pending` says another update, even with nothing new, would carry it on.
   */
  update(version: unknown, runKey: unknown, live = false): void {
    const config = this.config;
    if (!config) return;
    const { columns, extent } = this;
    columns.sync(this.history, config.width, version, runKey, config.ghosts.lastEpoch, live);
    this.dirtyFrom = Math.min(this.dirtyFrom, columns.changedFrom);
    extent.min = extent.minPositive = Number.POSITIVE_INFINITY;
    extent.max = Number.NEGATIVE_INFINITY;
    extendExtent(extent, columns.stable);
    extendExtentBy(extent, columns.tailLoss);
    extendExtent(extent, columns.stableTestLoss);
    extendExtentBy(extent, columns.tailTestLoss);
    mergeExtent(extent, config.ghosts.extent);
    const [yLow, yHigh] = this.yDomain(config.mode, extent);
    const records = Math.min(this.history.length, 2) as 0 | 1 | 2;
    const axes = this.axes;
    const yStepped = axes.mode !== config.mode || axes.yLow !== yLow || axes.yHigh !== yHigh;
    if (yStepped || axes.domainEnd !== columns.domainEnd || axes.records !== records) {
      this.axes = { mode: config.mode, domainEnd: columns.domainEnd, yLow, yHigh, records };
      this.onAxes?.(this.axes);
    }
    if (yStepped) {
      this.y = lossScale(config.mode, [yLow, yHigh], config.height);
      this.dirtyFrom = 0;
    }
    this.draw();
  }

  private yDomain(mode: LossScaleMode, extent: LossExtent): readonly [number, number] {
    const last = this.domainOf;
    if (last.mode !== mode || last.max !== extent.max || last.minPositive !== extent.minPositive) {
      const [low, high] = lossDomain(mode, extent);
      this.domainOf = { mode, max: extent.max, minPositive: extent.minPositive, low, high };
    }
    return [this.domainOf.low, this.domainOf.high];
  }

  private redrawAll(): void {
    this.dirtyFrom = 0;
    this.draw();
  }

  private draw(): void {
    const { config, columns, loss, accuracy, testLoss, dot } = this;
    if (!config || !loss) return;
    this.draws++;
    const from = this.dirtyFrom;
    this.dirtyFrom = Number.POSITIVE_INFINITY;
    const tail = columns.tailColumn();
    loss.draw(columns.stable, columns.width, tail, columns.tailLoss, this.y, from);
    testLoss?.draw(columns.stableTestLoss, columns.width, tail, columns.tailTestLoss, this.y, from);
    if (!config.showAccuracy) accuracy?.clear();
    else
      accuracy?.draw(columns.stableAccuracy, columns.width, tail, columns.tailAccuracy, this.accuracyY, from);
    if (dot) this.placeDot(dot, tail, this.y(columns.tailLoss));
  }

  private placeDot(dot: SVGCircleElement, column: number, y: number): void {
    const state = this.dotState;
    const shown = column !== -1 && Number.isFinite(y);
    if (shown !== state.shown) dot.setAttribute('display', shown ? 'inline' : 'none');
    state.shown = shown;
    if (!shown) return;
    const cx = String(column);
    const cy = String(Math.round(y * 10) / 10);
    if (cx !== state.cx) dot.setAttribute('cx', (state.cx = cx));
    if (cy !== state.cy) dot.setAttribute('cy', (state.cy = cy));
  }
}

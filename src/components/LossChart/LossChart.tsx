import { useState, type KeyboardEvent, type PointerEvent } from 'react';
import { metricKind } from '../../core/netLoss';
import { useLab } from '../../store/labStore';
import { useRun } from '../../store/runStore';
import { useHasTestRows } from '../../store/split';
import { runHistory } from '../../store/runHistory';
import { useElementWidth } from '../common/useElementWidth';
import { AccuracyAxis } from './AccuracyAxis';
import { columnOf } from './columns';
import { describeRecord, isCursorKey, moveCursor, nearestFilledColumn, recordInColumn } from './cursor';
import { Ghosts } from './Ghosts';
import { KeptRunsLegend } from './KeptRunsLegend';
import { LossAxes } from './LossAxes';
import { LossChartHeader } from './LossChartHeader';
import { epochScale, lossScale, type LossScaleMode } from './lossScales';
import { Markers } from './Markers';
import { SeriesLegend } from './SeriesLegend';
import { useGhostBounds, useGhostPaths, useGhostStyles } from './useGhosts';
import { useLiveCurve } from './useLiveCurve';
import { ViewingRule } from './ViewingRule';
import './LossChart.css';

/** Room around the plot for tick labels and axis titles (more on the right with the accuracy axis). */
const MARGIN = { top: 8, right: 16, bottom: 42, left: 62 };
const ACCURACY_MARGIN_RIGHT = 56;
const NARROW = 480;

/**
 * The `Loss curve` figure: the whole run as min/max-per-pixel columns, with the accuracy on a right
 * axis (`Show accuracy`), markers where the learning rate changed or the data was edited, and a cursor
 * (pointer or Left/Right/Home/End) that reads an epoch, its loss and its accuracy.
 *
 * React renders the axes, the kept runs' ghosts, the markers and the cursor, and re-renders only when
 * an axis steps or the reader moves; the live series are drawn into their SVG group by LiveCurve,
 * outside React, a few path pieces per training frame. Nothing here re-renders per training frame.
 */
export function LossChart() {
  // The built page's first screen has this plot already laid out: the first render takes its width.
  const [plotRef, outerWidth] = useElementWidth<HTMLDivElement>(640, '[data-first-screen] .loss-plot');
  const [mode, setMode] = useState<LossScaleMode>('linear');
  const [wantAccuracy, setShowAccuracy] = useState(true);
  // A numeric target has no accuracy (its metric slot holds the mean absolute error, which the status shows).
  const accuracyOffered = useRun((state) => metricKind(state.run.architecture) === 'accuracy');
  const showAccuracy = wantAccuracy && accuracyOffered;
  /** The epoch of the record under the cursor; null when nothing is being read. */
  const [cursorEpoch, setCursorEpoch] = useState<number | null>(null);
  const markers = useRun((state) => state.markers);
  const keptRuns = useLab((state) => state.keptRuns);
  const viewEpoch = useRun((state) => state.viewEpoch);
  const hasTestRows = useHasTestRows();
  const ghostBounds = useGhostBounds(keptRuns);
  const ghostStyleOf = useGhostStyles(keptRuns);

  const height = outerWidth < NARROW ? 180 : 220;
  const marginRight = showAccuracy ? ACCURACY_MARGIN_RIGHT : MARGIN.right;
  const plotWidth = Math.max(1, outerWidth - MARGIN.left - marginRight);
  const plotHeight = height - MARGIN.top - MARGIN.bottom;
  const { columns, attachLayer, axes } = useLiveCurve(plotWidth, plotHeight, mode, ghostBounds, showAccuracy);
  const empty = axes.records === 0;
  const columnCount = Math.max(1, Math.floor(plotWidth));
  const x = epochScale(axes.domainEnd, columnCount);
  // The axes' own mode: right after a switch, until the curve has the new domain, they go together.
  const y = lossScale(axes.mode, [axes.yLow, axes.yHigh], plotHeight);

  const ghostPaths = useGhostPaths(keptRuns, {
    width: plotWidth,
    domainEnd: axes.domainEnd,
    mode: axes.mode,
    yLow: axes.yLow,
    yHigh: axes.yHigh,
    height: plotHeight,
  });

  const cursorIndex = cursorEpoch === null || empty ? -1 : runHistory.nearestIndex(cursorEpoch);
  const pointAt = (index: number) => ({
    x: columnOf(x, runHistory.epochAt(index), columnCount) + 0.5,
    y: y(runHistory.lossAt(index)),
  });
  const cursor = cursorIndex === -1 ? null : pointAt(cursorIndex);
  const viewedIndex = viewEpoch === null || empty ? -1 : runHistory.nearestIndex(viewEpoch);
  const viewed = viewedIndex === -1 ? null : pointAt(viewedIndex);

  const showRecord = (index: number): void => setCursorEpoch(index < 0 ? null : runHistory.epochAt(index));

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    if (empty || !isCursorKey(event.key)) return;
    event.preventDefault();
    const current = cursorIndex === -1 ? null : cursorIndex;
    showRecord(moveCursor(runHistory, columns, current, event.key, event.shiftKey));
  };
  const onPointerMove = (event: PointerEvent<HTMLDivElement>): void => {
    if (empty) return;
    const left = event.currentTarget.getBoundingClientRect().left + MARGIN.left;
    const column = nearestFilledColumn(columns, Math.floor(event.clientX - left));
    if (column !== -1) showRecord(recordInColumn(runHistory, columns, column));
  };
  const onPointerLeave = (event: PointerEvent<HTMLDivElement>): void => {
    if (document.activeElement !== event.currentTarget) setCursorEpoch(null);
  };

  return (
    <figure className="loss-chart" aria-label="Loss curve">
      <LossChartHeader
        mode={mode}
        onModeChange={setMode}
        showAccuracy={showAccuracy}
        accuracyOffered={accuracyOffered}
        onShowAccuracyChange={setShowAccuracy}
        canKeep={axes.records > 1} // a run with only its starting loss is a point, nothing to compare
      />
      <p className="loss-readout" aria-live="polite">
        {cursorIndex === -1
          ? 'Hover or focus the plot to read a value.'
          : describeRecord(runHistory, columns, cursorIndex, showAccuracy)}
      </p>
      <div
        ref={plotRef}
        className="loss-plot"
        tabIndex={empty ? undefined : 0}
        role="group"
        aria-label="Loss curve plot, use Left and Right to read values"
        data-own-keys=""
        onKeyDown={onKeyDown}
        onFocus={() => {
          if (cursorIndex === -1 && !empty) showRecord(runHistory.length - 1);
        }}
        onBlur={() => setCursorEpoch(null)}
        onPointerMove={onPointerMove}
        onPointerLeave={onPointerLeave}
      >
        {empty && keptRuns.length === 0 ? (
          <p className="loss-empty" style={{ minHeight: height }}>
            No epochs yet — press Play or Step epoch.
          </p>
        ) : (
          <svg width={outerWidth} height={height} aria-hidden="true">
            <g transform={`translate(${MARGIN.left},${MARGIN.top})`}>
              <LossAxes
                width={plotWidth}
                height={plotHeight}
                domainEnd={axes.domainEnd}
                mode={axes.mode}
                yLow={axes.yLow}
                yHigh={axes.yHigh}
                marginLeft={MARGIN.left}
              />
              {showAccuracy ? (
                <AccuracyAxis width={plotWidth} height={plotHeight} marginRight={marginRight} />
              ) : null}
              <Ghosts runs={keptRuns} paths={ghostPaths} styleOf={ghostStyleOf} />
              <Markers markers={markers} width={plotWidth} height={plotHeight} domainEnd={axes.domainEnd} />
              {/* Drawn by the live curve, outside React: see LiveCurve. */}
              <g ref={attachLayer} className="loss-live" transform="translate(0.5,0)">
                <g className="loss-accuracy" data-testid="accuracy-line" />
                <g className="loss-test-line" data-testid="test-loss-line" />
                <g className="loss-line" data-testid="loss-line" />
                <circle className="loss-latest" r={3} />
              </g>
              {viewed ? (
                <ViewingRule x={viewed.x} y={viewed.y} width={plotWidth} height={plotHeight} />
              ) : null}
              {cursor ? (
                <g className="loss-cursor">
                  <line x1={cursor.x} x2={cursor.x} y1={0} y2={plotHeight} />
                  {Number.isFinite(cursor.y) ? <circle cx={cursor.x} cy={cursor.y} r={4} /> : null}
                </g>
              ) : null}
            </g>
          </svg>
        )}
      </div>
      <SeriesLegend showAccuracy={showAccuracy} showTestLoss={hasTestRows} />
      <KeptRunsLegend runs={keptRuns} styleOf={ghostStyleOf} />
    </figure>
  );
}

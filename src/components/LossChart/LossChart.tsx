import { useState, type KeyboardEvent, type PointerEvent } from 'react';
import { useLab } from '../../store/labStore';
import { runHistory } from '../../store/runHistory';
import { useElementWidth } from '../common/useElementWidth';
import { columnOf } from './columns';
import { describeRecord, isCursorKey, moveCursor, nearestFilledColumn, recordInColumn } from './cursor';
import { Ghosts } from './Ghosts';
import { KeptRunsLegend } from './KeptRunsLegend';
import { LossAxes } from './LossAxes';
import { LossChartHeader } from './LossChartHeader';
import { lossScale, type LossScaleMode } from './lossScales';
import { Markers } from './Markers';
import { useGhostBounds, useGhostPaths, useGhostStyles } from './useGhosts';
import { useLossColumns } from './useLossColumns';
import { ViewingRule } from './ViewingRule';
import './LossChart.css';

/** Room around the plot for tick labels and axis titles. */
const MARGIN = { top: 8, right: 16, bottom: 42, left: 62 };
const NARROW = 480;

/**
 * The `Loss curve` figure: the whole run as one min/max-per-pixel path, markers where the learning
 * rate changed or the data was edited, and a cursor (pointer or Left/Right/Home/End) that reads an
 * epoch and its loss. Per training frame it folds in only the new records and redraws ≤ width columns.
 * Kept runs are drawn behind as dashed ghosts (with a legend below), and a rule marks the epoch the
 * Timeline is viewing.
 */
export function LossChart() {
  const [plotRef, outerWidth] = useElementWidth<HTMLDivElement>(640);
  const [mode, setMode] = useState<LossScaleMode>('linear');
  /** The epoch of the record under the cursor; null when nothing is being read. */
  const [cursorEpoch, setCursorEpoch] = useState<number | null>(null);
  const markers = useLab((state) => state.markers);
  const keptRuns = useLab((state) => state.keptRuns);
  const viewEpoch = useLab((state) => state.viewEpoch);
  const ghostBounds = useGhostBounds(keptRuns);
  const ghostStyleOf = useGhostStyles(keptRuns);

  const height = outerWidth < NARROW ? 180 : 220;
  const plotWidth = Math.max(1, outerWidth - MARGIN.left - MARGIN.right);
  const plotHeight = height - MARGIN.top - MARGIN.bottom;
  const curve = useLossColumns(plotWidth, plotHeight, mode, ghostBounds);
  const { columns } = curve;
  const empty = curve.recordCount === 0;
  const y = lossScale(mode, curve.yDomain, plotHeight);
  const ghostPaths = useGhostPaths(keptRuns, {
    width: plotWidth,
    domainEnd: columns.domainEnd,
    mode,
    yLow: curve.yDomain[0],
    yHigh: curve.yDomain[1],
    height: plotHeight,
  });

  const cursorIndex = cursorEpoch === null || empty ? -1 : runHistory.nearestIndex(cursorEpoch);
  const pointAt = (index: number) => ({
    x: columnOf(columns.x, runHistory.epochAt(index), columns.width) + 0.5,
    y: y(runHistory.lossAt(index)),
  });
  const cursor = cursorIndex === -1 ? null : pointAt(cursorIndex);
  const latest = empty ? null : pointAt(curve.recordCount - 1);
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
      {/* A run with only its starting loss is a single point, nothing to compare: keep a curve. */}
      <LossChartHeader mode={mode} onModeChange={setMode} canKeep={curve.recordCount > 1} />
      <p className="loss-readout" aria-live="polite">
        {cursorIndex === -1
          ? 'Hover or focus the plot to read a value.'
          : describeRecord(runHistory, columns, cursorIndex)}
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
          if (cursorIndex === -1 && !empty) showRecord(curve.recordCount - 1);
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
                domainEnd={columns.domainEnd}
                mode={mode}
                yLow={curve.yDomain[0]}
                yHigh={curve.yDomain[1]}
                marginLeft={MARGIN.left}
              />
              <Ghosts runs={keptRuns} paths={ghostPaths} styleOf={ghostStyleOf} />
              <Markers
                markers={markers}
                width={plotWidth}
                height={plotHeight}
                domainEnd={columns.domainEnd}
              />
              <path className="loss-line" d={curve.d} transform="translate(0.5,0)" data-testid="loss-line" />
              {latest && Number.isFinite(latest.y) ? (
                <circle className="loss-latest" cx={latest.x} cy={latest.y} r={3} />
              ) : null}
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
      <KeptRunsLegend runs={keptRuns} styleOf={ghostStyleOf} />
    </figure>
  );
}

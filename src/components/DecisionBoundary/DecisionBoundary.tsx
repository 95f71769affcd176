import { useCallback, useId, useMemo, useRef, useState, type PointerEvent } from 'react';
import type { Gender } from '../../core/dataset';
import { predictRaw } from '../../core/engine';
import { useDeferredPeople, useMeasure, useShownNetwork } from '../../store/derived';
import { useShownParamsAndDetail } from '../../store/displayClock';
import { useOnScreen } from '../common/useOnScreen';
import { useTargetRange } from '../common/useTargetRange';
import { useLab } from '../../store/labStore';
import { useElementWidth } from '../common/useElementWidth';
import { Axes } from './Axes';
import { boundaryLines, boundaryTracer, linesPath } from './contour';
import { fillOutputGrid } from './grid';
import { MARGIN, boundaryLayout, halfGrid, plotPixels } from '../../viz/planeLayout';
import { Legend } from './Legend';
import { TargetLegend } from './TargetLegend';
import { normalizeGrid } from '../../viz/targetScale';
import { PeoplePoints } from './PeoplePoints';
import { PlaneOptions } from './PlaneOptions';
import { TapToAdd } from './TapToAdd';
import { useHasTestRows, useIsTestRow } from '../../store/split';
import { nearestPoint, planePoints } from './points';
import { PointsCanvas } from './PointsCanvas';
import { PointTooltip } from './PointTooltip';
import { drawnRows } from '../../viz/drawnRows';
import { planeScales } from './scales';
import { useHeatmapCanvas } from './useHeatmapCanvas';
import { usePlaneDomain } from '../common/usePlaneDomain';
import { keyStep, usePlaneEditing } from './usePlaneEditing';
import { planeWords, type PlaneWords } from '../../viz/planeWords';
import { formatCount } from '../format';
import './DecisionBoundary.css';

/** Width used before the first measurement (and in jsdom, which cannot measure). */
export const FALLBACK_WIDTH = 600;
/** Up to this many rows the people are focusable SVG points; beyond, canvas marks (see PointsCanvas). */
export const MAX_SVG_POINTS = 300;
/** How near (px) the pointer must come to a canvas mark to pick it. */
const PICK_REACH = 10;
/** The frame of a render before the plot's width is known: no line, nothing painted. */
const UNSIZED_FRAME = { path: '', corner: Number.NaN } as const;

/** What the network says where there is no 0.5 line in view. */
function oneSided(value: number | undefined, words: PlaneWords): string {
  if (value === undefined || Number.isNaN(value)) return 'The network’s output is not a number here.';
  if (value === 0.5) return 'The network says 0.5 everywhere: no decision yet.';
  return `No 0.5 line in view: the network says ${value > 0.5 ? words.classes.F : words.classes.M} everywhere here.`;
}

function caption(words: PlaneWords, target: string | null): string {
  const { F, M } = words.classes;
  if (target !== null) {
    return (
      `The network’s predicted ${target} over ${words.xTitle} and ${words.yTitle}, as a colour scale (see ` +
      `the legend); each point is coloured by its own ${target}, so where the colours match the network is ` +
      `right. Drag a ${words.who} (or focus them and use the arrow keys) to change their values.`
    );
  }
  const over = words.measure === 'plain' ? `${words.xTitle} and ${words.yTitle}` : 'weight and height';
  const values = words.measure === 'plain' ? 'values' : 'weight and height';
  const adds =
    words.measure === 'plain' ? `a ${F} row there, Alt+click a ${M} row` : 'a woman there, Alt+click a man';
  return (
    `The network’s output over ${over}: orange side → ${F} (output > 0.5), purple side → ${M} ` +
    `(output < 0.5); the dark line is where it says exactly 0.5. Drag a ${words.who} (or focus them and use ` +
    `the arrow keys) to change their ${values}; Shift+click empty space adds ${adds}.`
  );
}

/**
 * The `Decision boundary` figure: the network's output over the weight/height plane as a heatmap,
 * its 0.5 line, and the people as points that can be dragged (or moved with the arrow keys).
 */
export function DecisionBoundary() {
  const [containerRef, measuredWidth, sized] = useElementWidth<HTMLDivElement>(FALLBACK_WIDTH);
  const layout = useMemo(() => boundaryLayout(measuredWidth), [measuredWidth]);
  const { plotWidth, plotHeight } = layout;
  const people = useDeferredPeople();
  // 30 updates a second at most while training (the heatmap's budget), none while off screen.
  const [params, detail] = useShownParamsAndDetail('figure', useOnScreen(containerRef));
  // A page whose frames run long even at the plane's slowest rate gets a heatmap half as fine.
  const { cols, rows } = detail === 'full' ? layout : halfGrid(layout);
  const net = useShownNetwork(params);
  const selectedRow = useLab((state) => state.selectedRow);
  const measure = useMeasure();
  const labels = useLab((state) => state.settings.dataLabels);
  const words = useMemo(() => planeWords(measure, labels), [measure, labels]);
  const { xDomain, yDomain } = usePlaneDomain();
  const scales = useMemo(
    () => planeScales(xDomain, yDomain, plotWidth, plotHeight),
    [xDomain, yDomain, plotWidth, plotHeight],
  );

  // One grid buffer per size; each new frame refills it in place.
  const grid = useMemo(() => new Float32Array(cols * rows), [cols, rows]);
  const tracer = useMemo(() => boundaryTracer(cols, rows), [cols, rows]);
  // A numeric target has no 0.5 boundary: the output is a colour scale over the table's targets.
  const numeric = net.architecture.output === 'linear';
  const range = useTargetRange(numeric);
  const frame = useMemo(() => {
    // Drawn at a guessed width no one sees (see useElementWidth): the grid waits for the real one.
    if (!sized) return UNSIZED_FRAME;
    fillOutputGrid(net, xDomain, yDomain, cols, rows, grid);
    if (range) {
      normalizeGrid(grid, range);
      return { path: '', corner: grid[0] };
    }
    const lines = boundaryLines(tracer, grid);
    return { path: linesPath(lines, plotWidth / cols, plotHeight / rows), corner: grid[0] };
  }, [sized, net, xDomain, yDomain, cols, rows, grid, tracer, plotWidth, plotHeight, range]);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const discretize = useLab((state) => state.settings.discretizeOutput);
  // Two colours split at 0.5 mean a class; a numeric target keeps its continuous scale.
  useHeatmapCanvas(canvasRef, grid, cols, rows, sized ? frame : null, numeric, discretize && !numeric);
  const targetName = numeric ? (labels?.target ?? 'target') : null;

  const predictAt = useCallback((weight: number, height: number) => predictRaw(net, weight, height), [net]);
  const [status, setStatus] = useState('');
  const svgRef = useRef<SVGSVGElement>(null);
  const [tapGender, setTapGender] = useState<Gender | null>(null);
  const editing = usePlaneEditing(svgRef, scales, words, predictAt, setStatus, tapGender);
  // A large table is drawn as a fixed sample; only the drawn rows' outputs are computed each frame.
  const drawn = useMemo(() => drawnRows(people, measure), [people, measure]);
  const isTest = useIsTestRow();
  const hasTestRows = useHasTestRows();
  const showTestData = useLab((state) => state.settings.showTestData);
  const points = useMemo(() => {
    const all = planePoints(people, drawn.rows, measure, editing.drag, predictAt, isTest);
    return showTestData ? all : all.filter((point) => !point.test);
  }, [people, drawn, measure, editing.drag, predictAt, isTest, showTestData]);
  const onCanvas = drawn.rows.length > MAX_SVG_POINTS;
  const [activeId, setActiveId] = useState<string | null>(null);
  const active = points.find((point) => point.id === (editing.drag?.id ?? activeId));
  const pointAt = (event: PointerEvent<SVGElement>) => {
    const [px, py] = plotPixels(svgRef.current, event.clientX, event.clientY);
    return nearestPoint(points, scales.x, scales.y, px, py, PICK_REACH);
  };
  const onPlotPointerDown = (event: PointerEvent<SVGRectElement>) => {
    const point = onCanvas && !event.shiftKey && !event.altKey && !tapGender ? pointAt(event) : null;
    if (point) editing.onPointPointerDown(point, event);
  };
  const onPointerMove = (event: PointerEvent<SVGSVGElement>) => {
    editing.onPointerMove(event);
    if (onCanvas && !editing.drag) setActiveId(pointAt(event)?.id ?? null);
  };
  const xStep = words.value('weight', keyStep(words, xDomain, 'weight'));
  const yStep = words.value('height', keyStep(words, yDomain, 'height'));
  const hintId = useId();
  const clipId = `boundary-clip-${useId().replace(/[^a-zA-Z0-9]/g, '')}`;

  return (
    <figure className="decision-boundary" aria-label="Decision boundary">
      <figcaption className="boundary-caption">{caption(words, targetName)}</figcaption>
      <div className="boundary-plot" ref={containerRef}>
        <canvas
          ref={canvasRef}
          className={discretize ? 'boundary-heatmap is-discrete' : 'boundary-heatmap'}
          width={cols}
          height={rows}
          style={{ left: MARGIN.left, top: MARGIN.top, width: plotWidth, height: plotHeight }}
          aria-hidden="true"
        />
        <svg
          ref={svgRef}
          className="boundary-svg"
          width={layout.width}
          height={layout.height}
          viewBox={`0 0 ${layout.width} ${layout.height}`}
          onPointerMove={onPointerMove}
          onPointerUp={editing.onPointerUp}
          onPointerCancel={editing.onPointerCancel}
          onPointerLeave={onCanvas ? () => setActiveId(null) : undefined}
        >
          <defs>
            <clipPath id={clipId}>
              <rect width={plotWidth} height={plotHeight} />
            </clipPath>
          </defs>
          <g transform={`translate(${MARGIN.left},${MARGIN.top})`}>
            <Axes scales={scales} plotWidth={plotWidth} plotHeight={plotHeight} words={words} />
            <rect
              className="boundary-hit"
              data-testid="plot-area"
              width={plotWidth}
              height={plotHeight}
              onPointerDown={onPlotPointerDown}
              onClick={editing.onPlotClick}
            />
            <g clipPath={`url(#${clipId})`} aria-hidden="true">
              <path className="boundary-line-halo" d={frame.path} />
              <path className="boundary-line" d={frame.path} />
            </g>
            {onCanvas ? null : (
              <PeoplePoints
                points={points}
                scales={scales}
                selectedRow={selectedRow}
                draggingId={editing.drag?.id ?? null}
                hintId={hintId}
                words={words}
                onPointerDown={editing.onPointPointerDown}
                onKeyDown={editing.onPointKeyDown}
                onActive={setActiveId}
                range={range}
              />
            )}
          </g>
        </svg>
        {onCanvas ? (
          <PointsCanvas
            points={points}
            scales={scales}
            plotWidth={plotWidth}
            plotHeight={plotHeight}
            selectedRow={selectedRow}
            activeId={active?.id ?? null}
            range={range}
          />
        ) : null}
        {active ? <PointTooltip point={active} scales={scales} words={words} /> : null}
      </div>
      <p id={hintId} className="boundary-hint">
        {onCanvas
          ? `Showing ${formatCount(drawn.rows.length)} of ${formatCount(drawn.valid)} ${words.who === 'row' ? 'rows' : 'people'} (a fixed sample; the table has them all). Hover a mark to read it, drag it to edit that ${words.who}.`
          : `Arrow keys move this ${words.who} by ${xStep} or ${yStep} (Shift: 10); Enter makes the other views follow them.`}
      </p>
      <div className="boundary-tools">
        <TapToAdd gender={tapGender} onChange={setTapGender} words={words} />
        <PlaneOptions hasTestRows={hasTestRows} />
      </div>
      <div className="boundary-foot">
        {range ? <TargetLegend range={range} name={targetName ?? 'target'} /> : <Legend words={words} />}
        <div className="boundary-notes">
          {frame.path === '' && !range && sized ? (
            <p className="boundary-note">{oneSided(frame.corner, words)}</p>
          ) : null}
          <p className="boundary-status" role="status">
            {status}
          </p>
        </div>
      </div>
    </figure>
  );
}

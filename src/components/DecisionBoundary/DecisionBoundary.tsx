import { useCallback, useId, useMemo, useRef, useState } from 'react';
import { predictRaw, useRowOutputs, useShownScaling } from '../../store/derived';
import { useCalmParams } from '../common/useCalmParams';
import { useLab } from '../../store/labStore';
import { useElementWidth } from '../common/useElementWidth';
import { Axes } from './Axes';
import { boundaryContours, boundaryLines, linesPath } from './contour';
import { fillOutputGrid } from './grid';
import { MARGIN, boundaryLayout } from './layout';
import { Legend } from './Legend';
import { PeoplePoints } from './PeoplePoints';
import { planePoints } from './points';
import { PointTooltip } from './PointTooltip';
import { planeScales } from './scales';
import { useHeatmapCanvas } from './useHeatmapCanvas';
import { usePlaneDomain } from './usePlaneDomain';
import { usePlaneEditing } from './usePlaneEditing';
import './DecisionBoundary.css';

/** Width used before the first measurement (and in jsdom, which cannot measure). */
export const FALLBACK_WIDTH = 600;

/** What the network says where there is no 0.5 line in view. */
function oneSided(value: number | undefined): string {
  if (value === undefined || Number.isNaN(value)) return 'The network’s output is not a number here.';
  if (value === 0.5) return 'The network says 0.5 everywhere: no decision yet.';
  return `No 0.5 line in view: the network says ${value > 0.5 ? 'Female' : 'Male'} everywhere here.`;
}

/**
 * The `Decision boundary` figure: the network's output over the weight/height plane as a heatmap,
 * its 0.5 line, and the people as points that can be dragged (or moved with the arrow keys).
 */
export function DecisionBoundary() {
  const [containerRef, measuredWidth] = useElementWidth<HTMLDivElement>(FALLBACK_WIDTH);
  const layout = useMemo(() => boundaryLayout(measuredWidth), [measuredWidth]);
  const { cols, rows, plotWidth, plotHeight } = layout;
  const people = useLab((state) => state.people);
  // 30 updates a second at most while training (the heatmap's budget), none while off screen.
  const params = useCalmParams(containerRef, 33);
  const scaling = useShownScaling();
  const outputs = useRowOutputs(params);
  const selectedRow = useLab((state) => state.selectedRow);

  const { xDomain, yDomain } = usePlaneDomain();
  const scales = useMemo(
    () => planeScales(xDomain, yDomain, plotWidth, plotHeight),
    [xDomain, yDomain, plotWidth, plotHeight],
  );

  // One grid buffer per size; each new frame refills it in place.
  const grid = useMemo(() => new Float32Array(cols * rows), [cols, rows]);
  const contours = useMemo(() => boundaryContours(cols, rows), [cols, rows]);
  const frame = useMemo(() => {
    fillOutputGrid(params, scaling, xDomain, yDomain, cols, rows, grid);
    const lines = boundaryLines(contours, grid, cols, rows);
    return { path: linesPath(lines, plotWidth / cols, plotHeight / rows), corner: grid[0] };
  }, [params, scaling, xDomain, yDomain, cols, rows, grid, contours, plotWidth, plotHeight]);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  useHeatmapCanvas(canvasRef, grid, cols, rows, frame);

  const predictAt = useCallback(
    (weight: number, height: number) => predictRaw(params, scaling, weight, height),
    [params, scaling],
  );
  const [status, setStatus] = useState('');
  const svgRef = useRef<SVGSVGElement>(null);
  const editing = usePlaneEditing(svgRef, scales, predictAt, setStatus);
  const points = useMemo(
    () => planePoints(people, outputs, editing.drag, predictAt),
    [people, outputs, editing.drag, predictAt],
  );
  const [activeId, setActiveId] = useState<string | null>(null);
  const active = points.find((point) => point.id === (editing.drag?.id ?? activeId));
  const hintId = useId();
  const clipId = `boundary-clip-${useId().replace(/[^a-zA-Z0-9]/g, '')}`;

  return (
    <figure className="decision-boundary" aria-label="Decision boundary">
      <figcaption className="boundary-caption">
        The network’s output over weight and height: orange side → Female (output &gt; 0.5), purple side →
        Male (output &lt; 0.5); the dark line is where it says exactly 0.5. Drag a person (or focus them and
        use the arrow keys) to change their weight and height; Shift+click empty space adds a woman there,
        Alt+click a man.
      </figcaption>
      <div className="boundary-plot" ref={containerRef}>
        <canvas
          ref={canvasRef}
          className="boundary-heatmap"
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
          onPointerMove={editing.onPointerMove}
          onPointerUp={editing.onPointerUp}
          onPointerCancel={editing.onPointerCancel}
        >
          <defs>
            <clipPath id={clipId}>
              <rect width={plotWidth} height={plotHeight} />
            </clipPath>
          </defs>
          <g transform={`translate(${MARGIN.left},${MARGIN.top})`}>
            <Axes scales={scales} plotWidth={plotWidth} plotHeight={plotHeight} />
            <rect
              className="boundary-hit"
              data-testid="plot-area"
              width={plotWidth}
              height={plotHeight}
              onClick={editing.onPlotClick}
            />
            <g clipPath={`url(#${clipId})`} aria-hidden="true">
              <path className="boundary-line-halo" d={frame.path} />
              <path className="boundary-line" d={frame.path} />
            </g>
            <PeoplePoints
              points={points}
              scales={scales}
              selectedRow={selectedRow}
              draggingId={editing.drag?.id ?? null}
              hintId={hintId}
              onPointerDown={editing.onPointPointerDown}
              onKeyDown={editing.onPointKeyDown}
              onActive={setActiveId}
            />
          </g>
        </svg>
        {active ? <PointTooltip point={active} scales={scales} /> : null}
      </div>
      <p id={hintId} className="boundary-hint">
        Arrow keys move this person by 1 lb or 1 in (Shift: 10); Enter makes the other views follow them.
      </p>
      <div className="boundary-foot">
        <Legend />
        <div className="boundary-notes">
          {frame.path === '' ? <p className="boundary-note">{oneSided(frame.corner)}</p> : null}
          <p className="boundary-status" role="status">
            {status}
          </p>
        </div>
      </div>
    </figure>
  );
}

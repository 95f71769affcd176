import { useLayoutEffect, useRef } from 'react';
import { GENDER_COLOR } from './colors';
import { pointFill, type TargetRange } from '../../viz/targetScale';
import { MARGIN } from '../../viz/planeLayout';
import type { PlanePoint } from './points';
import type { PlaneScales } from './scales';

/** Smaller marks than the SVG points: thousands of them must not hide the plane. */
const RADIUS = 3.5;
/** A square's half-side per unit radius that gives it a circle's area (√π / 2), as on the SVG points. */
const SQUARE_SCALE = 0.886;

interface PointsCanvasProps {
  points: readonly PlanePoint[];
  scales: PlaneScales;
  plotWidth: number;
  plotHeight: number;
  selectedRow: number | null;
  activeId: string | null;
  /** A numeric target's colour range: marks take their target's colour (null: class colours). */
  range?: TargetRange | null;
}

function drawPoints(context: CanvasRenderingContext2D, props: PointsCanvasProps, css: CSSStyleDeclaration) {
  const { points, scales, selectedRow, activeId } = props;
  const outline = css.getPropertyValue('--text').trim() || '#222';
  const wrong = css.getPropertyValue('--error').trim() || '#c00';
  context.lineWidth = 1;
  for (const point of points) {
    const x = scales.x(point.weight);
    const y = scales.y(point.height);
    const emphasis = point.row === selectedRow || point.id === activeId ? 2 : 1;
    const r = RADIUS * emphasis;
    context.beginPath();
    if (point.gender === 'F') context.arc(x, y, r, 0, 2 * Math.PI);
    else context.rect(x - r * SQUARE_SCALE, y - r * SQUARE_SCALE, 2 * r * SQUARE_SCALE, 2 * r * SQUARE_SCALE);
    const color = pointFill(point.target, props.range ?? null) ?? GENDER_COLOR[point.gender];
    if (point.test) {
      // A test row: hollow, its colour as the outline (a wrong one keeps the red ring around it).
      context.strokeStyle = color;
      context.lineWidth = 2 * emphasis;
      context.stroke();
      if (point.correct) continue;
      context.beginPath();
      context.arc(x, y, r + 2, 0, 2 * Math.PI);
    } else {
      context.fillStyle = color;
      context.fill();
    }
    context.strokeStyle = point.correct ? outline : wrong;
    context.lineWidth = point.correct ? emphasis : 2;
    context.stroke();
  }
}

/**
 * The people as canvas marks, for a table too large for one SVG element per person: same shapes and
 * colours as the SVG points (circle Female, square Male), a red outline on the wrong side. Hover and
 * drag go through the plot's SVG (see DecisionBoundary); the canvas only draws.
 */
export function PointsCanvas(props: PointsCanvasProps) {
  const { plotWidth, plotHeight } = props;
  const ref = useRef<HTMLCanvasElement>(null);
  const ratio = typeof window === 'undefined' ? 1 : Math.min(2, window.devicePixelRatio || 1);

  useLayoutEffect(() => {
    const canvas = ref.current;
    const context = canvas?.getContext('2d');
    if (!canvas || !context) return;
    context.setTransform(ratio, 0, 0, ratio, 0, 0);
    context.clearRect(0, 0, plotWidth, plotHeight);
    drawPoints(context, props, getComputedStyle(canvas));
  });

  return (
    <canvas
      ref={ref}
      className="boundary-points-canvas"
      data-testid="points-canvas"
      width={Math.round(plotWidth * ratio)}
      height={Math.round(plotHeight * ratio)}
      style={{ left: MARGIN.left, top: MARGIN.top, width: plotWidth, height: plotHeight }}
      aria-hidden="true"
    />
  );
}

import { scaleLinear, scalePoint } from 'd3';
import { B1, B2, B3, PARAM_NAMES, W1, W2, W3, W4, W5, W6, type ParamName } from '../../core/network';

/**
 * The pure geometry of the 2-2-1 figure for a given width: where each neuron, edge, bias and label
 * goes. No React, no DOM, so it can be unit-tested and recomputed only when the width changes.
 */
export type NeuronId = 'x1' | 'x2' | 'h1' | 'h2' | 'o1';
export type Column = 'input' | 'hidden' | 'output';

export interface Point {
  readonly x: number;
  readonly y: number;
}

export interface NeuronSpot extends Point {
  readonly id: NeuronId;
  readonly column: Column;
  /** Where the neuron's outside note goes (raw input, or its bias): on the side no edge crosses. */
  readonly note: Point;
  /** Which side of the circle the note sits on. */
  readonly noteSide: 'above' | 'below';
  /** Index of the neuron's bias in the parameter array; null for inputs. */
  readonly bias: number | null;
}

export interface EdgeSpot {
  /** Index of the weight in the parameter array (article order). */
  readonly param: number;
  readonly name: ParamName;
  readonly from: NeuronId;
  readonly to: NeuronId;
  /** The line, trimmed to the two circles' rims. */
  readonly start: Point;
  readonly end: Point;
  /** Where the value label sits on the line. */
  readonly label: Point;
  /** Unit normal pointing away from the figure's centre: the label moves off the line that way. */
  readonly normal: Point;
}

export interface NetworkLayout {
  readonly width: number;
  readonly height: number;
  readonly radius: number;
  /** Font size (px) of neuron names; values and notes derive from it. */
  readonly fontSize: number;
  /** Wide enough to print every weight next to its edge. */
  readonly showEdgeLabels: boolean;
  readonly neurons: readonly NeuronSpot[];
  readonly edges: readonly EdgeSpot[];
}

/** Below this width edge values show only on hover and focus. */
export const EDGE_LABEL_MIN_WIDTH = 560;
export const MIN_WIDTH = 280;

const COLUMNS: readonly Column[] = ['input', 'hidden', 'output'];

/** Row 0 is the top neuron of a column, 1 the bottom one; the lone output sits halfway. */
const NEURONS: readonly { id: NeuronId; column: Column; row: number; bias: number | null }[] = [
  { id: 'x1', column: 'input', row: 0, bias: null },
  { id: 'x2', column: 'input', row: 1, bias: null },
  { id: 'h1', column: 'hidden', row: 0, bias: B1 },
  { id: 'h2', column: 'hidden', row: 1, bias: B2 },
  { id: 'o1', column: 'output', row: 0.5, bias: B3 },
];

/**
 * The article's wiring. `at` is how far along the line the label sits: the two crossing edges (w2, w3)
 * keep theirs away from the crossing, the rest sit mid-line, clear of the circles and bias notes.
 */
const WIRING: readonly { param: number; from: NeuronId; to: NeuronId; at: number }[] = [
  { param: W1, from: 'x1', to: 'h1', at: 0.5 },
  { param: W2, from: 'x2', to: 'h1', at: 0.3 },
  { param: W3, from: 'x1', to: 'h2', at: 0.3 },
  { param: W4, from: 'x2', to: 'h2', at: 0.5 },
  { param: W5, from: 'h1', to: 'o1', at: 0.38 },
  { param: W6, from: 'h2', to: 'o1', at: 0.38 },
];

const clamp = (value: number, low: number, high: number): number => Math.min(high, Math.max(low, value));

function trimmedLine(from: Point, to: Point, radius: number): { start: Point; end: Point } {
  const dx = to.x - from.x;
  const dy = to.y - from.y;
  const length = Math.hypot(dx, dy) || 1;
  const ux = (dx / length) * radius;
  const uy = (dy / length) * radius;
  return { start: { x: from.x + ux, y: from.y + uy }, end: { x: to.x - ux, y: to.y - uy } };
}

/**
 * The unit normal of a line on the side away from the figure's middle row: labels above the middle
 * move up, labels below move down, so the two crossing edges' labels part instead of meeting.
 */
function outwardNormal(start: Point, end: Point, at: Point, middleY: number): Point {
  const length = Math.hypot(end.x - start.x, end.y - start.y) || 1;
  const normal = { x: -(end.y - start.y) / length, y: (end.x - start.x) / length };
  const wantDown = at.y > middleY;
  const flip = wantDown ? normal.y < 0 : normal.y > 0;
  return flip ? { x: -normal.x, y: -normal.y } : normal;
}

/**
 * How far to move a label of `width` x `height` px along `normal` so it clears a line `strokeWidth`
 * wide: the box's half-extent in that direction, plus half the line, plus a small gap.
 */
export function labelOffset(normal: Point, width: number, height: number, strokeWidth: number): Point {
  const distance = Math.abs(normal.x) * (width / 2) + Math.abs(normal.y) * (height / 2) + strokeWidth / 2 + 2;
  return { x: normal.x * distance, y: normal.y * distance };
}

export function networkLayout(measuredWidth: number): NetworkLayout {
  const width = Math.max(MIN_WIDTH, Math.floor(measuredWidth));
  const radius = Math.round(clamp(width / 18, 24, 44));
  const fontSize = Math.round(clamp(radius * 0.5, 12, 18));
  const height = Math.round(clamp(width * 0.5, 270, 500));
  // Room for the notes above the top row and below the bottom row, and for centred notes at the sides.
  const noteGap = fontSize * 1.3; // circle rim to the note's centre
  const noteRoom = noteGap * 2;
  const sideRoom = Math.max(radius, 3.6 * fontSize) + 8;
  const column = scalePoint<Column>()
    .domain(COLUMNS)
    .range([sideRoom, width - sideRoom]);
  const row = scaleLinear()
    .domain([0, 1])
    .range([noteRoom + radius, height - noteRoom - radius]);

  const neurons: NeuronSpot[] = NEURONS.map(({ id, column: col, row: r, bias }) => {
    const x = column(col) ?? 0;
    const y = row(r);
    // The top row's note goes above (edges leave downwards), the others' below.
    const noteSide = r === 0 && col !== 'output' ? 'above' : 'below';
    const noteY = noteSide === 'above' ? y - radius - noteGap : y + radius + noteGap;
    return { id, column: col, x, y, note: { x, y: noteY }, noteSide, bias };
  });
  const middleY = row(0.5);
  const spot = (id: NeuronId): NeuronSpot => neurons.find((neuron) => neuron.id === id)!;

  const edges: EdgeSpot[] = WIRING.map(({ param, from, to, at }) => {
    const a = spot(from);
    const b = spot(to);
    const { start, end } = trimmedLine(a, b, radius);
    const label = { x: start.x + (end.x - start.x) * at, y: start.y + (end.y - start.y) * at };
    return {
      param,
      name: PARAM_NAMES[param]!,
      from,
      to,
      start,
      end,
      label,
      normal: outwardNormal(start, end, label, middleY),
    };
  });

  return {
    width,
    height,
    radius,
    fontSize,
    showEdgeLabels: width >= EDGE_LABEL_MIN_WIDTH,
    neurons,
    edges,
  };
}

/** Where an editor for parameter `param` should appear: on its edge's label, or on its neuron's bias note. */
export function paramAnchor(layout: NetworkLayout, param: number): Point | null {
  const edge = layout.edges.find((candidate) => candidate.param === param);
  if (edge) return edge.label;
  const neuron = layout.neurons.find((candidate) => candidate.bias === param);
  return neuron ? neuron.note : null;
}

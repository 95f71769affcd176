import { polylinesPath } from '../../viz/svgPath';

/**
 * The 0.5 line of the output grid, traced by marching squares with the geometry of d3-contour (the same
 * cases, the same linear placement along each cell edge), into buffers kept for the grid's size. d3's
 * `contours().contour` builds closed regions (rings along the frame, holes assigned to polygons) that the
 * figure then cut back to the line; at full speed it allocated half of the page's memory (21.6 of 41.6 MB
 * in 5 s), and the garbage collections it caused ran inside frames. Here a trace allocates only the lines
 * it returns.
 *
 * Grid value (i, j) sits at (i + 0.5, j + 0.5) in grid coordinates, as in d3-contour. The line crosses the
 * edge between two neighbouring values; an edge is numbered 2 (j cols + i) for the one from (i, j) to
 * (i + 1, j) and that plus 1 for the one from (i, j) to (i, j + 1).
 */
export interface BoundaryTracer {
  readonly cols: number;
  readonly rows: number;
  /** The edge the line goes on to from each edge it crosses, or -1. */
  readonly next: Int32Array;
  /** Whether a segment arrives at each edge (a line starts at an edge nothing arrives at). */
  readonly arrived: Uint8Array;
  /** Whether the edge was written to a line already. */
  readonly taken: Uint8Array;
  /** Edges crossed by this trace, to reset only those. */
  readonly crossed: Int32Array;
  crossedCount: number;
}

export function boundaryTracer(cols: number, rows: number): BoundaryTracer {
  const edges = 2 * cols * rows;
  return {
    cols,
    rows,
    next: new Int32Array(edges).fill(-1),
    arrived: new Uint8Array(edges),
    taken: new Uint8Array(edges),
    crossed: new Int32Array(2 * edges), // two edges a segment, at most two segments a cell
    crossedCount: 0,
  };
}

/**
 * d3-contour's cases, by corner bits (1: bottom left, 2: bottom right, 4: top right, 8: top left, each set
 * when that value is >= 0.5), as directed segments between cell sides: 0 top, 1 bottom, 2 left, 3 right.
 */
const TOP = 0;
const BOTTOM = 1;
const LEFT = 2;
const RIGHT = 3;
const CASES: readonly (readonly number[])[] = [
  [],
  [BOTTOM, LEFT],
  [RIGHT, BOTTOM],
  [RIGHT, LEFT],
  [TOP, RIGHT],
  [BOTTOM, LEFT, TOP, RIGHT],
  [TOP, BOTTOM],
  [TOP, LEFT],
  [LEFT, TOP],
  [BOTTOM, TOP],
  [LEFT, TOP, RIGHT, BOTTOM],
  [RIGHT, TOP],
  [LEFT, RIGHT],
  [BOTTOM, RIGHT],
  [LEFT, BOTTOM],
  [],
];

/** The edge a cell side lies on, for the cell whose top-left value is (i, j). */
function edgeOf(side: number, i: number, j: number, cols: number): number {
  if (side === TOP) return 2 * (j * cols + i);
  if (side === BOTTOM) return 2 * ((j + 1) * cols + i);
  if (side === LEFT) return 2 * (j * cols + i) + 1;
  return 2 * (j * cols + i + 1) + 1;
}

function above(value: number): boolean {
  return value >= 0.5; // NaN is not
}

/** d3-contour's `valid`: a value that is not a number counts as -Infinity. */
function valid(value: number): number {
  return Number.isNaN(value) ? Number.NEGATIVE_INFINITY : value;
}

/** d3-contour's smooth1: where between the two values the line crosses, from the edge's midpoint `at`. */
function placeOn(at: number, v0: number, v1: number): number {
  const a = 0.5 - v0;
  const b = v1 - v0;
  const d = Number.isFinite(a) || Number.isFinite(b) ? a / b : Math.sign(a) / Math.sign(b);
  return Number.isNaN(d) ? at : at + d - 0.5;
}

/** The point where the line crosses an edge, in grid coordinates. */
function pointOn(edge: number, grid: Float32Array, cols: number): [number, number] {
  const cell = edge >> 1;
  const i = cell % cols;
  const j = (cell - i) / cols;
  const here = valid(grid[cell]!);
  if ((edge & 1) === 0) return [placeOn(i + 1, here, valid(grid[cell + 1]!)), j + 0.5];
  return [i + 0.5, placeOn(j + 1, here, valid(grid[cell + cols]!))];
}

/**
 * The 0.5 line as polylines in grid coordinates: each runs from the plot's frame to the frame, or round
 * and back to its first point. Like the figure's d3 line before, it leaves out the half cell next to the
 * frame (where d3 closes regions along the edge), so it stops short of the edge.
 */
export function boundaryLines(tracer: BoundaryTracer, grid: Float32Array): [number, number][][] {
  const { cols, rows, next, arrived, taken, crossed } = tracer;
  if (grid.length !== cols * rows)
    throw new RangeError(`a tracer for ${cols}x${rows} values cannot trace a grid of ${grid.length}`);
  for (let k = 0; k < tracer.crossedCount; k++) {
    const edge = crossed[k]!;
    next[edge] = -1;
    arrived[edge] = 0;
    taken[edge] = 0;
  }
  let count = 0;
  for (let j = 0; j < rows - 1; j++) {
    for (let i = 0; i < cols - 1; i++) {
      const at = j * cols + i;
      const corners =
        (above(grid[at + cols]!) ? 1 : 0) |
        (above(grid[at + cols + 1]!) ? 2 : 0) |
        (above(grid[at + 1]!) ? 4 : 0) |
        (above(grid[at]!) ? 8 : 0);
      const sides = CASES[corners]!;
      for (let s = 0; s < sides.length; s += 2) {
        const from = edgeOf(sides[s]!, i, j, cols);
        const to = edgeOf(sides[s + 1]!, i, j, cols);
        next[from] = to;
        arrived[to] = 1;
        crossed[count++] = from;
        crossed[count++] = to;
      }
    }
  }
  tracer.crossedCount = count;

  const lines: [number, number][][] = [];
  const follow = (start: number): void => {
    const line: [number, number][] = [];
    let edge = start;
    while (edge !== -1 && taken[edge] === 0) {
      taken[edge] = 1;
      line.push(pointOn(edge, grid, cols));
      edge = next[edge]!;
    }
    if (edge === start) line.push(pointOn(start, grid, cols)); // round: it closes on its first point
    if (line.length > 1) lines.push(line);
  };
  // Lines from the frame first (they start where nothing arrives), then the closed ones left over.
  for (let k = 0; k < count; k++) {
    const edge = crossed[k]!;
    if (arrived[edge] === 0 && taken[edge] === 0) follow(edge);
  }
  for (let k = 0; k < count; k++) {
    const edge = crossed[k]!;
    if (taken[edge] === 0) follow(edge);
  }
  return lines;
}

/** An SVG path for grid-coordinate lines, scaled to the plot's pixels. */
export function linesPath(lines: [number, number][][], scaleX: number, scaleY: number): string {
  return polylinesPath(lines, scaleX, scaleY);
}

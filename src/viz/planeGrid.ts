import { scaleInput, type Scaling } from '../core/scaling';
import type { Domain } from './planeLayout';

/**
 * Fills row `out[rowStart .. rowStart + cols)` of a plane grid: cell i from the model's (scaled) inputs
 * `x1[i]` and `x2` at its centre. A whole row per call keeps the per-cell work in the caller's own
 * loop, where the engine can inline it: a call per cell made the hidden maps 10-30% slower.
 */
export type RowFill = (rowStart: number, x1: Float64Array, x2: number) => void;

/** The scaled x1 of each column, reused across fills (grown, never shrunk) so a fill allocates nothing. */
let columnInputs = new Float64Array(0);

/**
 * Walks a `cols` × `rows` grid over the weight/height plane, sampling each cell at its centre with the
 * inputs scaled as the model sees them. Row 0 is the top of the plot (the tallest height), so the grid
 * is laid out like an image and like d3.contours expects: cell (i, j) is `j * cols + i`. The plane and
 * the hidden maps refill their grids through it every frame.
 */
export function walkPlaneGrid(
  scaling: Scaling,
  xDomain: Domain,
  yDomain: Domain,
  cols: number,
  rows: number,
  fillRow: RowFill,
): void {
  if (columnInputs.length < cols) columnInputs = new Float64Array(cols);
  const x1 = columnInputs;
  const cellWidth = (xDomain[1] - xDomain[0]) / cols;
  const cellHeight = (yDomain[1] - yDomain[0]) / rows;
  for (let i = 0; i < cols; i++) x1[i] = scaleInput(scaling, 0, xDomain[0] + (i + 0.5) * cellWidth);
  for (let j = 0; j < rows; j++) {
    fillRow(j * cols, x1, scaleInput(scaling, 1, yDomain[1] - (j + 0.5) * cellHeight));
  }
}

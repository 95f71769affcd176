import { scaleInput, type Scaling } from '../core/scaling';
import type { Domain } from './planeLayout';

/** What a grid cell holds, from the model's (scaled) inputs at the cell's centre. */
export type CellValue = (x1: number, x2: number) => number;

/**
 * Samples `valueAt` over the weight/height plane at the centre of each of `cols` × `rows` cells, the
 * inputs scaled as the model sees them. Row 0 is the top of the plot (the tallest height), so the grid
 * is laid out like an image and like d3.contours expects: cell (i, j) is `out[j * cols + i]`. Writes
 * into `out` and allocates nothing, so the plane and the hidden maps can refill it every frame.
 */
export function fillPlaneGrid(
  scaling: Scaling,
  xDomain: Domain,
  yDomain: Domain,
  cols: number,
  rows: number,
  out: Float32Array | Float64Array,
  valueAt: CellValue,
): void {
  const cellWidth = (xDomain[1] - xDomain[0]) / cols;
  const cellHeight = (yDomain[1] - yDomain[0]) / rows;
  for (let j = 0; j < rows; j++) {
    const x2 = scaleInput(scaling, 1, yDomain[1] - (j + 0.5) * cellHeight);
    const rowStart = j * cols;
    for (let i = 0; i < cols; i++) {
      const x1 = scaleInput(scaling, 0, xDomain[0] + (i + 0.5) * cellWidth);
      out[rowStart + i] = valueAt(x1, x2);
    }
  }
}

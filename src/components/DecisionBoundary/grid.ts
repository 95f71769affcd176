import { predict, type Network } from '../../core/engine';
import { scaleInput } from '../../core/scaling';
import type { Domain } from './layout';

/**
 * The network's output over the weight/height plane, sampled at the centre of each grid cell.
 * Row 0 is the top of the plot (the tallest height), so the grid is laid out like an image and like
 * d3.contours expects: cell (i, j) is `out[j * cols + i]`. Writes into `out`; allocates nothing, so it
 * can run every training frame.
 */
export function fillOutputGrid(
  net: Network,
  xDomain: Domain,
  yDomain: Domain,
  cols: number,
  rows: number,
  out: Float32Array | Float64Array,
): void {
  const { scaling } = net;
  const cellWidth = (xDomain[1] - xDomain[0]) / cols;
  const cellHeight = (yDomain[1] - yDomain[0]) / rows;
  for (let j = 0; j < rows; j++) {
    const x2 = scaleInput(scaling, 1, yDomain[1] - (j + 0.5) * cellHeight);
    const rowStart = j * cols;
    for (let i = 0; i < cols; i++) {
      const x1 = scaleInput(scaling, 0, xDomain[0] + (i + 0.5) * cellWidth);
      out[rowStart + i] = predict(net, x1, x2);
    }
  }
}

import { ARTICLE_ARCHITECTURE, type Architecture } from '../../core/architecture';
import type { Params } from '../../core/network';
import { scaleInput, type Scaling } from '../../core/scaling';
import { predictWith } from '../../store/networkShape';
import type { Domain } from '../../viz/planeLayout';

/**
 * The network's output over the weight/height plane, sampled at the centre of each grid cell.
 * Row 0 is the top of the plot (the tallest height), so the grid is laid out like an image and like
 * d3.contours expects: cell (i, j) is `out[j * cols + i]`. Writes into `out`; allocates nothing, so it
 * can run every training frame. `net` is the network the parameters belong to (any hidden count and
 * activation; the article's 2-2-1 by default).
 */
export function fillOutputGrid(
  params: Params,
  scaling: Scaling,
  xDomain: Domain,
  yDomain: Domain,
  cols: number,
  rows: number,
  out: Float32Array | Float64Array,
  net: Architecture = ARTICLE_ARCHITECTURE,
): void {
  const cellWidth = (xDomain[1] - xDomain[0]) / cols;
  const cellHeight = (yDomain[1] - yDomain[0]) / rows;
  for (let j = 0; j < rows; j++) {
    const x2 = scaleInput(scaling, 1, yDomain[1] - (j + 0.5) * cellHeight);
    const rowStart = j * cols;
    for (let i = 0; i < cols; i++) {
      const x1 = scaleInput(scaling, 0, xDomain[0] + (i + 0.5) * cellWidth);
      out[rowStart + i] = predictWith(net, params, x1, x2);
    }
  }
}

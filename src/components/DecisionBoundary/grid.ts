import { predict, type Network } from '../../core/engine';
import { walkPlaneGrid } from '../../viz/planeGrid';
import type { Domain } from '../../viz/planeLayout';

/**
 * The network's output over the weight/height plane, laid out as `walkPlaneGrid` lays out every plane
 * grid. Writes into `out` and allocates nothing, so it can run every training frame.
 */
export function fillOutputGrid(
  net: Network,
  xDomain: Domain,
  yDomain: Domain,
  cols: number,
  rows: number,
  out: Float32Array | Float64Array,
): void {
  walkPlaneGrid(net.scaling, xDomain, yDomain, cols, rows, (rowStart, x1, x2) => {
    for (let i = 0; i < cols; i++) out[rowStart + i] = predict(net, x1[i]!, x2);
  });
}

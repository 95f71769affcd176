import { ARTICLE_ARCHITECTURE, type Architecture } from '../../core/architecture';
import type { Params } from '../../core/network';
import type { Scaling } from '../../core/scaling';
import { predictWith } from '../../store/networkShape';
import { walkPlaneGrid } from '../../viz/planeGrid';
import type { Domain } from '../../viz/planeLayout';

/**
 * The network's output over the weight/height plane, laid out as `walkPlaneGrid` lays out every plane
 * grid. Writes into `out` and allocates nothing, so it can run every training frame. `net` is the
 * network the parameters belong to (any hidden count and activation; the article's 2-2-1 by default).
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
  walkPlaneGrid(scaling, xDomain, yDomain, cols, rows, (rowStart, x1, x2) => {
    for (let i = 0; i < cols; i++) out[rowStart + i] = predictWith(net, params, x1[i]!, x2);
  });
}

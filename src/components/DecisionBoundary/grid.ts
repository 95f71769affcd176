import { ARTICLE_ARCHITECTURE, type Architecture } from '../../core/architecture';
import type { Params } from '../../core/network';
import type { Scaling } from '../../core/scaling';
import { predictWith } from '../../store/networkShape';
import { fillPlaneGrid } from '../../viz/planeGrid';
import type { Domain } from '../../viz/planeLayout';

/**
 * The network's output over the weight/height plane, laid out as `fillPlaneGrid` lays out every plane
 * grid. `net` is the network the parameters belong to (any hidden count and activation; the article's
 * 2-2-1 by default).
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
  fillPlaneGrid(scaling, xDomain, yDomain, cols, rows, out, (x1, x2) => predictWith(net, params, x1, x2));
}

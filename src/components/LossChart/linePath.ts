import type { ColumnsView } from './cursor';
import { PathBuilder, startTrace, traceColumns } from './curveTrace';

/**
 * The `d` of a whole curve (a kept run's ghost): every filled pixel column as traceColumns draws it,
 * the latest record merged in. O(width), whatever the length of the history. Draw it shifted half a
 * pixel, as x is the bare column index.
 */
export function buildLossPath(view: ColumnsView, y: (loss: number) => number): string {
  const builder = new PathBuilder();
  const tail = Number.isFinite(view.tailLoss) ? view.tailColumn() : -1;
  traceColumns(view.stable, 0, view.width, tail, view.tailLoss, y, builder, startTrace());
  return builder.d;
}

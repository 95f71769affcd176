import type { ColumnsView } from './cursor';

/** One decimal of a pixel is finer than any screen shows, and keeps the path string short. */
function round(pixel: number): number {
  return Math.round(pixel * 10) / 10;
}

/**
 * The `d` of the loss curve. In every filled pixel column, a vertical stroke from the column's lowest
 * to its highest loss, joined column to column; each stroke starts at the end nearer to where the
 * previous one finished, so a falling curve draws as one clean line while a spike still shows its
 * full height. O(width), whatever the length of the history.
 *
 * The browser parses this string on every frame, so it is kept short: x is the bare column index
 * (draw the path shifted half a pixel to centre strokes on their column) and, after the first `M`,
 * every pair is an implicit line-to.
 */
export function buildLossPath(view: ColumnsView, y: (loss: number) => number): string {
  const { stable, width, tailLoss } = view;
  const tailColumn = Number.isFinite(tailLoss) ? view.tailColumn() : -1;
  const parts: string[] = [];
  let previousY = Number.NaN;
  for (let column = 0; column < width; column++) {
    let low = stable[2 * column]!;
    let high = stable[2 * column + 1]!;
    if (column === tailColumn) {
      low = Math.min(low, tailLoss);
      high = Math.max(high, tailLoss);
    }
    if (low > high) continue; // no record in this column
    const lowY = round(y(low));
    const highY = round(y(high));
    const highFirst = Math.abs(previousY - highY) < Math.abs(previousY - lowY);
    const first = highFirst ? highY : lowY;
    const second = highFirst ? lowY : highY;
    parts.push(`${column},${first}`);
    if (second !== first) parts.push(`${column},${second}`);
    previousY = second;
  }
  return parts.length === 0 ? '' : `M${parts.join(' ')}`;
}

/** Where a traced curve goes: a path string builder, a recorder in the tests. */
export interface PathSink {
  moveTo(x: number, y: number): void;
  lineTo(x: number, y: number): void;
}

/** Where a trace stands after some columns: how many points, the last one, and its y. */
export interface TraceState {
  points: number;
  lastX: number;
  lastY: number;
}

export function startTrace(): TraceState {
  return { points: 0, lastX: Number.NaN, lastY: Number.NaN };
}

/**
 * Traces pixel columns [from, to) of one series of min/max columns as a polyline, continuing `state`
 * (updated in place): in every filled column a vertical stroke from its lowest to its highest value,
 * joined column to column; each stroke starts at the end nearer to where the previous one finished,
 * so a falling curve draws as one clean line while a spike still shows its full height. x is the bare
 * column index (draw the result shifted half a pixel to centre strokes on their column).
 *
 * `columns` holds min at 2c and max at 2c + 1 (an empty column has min > max); the latest record is
 * kept apart (`tailValue` in `tailColumn`, -1 for none) and merged in here. Allocation-free: it runs
 * on training frames.
 */
export function traceColumns(
  columns: Float64Array,
  from: number,
  to: number,
  tailColumn: number,
  tailValue: number,
  y: (value: number) => number,
  sink: PathSink,
  state: TraceState,
): void {
  const tail = Number.isFinite(tailValue) ? tailColumn : -1;
  for (let column = from; column < to; column++) {
    let low = columns[2 * column]!;
    let high = columns[2 * column + 1]!;
    if (column === tail) {
      low = Math.min(low, tailValue);
      high = Math.max(high, tailValue);
    }
    if (low > high) continue; // no record in this column
    const lowY = y(low);
    const highY = y(high);
    const highFirst = Math.abs(state.lastY - highY) < Math.abs(state.lastY - lowY);
    const first = highFirst ? highY : lowY;
    const second = highFirst ? lowY : highY;
    if (state.points === 0) sink.moveTo(column, first);
    else sink.lineTo(column, first);
    state.points++;
    if (second !== first) {
      sink.lineTo(column, second);
      state.points++;
    }
    state.lastX = column;
    state.lastY = second;
  }
}

/** One decimal of a pixel is finer than any screen shows, and keeps path strings short. */
function round(pixel: number): number {
  return Math.round(pixel * 10) / 10;
}

/**
 * Builds an SVG `d`: `M` then implicit line-to pairs (`M1,2 3,4 5,6`), the shortest form for the
 * browser to parse. `continueFrom` starts it at a previous trace's last point, so a path made of
 * several pieces stays one unbroken line.
 */
export class PathBuilder implements PathSink {
  d = '';

  reset(continueFrom?: TraceState): void {
    this.d =
      continueFrom && continueFrom.points > 0 ? `M${continueFrom.lastX},${round(continueFrom.lastY)}` : '';
  }

  moveTo(x: number, y: number): void {
    this.d = `M${x},${round(y)}`;
  }

  lineTo(x: number, y: number): void {
    this.d += ` ${x},${round(y)}`;
  }
}

import { PathBuilder, startTrace, traceColumns, type TraceState } from './curveTrace';

const SVG_NS = 'http://www.w3.org/2000/svg';

/**
 * Pixel columns per path piece. A training frame changes the last few columns of the curve; with the
 * curve cut into pieces of this many columns, only the piece (or two) holding them get a new `d`, so
 * the browser re-parses, lays out and repaints about 64 points a frame instead of the whole curve.
 */
export const PIECE_COLUMNS = 32;

function copyTrace(from: TraceState, to: TraceState): void {
  to.points = from.points;
  to.lastX = from.lastX;
  to.lastY = from.lastY;
}

/**
 * One series of min/max columns drawn as a row of <path> pieces inside `group` (which React renders
 * empty and leaves to this). Each piece starts at the last point of the one before, so together they
 * are one unbroken line, exactly the points traceColumns gives for the whole width.
 */
export class ChunkedSeries {
  private readonly paths: SVGPathElement[] = [];
  private readonly ds: string[] = [];
  /** Where the trace stood after each piece: the next piece starts there. */
  private readonly ends: TraceState[] = [];
  private readonly builder = new PathBuilder();
  private readonly state = startTrace();
  private readonly empty = startTrace();

  constructor(private readonly group: SVGGElement) {}

  /** How many pieces carry a `d` (for the tests and the report). */
  get drawnPieces(): number {
    return this.ds.filter((d) => d !== '').length;
  }

  /**
   * Redraws the pieces from the one holding column `from` to the last (`from` >= width: none). A
   * piece whose `d` comes out unchanged is not touched.
   */
  draw(
    columns: Float64Array,
    width: number,
    tailColumn: number,
    tailValue: number,
    y: (value: number) => number,
    from: number,
  ): void {
    const count = Math.ceil(width / PIECE_COLUMNS);
    this.resize(count);
    const state = this.state;
    for (let piece = Math.max(0, Math.floor(from / PIECE_COLUMNS)); piece < count; piece++) {
      const before = piece === 0 ? this.empty : this.ends[piece - 1]!;
      copyTrace(before, state);
      this.builder.reset(before);
      const start = piece * PIECE_COLUMNS;
      traceColumns(
        columns,
        start,
        Math.min(width, start + PIECE_COLUMNS),
        tailColumn,
        tailValue,
        y,
        this.builder,
        state,
      );
      copyTrace(state, this.ends[piece]!);
      // A piece with no point of its own draws nothing (a lone `M` would only repeat the last point).
      this.set(piece, state.points > before.points ? this.builder.d : '');
    }
  }

  /** Draws nothing (the series is hidden). */
  clear(): void {
    for (let piece = 0; piece < this.paths.length; piece++) this.set(piece, '');
  }

  private set(piece: number, d: string): void {
    if (this.ds[piece] === d) return;
    this.ds[piece] = d;
    this.paths[piece]!.setAttribute('d', d);
  }

  private resize(count: number): void {
    while (this.paths.length < count) {
      const path = document.createElementNS(SVG_NS, 'path');
      this.group.append(path);
      this.paths.push(path);
      this.ds.push('');
      this.ends.push(startTrace());
    }
    while (this.paths.length > count) {
      this.paths.pop()!.remove();
      this.ds.pop();
      this.ends.pop();
    }
  }
}

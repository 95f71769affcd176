/**
 * The Decision boundary's own 0.5-line tracer against d3-contour, which drew the line before: for any grid
 * (values on both sides of 0.5, saddles, a NaN), the same segments in the same
 * directions, the same number of lines and of closed ones, and nothing on the plot's frame.
 */
import { contours, type ContourMultiPolygon } from 'd3-contour';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { boundaryLines, boundaryTracer } from '../../src/components/DecisionBoundary/contour';

type Line = [number, number][];

/** The figure's line as it was drawn with d3-contour: its rings, with the runs along the frame cut out. */
function d3Lines(grid: Float32Array, cols: number, rows: number): Line[] {
  const region: ContourMultiPolygon = contours()
    .size([cols, rows])
    .contour(grid as unknown as number[], 0.5);
  const onEdge = ([x, y]: [number, number]): boolean => x === 0 || x === cols || y === 0 || y === rows;
  const lines: Line[] = [];
  for (const polygon of region.coordinates) {
    for (const ring of polygon) {
      const ringLines: Line[] = [];
      let line: Line = [];
      for (let k = 1; k < ring.length; k++) {
        const from = ring[k - 1] as [number, number];
        const to = ring[k] as [number, number];
        if (onEdge(from) || onEdge(to)) {
          if (line.length > 1) ringLines.push(line);
          line = [];
          continue;
        }
        if (line.length === 0) line.push(from);
        line.push(to);
      }
      if (line.length > 1) ringLines.push(line);
      const first = ringLines[0];
      const last = ringLines[ringLines.length - 1];
      if (ringLines.length > 1 && first && last && first[0] === ring[0] && last.at(-1) === ring.at(-1)) {
        ringLines[0] = [...last, ...first.slice(1)];
        ringLines.pop();
      }
      lines.push(...ringLines);
    }
  }
  return lines;
}

/** Each line's directed segments, as sorted text: the geometry, whatever order the lines come in. */
function segments(lines: Line[]): string[] {
  return lines
    .flatMap((line) => line.slice(1).map((to, k) => `${line[k]!.join(',')}>${to.join(',')}`))
    .sort();
}

const isClosed = (line: Line): boolean => line[0]![0] === line.at(-1)![0] && line[0]![1] === line.at(-1)![1];

function expectSameAsD3(grid: Float32Array, cols: number, rows: number): void {
  const ours = boundaryLines(boundaryTracer(cols, rows), grid);
  const theirs = d3Lines(grid, cols, rows);
  expect(segments(ours)).toEqual(segments(theirs));
  expect(ours.length).toBe(theirs.length);
  expect(ours.filter(isClosed).length).toBe(theirs.filter(isClosed).length);
  for (const line of ours)
    for (const [x, y] of line) expect(x > 0 && x < cols && y > 0 && y < rows).toBe(true);
}

/**
 * Values on either side of 0.5 but never 0.5 itself (as a float32): a value of exactly 0.5 puts crossings on
 * a grid point, where the two tracers may differ only by lines of no length (d3 drops a closed one as a hole
 * outside every region; it draws nothing either way).
 */
const VALUE = fc.double({ min: 0, max: 1, noNaN: true }).filter((v) => Math.fround(v) !== 0.5);

describe('the 0.5 line traced without d3-contour', () => {
  it('matches d3-contour’s line on any grid', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 9 }),
        fc.integer({ min: 2, max: 9 }),
        fc.array(VALUE, { minLength: 81, maxLength: 81 }),
        (cols, rows, values) => {
          expectSameAsD3(Float32Array.from(values.slice(0, cols * rows)), cols, rows);
        },
      ),
      { numRuns: 400 },
    );
  });

  it('matches it on smooth fields: a ring inside the plot closes, a line across it runs frame to frame', () => {
    const cols = 40;
    const rows = 30;
    const field = (f: (x: number, y: number) => number): Float32Array =>
      Float32Array.from({ length: cols * rows }, (_, k) => f(k % cols, Math.floor(k / cols)));
    const ring = field((x, y) => Math.hypot(x - 20, y - 15) / 16);
    const across = field((x, y) => (x + 0.3 * y) / 50);
    expectSameAsD3(ring, cols, rows);
    expectSameAsD3(across, cols, rows);
    // A value that is not a number counts as below 0.5, as in d3.
    const holed = field((x, y) => (30 - y - 0.01 * x) / 30 - 0.002);
    holed[15 * cols + 20] = Number.NaN; // just under the line, where it crosses between rows 14 and 15
    expectSameAsD3(holed, cols, rows);
    const tracer = boundaryTracer(cols, rows);
    const [closed] = boundaryLines(tracer, ring);
    expect(closed && isClosed(closed)).toBe(true);
    // The tracer's buffers are reused: a second grid traced with them is traced as if fresh.
    const [line, ...rest] = boundaryLines(tracer, across);
    expect(rest).toEqual([]);
    expect(line && isClosed(line)).toBe(false);
    expect(boundaryLines(tracer, ring)).toEqual([closed]);
  });

  it('refuses a grid of another size than its buffers', () => {
    expect(() => boundaryLines(boundaryTracer(4, 4), new Float32Array(20))).toThrow(/4x4 values .* 20/);
  });
});

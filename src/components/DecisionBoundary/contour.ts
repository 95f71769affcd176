import { contours, type ContourMultiPolygon } from 'd3-contour';
import { polylinesPath } from '../../viz/svgPath';

export type ContourGenerator = ReturnType<typeof contours>;

export function boundaryContours(cols: number, rows: number): ContourGenerator {
  return contours().size([cols, rows]);
}

/**
 * The 0.5 line as polylines in grid coordinates. d3.contours closes every region along the grid's
 * edge (and across its corners); those runs are not part of the decision boundary, so they are cut out.
 */
export function boundaryLines(
  generator: ContourGenerator,
  grid: Float32Array,
  cols: number,
  rows: number,
): [number, number][][] {
  // d3 only indexes the values, so a typed array serves as well as number[].
  const region: ContourMultiPolygon = generator.contour(grid as unknown as number[], 0.5);
  // Frame points have a coordinate exactly on the grid's edge. The real line's last half cell also
  // runs to such a point, bending towards the cell's middle, so the line stops short of the edge.
  const onEdge = ([x, y]: [number, number]): boolean => x === 0 || x === cols || y === 0 || y === rows;
  const lines: [number, number][][] = [];
  for (const polygon of region.coordinates) {
    for (const ring of polygon) {
      const ringLines: [number, number][][] = [];
      let line: [number, number][] = [];
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
      // A closed ring may start mid-line: its last run then continues into its first.
      const first = ringLines[0];
      const last = ringLines[ringLines.length - 1];
      if (
        ringLines.length > 1 &&
        first &&
        last &&
        first[0] === ring[0] &&
        last[last.length - 1] === ring[ring.length - 1]
      ) {
        ringLines[0] = [...last, ...first.slice(1)];
        ringLines.pop();
      }
      lines.push(...ringLines);
    }
  }
  return lines;
}

/** An SVG path for grid-coordinate lines, scaled to the plot's pixels. */
export function linesPath(lines: [number, number][][], scaleX: number, scaleY: number): string {
  return polylinesPath(lines, scaleX, scaleY);
}

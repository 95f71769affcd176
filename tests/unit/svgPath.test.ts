import { geoPath, geoTransform } from 'd3';
import { contours } from 'd3-contour';
import { describe, expect, it } from 'vitest';
import { polygonsPath, polylinesPath } from '../../src/viz/svgPath';

/** What the figures drew with before: d3-geo's path writer through a scaling transform. */
function geoScaled(scaleX: number, scaleY: number) {
  return geoPath(
    geoTransform({
      point(x: number, y: number) {
        this.stream.point(x * scaleX, y * scaleY);
      },
    }),
  );
}

/** A bump and a ridge around a crater: contours with several polygons, one of them with a hole. */
function bumpyGrid(cols: number, rows: number): number[] {
  const values: number[] = [];
  for (let j = 0; j < rows; j++) {
    for (let i = 0; i < cols; i++) {
      const bump = Math.exp(-((i - 2.5) ** 2 + (j - 3) ** 2) / 3);
      const ridge = Math.exp(-((Math.hypot(i - 12, j - 8) - 4) ** 2));
      values.push(bump + ridge);
    }
  }
  return values;
}

describe('svgPath', () => {
  it('writes filled contour bands exactly as d3-geo did, holes included', () => {
    const cols = 20;
    const rows = 16;
    const grid = bumpyGrid(cols, rows);
    for (const threshold of [0.2, 0.5, 0.8]) {
      const area = contours().size([cols, rows]).contour(grid, threshold);
      expect(area.coordinates.length).toBeGreaterThan(0);
      expect(polygonsPath(area.coordinates, 31.7, 17.3)).toBe(geoScaled(31.7, 17.3)(area));
    }
    const holed = contours().size([cols, rows]).contour(grid, 0.5);
    expect(holed.coordinates.some((polygon) => polygon.length > 1)).toBe(true);
  });

  it('writes open polylines exactly as d3-geo did', () => {
    const lines: [number, number][][] = [
      [
        [0.5, 1.25],
        [2.125, 3.5],
        [4, 4.75],
      ],
      [
        [7.1, 0.3],
        [8.9, 2.2],
      ],
    ];
    expect(polylinesPath(lines, 13.37, 9.1)).toBe(
      geoScaled(13.37, 9.1)({ type: 'MultiLineString', coordinates: lines }),
    );
  });

  it('is empty when there is nothing to draw', () => {
    expect(polylinesPath([], 2, 2)).toBe('');
    expect(polygonsPath([], 2, 2)).toBe('');
  });
});

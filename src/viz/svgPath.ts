/**
 * SVG path data for contour output (grid coordinates scaled to plot pixels), written directly: the
 * figures only need straight segments, and a map-projection library for that would weigh on the first
 * load. Coordinates are rounded to three decimals, which keeps the strings short and is far below a pixel.
 */

type Point = readonly [number, number] | readonly number[];

function rounded(value: number): number {
  return Math.round(value * 1000) / 1000;
}

function appendRun(parts: string[], points: readonly Point[], count: number, sx: number, sy: number): void {
  for (let k = 0; k < count; k++) {
    const point = points[k]!;
    parts.push(`${k === 0 ? 'M' : 'L'}${rounded(point[0] * sx)},${rounded(point[1] * sy)}`);
  }
}

/** Open polylines: each starts with M and continues with L. '' when there are none. */
export function polylinesPath(lines: readonly (readonly Point[])[], sx: number, sy: number): string {
  const parts: string[] = [];
  for (const line of lines) appendRun(parts, line, line.length, sx, sy);
  return parts.join('');
}

/**
 * Filled areas as d3-contour returns them (polygons of closed rings whose last point repeats the
 * first): each ring becomes M … L … Z, so the even-odd and non-zero rules both see its holes.
 */
export function polygonsPath(
  polygons: readonly (readonly (readonly Point[])[])[],
  sx: number,
  sy: number,
): string {
  const parts: string[] = [];
  for (const polygon of polygons) {
    for (const ring of polygon) {
      if (ring.length < 2) continue;
      appendRun(parts, ring, ring.length - 1, sx, sy);
      parts.push('Z');
    }
  }
  return parts.join('');
}

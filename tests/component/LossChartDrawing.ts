/**
 * The points of a series drawn as path pieces (`[data-testid=loss-line]`, `accuracy-line`), in order,
 * as one line: each piece starts at the last point of the one before, and that repeat is dropped.
 */
export function seriesPoints(group: Element): [number, number][] {
  const points: [number, number][] = [];
  for (const path of group.querySelectorAll('path')) {
    for (const match of (path.getAttribute('d') ?? '').matchAll(/([\d.-]+),([\d.-]+)/g)) {
      const point: [number, number] = [Number(match[1]), Number(match[2])];
      const last = points.at(-1);
      if (last?.[0] !== point[0] || last[1] !== point[1]) points.push(point);
    }
  }
  return points;
}

/** Plane geometry the Network figure's layout shares: lines trimmed to circles, label offsets, boxes. */
export interface Point {
  readonly x: number;
  readonly y: number;
}

/** An axis-aligned box in the figure's pixels. */
export interface Box {
  readonly left: number;
  readonly top: number;
  readonly right: number;
  readonly bottom: number;
}

export const clamp = (value: number, low: number, high: number): number =>
  Math.min(high, Math.max(low, value));

export function boxAround(centre: Point, width: number, height: number): Box {
  return {
    left: centre.x - width / 2,
    top: centre.y - height / 2,
    right: centre.x + width / 2,
    bottom: centre.y + height / 2,
  };
}

export function boxesOverlap(a: Box, b: Box): boolean {
  return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
}

export function insideBox(inner: Box, outer: Box): boolean {
  return (
    inner.left >= outer.left &&
    inner.right <= outer.right &&
    inner.top >= outer.top &&
    inner.bottom <= outer.bottom
  );
}

/** The segment from `from` to `to`, with `startTrim` px cut at its start and `endTrim` px at its end. */
export function trimmedLine(
  from: Point,
  to: Point,
  startTrim: number,
  endTrim = startTrim,
): { start: Point; end: Point } {
  const dx = to.x - from.x;
  const dy = to.y - from.y;
  const length = Math.hypot(dx, dy) || 1;
  const ux = dx / length;
  const uy = dy / length;
  return {
    start: { x: from.x + ux * startTrim, y: from.y + uy * startTrim },
    end: { x: to.x - ux * endTrim, y: to.y - uy * endTrim },
  };
}

export function pointAlong(start: Point, end: Point, at: number): Point {
  return { x: start.x + (end.x - start.x) * at, y: start.y + (end.y - start.y) * at };
}

/**
 * The unit normal of a line on the side away from the figure's middle row: labels above the middle
 * move up, labels below move down, so crossing edges' labels part instead of meeting.
 */
export function outwardNormal(start: Point, end: Point, at: Point, middleY: number): Point {
  const length = Math.hypot(end.x - start.x, end.y - start.y) || 1;
  const normal = { x: -(end.y - start.y) / length, y: (end.x - start.x) / length };
  const wantDown = at.y > middleY;
  const flip = wantDown ? normal.y < 0 : normal.y > 0;
  return flip ? { x: -normal.x, y: -normal.y } : normal;
}

/**
 * How far to move a label of `width` x `height` px along `normal` so it clears a line `strokeWidth`
 * wide: the box's half-extent in that direction, plus half the line, plus a small gap.
 */
export function labelOffset(normal: Point, width: number, height: number, strokeWidth: number): Point {
  const distance = Math.abs(normal.x) * (width / 2) + Math.abs(normal.y) * (height / 2) + strokeWidth / 2 + 2;
  return { x: normal.x * distance, y: normal.y * distance };
}

/**
 * Whether the segment from `a` to `b` passes through `box` (Liang–Barsky clipping: the part of the
 * segment's parameter range inside all four slabs is not empty).
 */
export function segmentHitsBox(a: Point, b: Point, box: Box): boolean {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  let enter = 0;
  let leave = 1;
  const slabs: [number, number][] = [
    [-dx, a.x - box.left],
    [dx, box.right - a.x],
    [-dy, a.y - box.top],
    [dy, box.bottom - a.y],
  ];
  for (const [p, q] of slabs) {
    if (p === 0) {
      if (q < 0) return false;
      continue;
    }
    const t = q / p;
    if (p < 0) enter = Math.max(enter, t);
    else leave = Math.min(leave, t);
    if (enter > leave) return false;
  }
  return true;
}

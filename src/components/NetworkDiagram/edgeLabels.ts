import {
  boxAround,
  boxesOverlap,
  insideBox,
  labelOffset,
  segmentHitsBox,
  outwardNormal,
  pointAlong,
  type Box,
  type Point,
} from './geometry';

/** Monospace: each character is about 0.6em wide; edge labels are 0.85 of the neuron font. */
export const LABEL_CHAR_WIDTH = 0.6;
export const LABEL_SCALE = 0.85;

/** `w24 = -0.1234`: the name plus at most ten characters of value. */
export const valueLabelLength = (name: string): number => name.length + 10;
/** `1 → 0.998 (−0.00215)`, `dL/dw24 = −0.0107`: the longest a phase writes on an edge. */
export const PHASE_LABEL_LENGTH = 21;

/** A typical edge's stroke for placing labels; the drawn label moves with the real one. */
const TYPICAL_STROKE = 6;

/** Places along the line tried in turn: the middle first, then out towards either end. */
const CANDIDATES = [0.5, 0.38, 0.62, 0.28, 0.72, 0.2, 0.8];

export interface LabelRequest {
  readonly start: Point;
  readonly end: Point;
  readonly name: string;
}

export interface LabelPlacement {
  readonly label: Point;
  readonly normal: Point;
  readonly labelled: boolean;
  readonly phaseLabelled: boolean;
}

function labelBox(line: LabelRequest, at: number, middleY: number, chars: number, fontSize: number) {
  const size = fontSize * LABEL_SCALE;
  const width = chars * size * LABEL_CHAR_WIDTH;
  const height = size * 1.2;
  const label = pointAlong(line.start, line.end, at);
  const normal = outwardNormal(line.start, line.end, label, middleY);
  const shift = labelOffset(normal, width, height, TYPICAL_STROKE);
  return { label, normal, box: boxAround({ x: label.x + shift.x, y: label.y + shift.y }, width, height) };
}

/**
 * Greedy label placement for a crowded figure: each edge in turn (the order given is the priority) takes
 * the first place along its line where its label box stays inside the figure and clear of the neurons,
 * notes and maps (`obstacles`), of every other edge, and of the labels placed before it. An edge with no such place is left
 * unlabelled (its value still shows on hover and focus). A phase's longer label goes in the same place
 * when it fits there too.
 */
export function placeEdgeLabels(
  lines: readonly LabelRequest[],
  obstacles: readonly Box[],
  bounds: Box,
  middleY: number,
  fontSize: number,
): LabelPlacement[] {
  const placedValues: Box[] = [];
  const placedPhases: Box[] = [];
  const clear = (box: Box, placed: readonly Box[], own: LabelRequest): boolean =>
    insideBox(box, bounds) &&
    !obstacles.some((other) => boxesOverlap(other, box)) &&
    !placed.some((other) => boxesOverlap(other, box)) &&
    !lines.some((other) => other !== own && segmentHitsBox(other.start, other.end, box));
  return lines.map((line) => {
    for (const at of CANDIDATES) {
      const value = labelBox(line, at, middleY, valueLabelLength(line.name), fontSize);
      if (!clear(value.box, placedValues, line)) continue;
      placedValues.push(value.box);
      const phase = labelBox(line, at, middleY, PHASE_LABEL_LENGTH, fontSize);
      const phaseLabelled = clear(phase.box, placedPhases, line);
      if (phaseLabelled) placedPhases.push(phase.box);
      return { label: value.label, normal: value.normal, labelled: true, phaseLabelled };
    }
    const fallback = labelBox(line, 0.5, middleY, valueLabelLength(line.name), fontSize);
    return { label: fallback.label, normal: fallback.normal, labelled: false, phaseLabelled: false };
  });
}

import { checkPerson, displayName, genderTarget, type Gender, type Person } from '../../core/dataset';
import { fromModel, type Measure } from '../../core/units';
import type { PlaneWords } from '../../viz/planeWords';

/** A valid table row placed on the plane. */
export interface PlanePoint {
  readonly id: string;
  /** Row in the table. */
  readonly row: number;
  readonly name: string;
  readonly gender: Gender;
  /** Where it is drawn: the inputs as the model sees them (lb and in; an imported column's numbers). */
  readonly weight: number;
  readonly height: number;
  /** The same values in the table's units (kg and cm when the table is metric). */
  readonly shownWeight: number;
  readonly shownHeight: number;
  readonly output: number;
  /** On the right side of 0.5; a numeric target has no sides, and its rows count as right. */
  readonly correct: boolean;
  /** A numeric target's value (NaN for a class). */
  readonly target: number;
  /** Held out of training by the split: drawn hollow. */
  readonly test: boolean;
}

/** Where a point is being dragged to (not yet in the table), in the model's and the table's units. */
export interface DragPosition {
  readonly id: string;
  readonly weight: number;
  readonly height: number;
  readonly shownWeight: number;
  readonly shownHeight: number;
}

/**
 * The given valid rows as points, with the network's output from `predictAt` (model units); a row
 * being dragged sits at the drag position. Left-out rows (a bad cell) have no place on the plane.
 */
export function planePoints(
  people: readonly Person[],
  rows: readonly number[],
  measure: Measure,
  drag: DragPosition | null,
  predictAt: (weight: number, height: number) => number,
  isTest: (id: string) => boolean = () => false,
): PlanePoint[] {
  const points: PlanePoint[] = [];
  for (const row of rows) {
    const person = people[row];
    if (!person) continue;
    const check = checkPerson(person, measure);
    if (!check.valid) continue;
    const at =
      drag?.id === person.id
        ? drag
        : {
            weight: check.weight,
            height: check.height,
            shownWeight: fromModel(measure, 'weight', check.weight),
            shownHeight: fromModel(measure, 'height', check.height),
          };
    const output = predictAt(at.weight, at.height);
    points.push({
      id: person.id,
      row,
      name: displayName(person, row),
      gender: person.gender,
      weight: at.weight,
      height: at.height,
      shownWeight: at.shownWeight,
      shownHeight: at.shownHeight,
      output,
      correct: person.target !== undefined || output > 0.5 === (genderTarget(person.gender) === 1),
      target: person.target === undefined ? Number.NaN : check.target,
      test: isTest(person.id),
    });
  }
  return points;
}

export function formatOutput(output: number): string {
  return Number.isFinite(output) ? output.toFixed(3) : 'not available';
}

/**
 * What a screen reader says for a point: `Alice, 133 lb, 65 in, Female, output 0.953, right`, and
 * `, test row` for a row held out of training.
 */
export function pointLabel(point: PlanePoint, words: PlaneWords): string {
  const verdict = point.correct ? 'right' : 'wrong';
  const weight = words.value('weight', point.shownWeight);
  const height = words.value('height', point.shownHeight);
  const held = point.test ? ', test row' : '';
  if (!Number.isNaN(point.target)) {
    return `${point.name}, ${weight}, ${height}, target ${point.target}, output ${formatOutput(point.output)}${held}`;
  }
  return `${point.name}, ${weight}, ${height}, ${words.classes[point.gender]}, output ${formatOutput(point.output)}, ${verdict}${held}`;
}

/** Decimals a moved point is written back with: 0.1 of the table's unit, finer for a narrow imported column. */
export function shownDecimals(span: number): number {
  if (!(span > 0)) return 1;
  return Math.max(1, Math.min(6, Math.ceil(2 - Math.log10(span))));
}

/** Table cells hold text; a moved point is written back rounded to `decimals`. */
export function roundMeasure(value: number, decimals = 1): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}

/** The drawn point nearest to (px, py) in plot pixels, within `reach`; null if none is that close. */
export function nearestPoint(
  points: readonly PlanePoint[],
  x: (weight: number) => number,
  y: (height: number) => number,
  px: number,
  py: number,
  reach: number,
): PlanePoint | null {
  let best: PlanePoint | null = null;
  let bestDistance = reach * reach;
  for (const point of points) {
    const dx = x(point.weight) - px;
    const dy = y(point.height) - py;
    const distance = dx * dx + dy * dy;
    if (distance <= bestDistance) {
      best = point;
      bestDistance = distance;
    }
  }
  return best;
}

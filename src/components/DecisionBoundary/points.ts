import { checkPerson, displayName, genderTarget, type Gender, type Person } from '../../core/dataset';
import type { RowOutput } from '../../store/derived';
import { GENDER_NAME } from './colors';

/** A valid table row placed on the plane. */
export interface PlanePoint {
  readonly id: string;
  /** Row in the table. */
  readonly row: number;
  readonly name: string;
  readonly gender: Gender;
  readonly weight: number;
  readonly height: number;
  readonly output: number;
  readonly correct: boolean;
}

/** Where a point is being dragged to (not yet in the table). */
export interface DragPosition {
  readonly id: string;
  readonly weight: number;
  readonly height: number;
}

/**
 * The valid rows as points; a row being dragged sits at the drag position with `predictAt`'s output.
 * Left-out rows (a bad cell) have no place on the plane and are skipped.
 */
export function planePoints(
  people: readonly Person[],
  outputs: readonly RowOutput[],
  drag: DragPosition | null,
  predictAt: (weight: number, height: number) => number,
): PlanePoint[] {
  const points: PlanePoint[] = [];
  people.forEach((person, row) => {
    const rowOutput = outputs[row];
    const check = checkPerson(person);
    if (!check.valid || !rowOutput?.valid) return;
    const base = { id: person.id, row, name: displayName(person, row), gender: person.gender };
    if (drag?.id === person.id) {
      const output = predictAt(drag.weight, drag.height);
      const correct = output > 0.5 === (genderTarget(person.gender) === 1);
      points.push({ ...base, weight: drag.weight, height: drag.height, output, correct });
    } else {
      const { output, correct } = rowOutput;
      points.push({ ...base, weight: check.weight, height: check.height, output, correct });
    }
  });
  return points;
}

export function formatOutput(output: number): string {
  return Number.isFinite(output) ? output.toFixed(3) : 'not available';
}

/** What a screen reader says for a point: `Alice, 133 lb, 65 in, Female, output 0.953, right`. */
export function pointLabel(point: PlanePoint): string {
  const verdict = point.correct ? 'right' : 'wrong';
  return `${point.name}, ${point.weight} lb, ${point.height} in, ${GENDER_NAME[point.gender]}, output ${formatOutput(point.output)}, ${verdict}`;
}

/** Table cells hold text; a moved point is written back rounded to 0.1. */
export function roundMeasure(value: number): number {
  return Math.round(value * 10) / 10;
}

import { checkTable, type CheckedTable } from './checkedTable';
import type { Person, TargetKind } from './dataset';
import { computeScaling, scaleInput, type Scaling, type ScalingMode } from './scaling';
import type { Measure } from './units';

/**
 * A table as typed, or already worked out by checkTable. The app sends the worker the checked form:
 * flat arrays cross to the worker as one copy, where 100,000 people objects took ~130 ms to clone on
 * every edit.
 */
export type TableData = readonly Person[] | CheckedTable;

function isChecked(data: TableData): data is CheckedTable {
  return !Array.isArray(data);
}

/** What the engine trains on: scaled inputs (x1, x2 interleaved) and targets of the valid rows. */
export interface TrainingSet {
  readonly inputs: Float64Array;
  readonly targets: Float64Array;
  readonly count: number;
  /** For each sample, its row index in the table (bad rows are skipped, not removed). */
  readonly rowIndex: Int32Array;
  readonly scaling: Scaling;
  /** How the table's numbers read; the inputs are already in the model's units (lb, in). */
  readonly measure: Measure;
  /** Two classes (targets 0 and 1), or a number to predict (targets as typed, see outputFor). */
  readonly targetKind: TargetKind;
}

/**
 * The valid rows as the engine's inputs. A table in kg and cm is converted to lb and in before
 * scaling (checkPerson does it), so every scaling mode means the same in either unit system.
 */
export function buildTrainingSet(
  people: TableData,
  mode: ScalingMode,
  measure: Measure = 'imperial',
): TrainingSet {
  const table = isChecked(people) ? people : checkTable(people, measure);
  return scaledTrainingSet(table, computeScaling(mode, table.weights, table.heights), measure);
}

/**
 * The valid rows scaled with a given scaling instead of their own: a sample of a run's table (the
 * landscape's) keeps the run's scaling, so its losses are the run's losses over those rows.
 */
export function scaledTrainingSet(
  people: TableData,
  scaling: Scaling,
  measure: Measure = 'imperial',
): TrainingSet {
  const table = isChecked(people) ? people : checkTable(people, measure);
  const { count, weights, heights } = table;
  const inputs = new Float64Array(2 * count);
  for (let i = 0; i < count; i++) {
    inputs[2 * i] = scaleInput(scaling, 0, weights[i]!);
    inputs[2 * i + 1] = scaleInput(scaling, 1, heights[i]!);
  }
  return {
    inputs,
    // copies: the set goes to the worker, and the checked table stays shared here
    targets: table.targets.slice(),
    count,
    rowIndex: table.rows.slice(),
    scaling,
    measure,
    targetKind: table.targetKind,
  };
}

/**
 * Why a table cannot train (no valid rows) or cannot learn (every valid row has one gender, or one label
 * value in a table of plain numbers). A code: the page words it.
 */
export type DataProblem = 'no-valid-rows' | 'one-gender' | 'one-label-value';

/** Why this set cannot train or cannot learn; null when it is fine. */
export function trainingSetProblem(set: TrainingSet): DataProblem | null {
  if (set.targetKind === 'number') return set.count === 0 ? 'no-valid-rows' : null;
  let females = 0;
  for (let i = 0; i < set.count; i++) females += set.targets[i]!;
  return dataProblem(set.count, females, set.measure);
}

/**
 * The same for a checked table (its valid rows and how many have target 1), without building a
 * training set: the status asks after every edit, and at 100,000 rows building one cost ~60 ms.
 */
export function dataProblem(
  valid: number,
  positives: number,
  measure: Measure,
  targetKind: TargetKind = 'class',
): DataProblem | null {
  if (valid === 0) return 'no-valid-rows';
  if (targetKind === 'number') return null;
  if (positives === 0 || positives === valid) return measure === 'plain' ? 'one-label-value' : 'one-gender';
  return null;
}

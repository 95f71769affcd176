/**
 * Writing the dataset as CSV, cells as typed, so that an export imports back unchanged (csv.ts reads it).
 */
import type { DataLabels, Units } from './settings';
import { DECIMAL, type Person } from './dataset';
import { formatCsvRows, neutralizeFormula } from './csvCells';
import { SET_HEADER, sideCell } from './csvSplit';

export interface CsvColumns {
  /** The table's units: kg/cm files say so in their headers, so they import back as they were. */
  readonly units?: Units;
  /** An imported file's column names: they head the columns, and the label values fill the last one. */
  readonly labels?: DataLabels | null;
  /** While rows are held out for testing, which ones: they fill a last `set` column (train or test). */
  readonly testRow?: ((id: string) => boolean) | null;
}

/** A weight or height cell: a number stays as it is (`-2` is no formula), other text is neutralized. */
function numericCell(cell: string): string {
  return DECIMAL.test(cell) ? cell : neutralizeFormula(cell);
}

/**
 * The dataset as CSV, cells as typed: header name,weight,height,gender with gender F or M (kg and cm
 * say so: `weight (kg)`, `height (cm)`); for an imported file, its column names and label values.
 * A cell a spreadsheet would run as a formula gets a leading `'`, which the import takes off again.
 * While rows are held out, a last `set` column says each row's side, which the import keeps.
 */
export function formatDatasetCsv(people: readonly Person[], columns: CsvColumns = {}): string {
  const { units = 'imperial', labels = null, testRow = null } = columns;
  const header = labels
    ? ['name', labels.x1, labels.x2, labels.target ?? 'label']
    : ['name', ...(units === 'metric' ? ['weight (kg)', 'height (cm)'] : ['weight', 'height']), 'gender'];
  if (testRow) header.push(SET_HEADER);
  const labelOf = (person: Person) => {
    if (person.target !== undefined) return numericCell(person.target);
    const { gender } = person;
    return neutralizeFormula(labels ? (gender === 'F' ? labels.positive : labels.negative) : gender);
  };
  const rows = people.map((person) => [
    neutralizeFormula(person.name),
    numericCell(person.weight),
    numericCell(person.height),
    labelOf(person),
    ...(testRow ? [sideCell(testRow(person.id))] : []),
  ]);
  return formatCsvRows([header.map(neutralizeFormula), ...rows]);
}

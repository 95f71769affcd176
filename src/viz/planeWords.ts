import type { NumericField } from '../core/dataset';
import { classNames, columnTitle, formatMeasure, withUnit, type Measure } from '../core/units';
import type { DataLabels } from '../core/settings';

/**
 * What the plane calls things: its axes, values and classes follow the table's units (lb/in or
 * kg/cm) or an imported file's column names and label values.
 */
export interface PlaneWords {
  readonly measure: Measure;
  readonly xTitle: string;
  readonly yTitle: string;
  /** `133 lb`, `60.3 kg`, or an imported column's bare number. */
  readonly value: (field: NumericField, shown: number) => string;
  readonly classes: { readonly F: string; readonly M: string };
  /** What a row is: a person, or a row of an imported file. */
  readonly who: string;
}

export function planeWords(measure: Measure, labels: DataLabels | null): PlaneWords {
  return {
    measure,
    xTitle: columnTitle(measure, 'weight', labels),
    yTitle: columnTitle(measure, 'height', labels),
    value: (field, shown) => withUnit(measure, field, formatMeasure(shown)),
    classes: classNames(labels),
    who: measure === 'plain' ? 'row' : 'person',
  };
}

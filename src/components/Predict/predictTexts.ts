import {
  ARTICLE_QUERIES,
  checkPerson,
  parseMeasurement,
  type NumericField,
  type Person,
} from '../../core/dataset';
import { convertText, convertValue, formatMeasure, fromModel, type Measure } from '../../core/units';

export interface PredictTexts {
  readonly weight: string;
  readonly height: string;
}

/** An article query (Emily, Frank: lb and in) as the inputs read in the table's units. */
export function queryTexts(query: (typeof ARTICLE_QUERIES)[number], measure: Measure): PredictTexts {
  const to = measure === 'metric' ? 'metric' : 'imperial';
  return {
    weight: convertValue(query.weight, 0, 'weight', 'imperial', to),
    height: convertValue(query.height, 0, 'height', 'imperial', to),
  };
}

/** What the inputs start with: Emily, or for an imported file its first usable row. */
export function startingTexts(measure: Measure, people: readonly Person[]): PredictTexts {
  if (measure !== 'plain') return queryTexts(ARTICLE_QUERIES[0], measure);
  const first = people.find((person) => checkPerson(person, measure).valid);
  if (!first) return { weight: '', height: '' };
  const check = checkPerson(first, measure);
  return {
    weight: formatMeasure(fromModel(measure, 'weight', check.weight)),
    height: formatMeasure(fromModel(measure, 'height', check.height)),
  };
}

/**
 * The inputs after the table's measure changed: lb/in ↔ kg/cm converts what reads as a measurement
 * and keeps anything else as typed; to or from an imported file's columns starts afresh.
 */
export function remeasuredTexts(
  texts: PredictTexts,
  from: Measure,
  to: Measure,
  people: readonly Person[],
): PredictTexts {
  if (from === 'plain' || to === 'plain') return startingTexts(to, people);
  const convert = (field: NumericField) => {
    const parsed = parseMeasurement(texts[field], field, from);
    return parsed.ok ? convertText(texts[field], parsed.value, field, from, to) : texts[field];
  };
  return { weight: convert('weight'), height: convert('height') };
}

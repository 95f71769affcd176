/**
 * Units and column names. The table, the plane and Predict show and take pounds and inches (the
 * article's), kilograms and centimetres, or an imported file's own columns; the model always sees
 * pounds and inches (or the imported numbers as they are), so the Article shift still means 135 lb and
 * 66 in and a run in kg/cm learns the same thing.
 */
import type { DataLabels, Units } from './settings';
import type { NumericField } from './dataset';

/** How the table's numbers read: in one of the two unit systems, or as an imported file's own columns. */
export type Measure = Units | 'plain';

/** The settings that decide the measure (travels to the worker with the table). */
export interface MeasureSettings {
  readonly units?: Units;
  readonly dataLabels?: DataLabels | null;
}

export function measureOf(settings: MeasureSettings): Measure {
  if (settings.dataLabels) return 'plain';
  return settings.units ?? 'imperial';
}

export const KG_PER_LB = 0.45359237;
export const CM_PER_IN = 2.54;

/** One unit of each system in the model's units (lb, in). */
const MODEL_PER_UNIT: Readonly<Record<NumericField, number>> = {
  weight: 1 / KG_PER_LB,
  height: 1 / CM_PER_IN,
};

export const UNIT_SYMBOLS: Readonly<Record<Units, Readonly<Record<NumericField, string>>>> = {
  imperial: { weight: 'lb', height: 'in' },
  metric: { weight: 'kg', height: 'cm' },
};

export const UNITS_LABELS: Readonly<Record<Units, string>> = { imperial: 'lb, in', metric: 'kg, cm' };

/** A table value as the model sees it: kg and cm become lb and in; other measures pass through. */
export function toModel(measure: Measure, field: NumericField, value: number): number {
  return measure === 'metric' ? value * MODEL_PER_UNIT[field] : value;
}

/** The inverse of `toModel`: a model value (lb, in) in the table's units. */
export function fromModel(measure: Measure, field: NumericField, value: number): number {
  return measure === 'metric' ? value / MODEL_PER_UNIT[field] : value;
}

/** Digits after the point that a decimal text carries ("65" → 0, "65.50" → 2, "1.25e1" → 1). */
export function decimalsOf(text: string): number {
  const trimmed = text.trim();
  const [mantissa = '', exponent = '0'] = trimmed.toLowerCase().split('e');
  const fraction = mantissa.split('.')[1]?.length ?? 0;
  return Math.max(0, Math.min(12, fraction - Number(exponent)));
}

/**
 * Digits a converted value keeps, chosen so that a value typed in pounds or inches comes back exactly
 * when converted there and back: a kilogram carries one digit more than a pound (1 kg ≈ 2.2 lb, so
 * 0.1 kg is finer than 1 lb) and a centimetre as many as an inch (1 cm ≈ 0.39 in). The way back drops
 * that extra digit, so switching does not grow the numbers: 133 lb → 60.3 kg → 133 lb.
 */
function convertedDecimals(decimals: number, to: Units, field: NumericField): number {
  if (field === 'height') return decimals;
  return to === 'metric' ? decimals + 1 : Math.max(0, decimals - 1);
}

/** `value` (in `from` units, typed with `decimals` digits) in `to` units, as the text a cell holds. */
export function convertValue(
  value: number,
  decimals: number,
  field: NumericField,
  from: Units,
  to: Units,
): string {
  if (from === to) return String(value);
  const model = toModel(from, field, value);
  return fromModel(to, field, model).toFixed(convertedDecimals(decimals, to, field));
}

/** A cell's text in the other units; `value` is what the text reads as (the caller validated it). */
export function convertText(
  text: string,
  value: number,
  field: NumericField,
  from: Units,
  to: Units,
): string {
  return from === to ? text : convertValue(value, decimalsOf(text), field, from, to);
}

/** What a numeric column is called: `Weight (lb)`, `Height (cm)`, or an imported column's name. */
export function columnTitle(measure: Measure, field: NumericField, labels: DataLabels | null): string {
  if (measure === 'plain' && labels) return field === 'weight' ? labels.x1 : labels.x2;
  const name = field === 'weight' ? 'Weight' : 'Height';
  return `${name} (${UNIT_SYMBOLS[measure === 'plain' ? 'imperial' : measure][field]})`;
}

/** A value with its unit for sentences: `133 lb`, `60.3 kg`, or the bare number for imported columns. */
export function withUnit(measure: Measure, field: NumericField, value: number | string): string {
  return measure === 'plain' ? String(value) : `${value} ${UNIT_SYMBOLS[measure][field]}`;
}

/** The words for the two classes: Female/Male, or the imported label values meaning 1 and 0. */
export function classNames(labels: DataLabels | null): { readonly F: string; readonly M: string } {
  return labels ? { F: labels.positive, M: labels.negative } : { F: 'Female', M: 'Male' };
}

/**
 * A measured value shown in the table's units, short: at most 4 decimals, no trailing zeros (a value
 * converted back from the model's units may differ from the typed one in its last binary digits).
 */
export function formatMeasure(value: number): string {
  return Number.isFinite(value) ? String(Number(value.toFixed(4))) : '—';
}

/**
 * Actions on what the table's numbers mean: its units (lb/in or kg/cm) and an imported file's column
 * names. Each is one undo step together with the table it changes: undo and redo bring back the units
 * and names a table was written in, because every table array remembers them.
 */
import { ARTICLE_PEOPLE, parseMeasurement, type NumericField, type Person } from '../core/dataset';
import { placeOnSides, shareOfSides, type Side } from '../core/csvSplit';
import { convertText } from '../core/units';
import { replacePeople, selectRow } from './actions';
import { useLab, type LabState } from './labStore';
import type { DataLabels, Units } from '../core/settings';
import type { DataRecipe } from '../core/datasets/types';

interface TableTerms {
  readonly units: Units;
  readonly dataLabels: DataLabels | null;
  /** The recipe the table was generated from (null: the user's own). */
  readonly dataSource: DataRecipe | null;
}

/** The last switch's converted people by id, with the people they came from. */
interface UnitSwitch {
  readonly to: Units;
  readonly byId: ReadonlyMap<string, { readonly after: Person; readonly before: Person }>;
}

/**
 * What the unit actions remember between calls: the units and names each table (an immutable array,
 * as undo keeps it) was written in, and the last unit switch (so switching back restores the text).
 */
class TableMemory {
  private termsOfTable = new WeakMap<readonly Person[], TableTerms>();
  lastSwitch: UnitSwitch | null = null;

  remember(state: LabState): void {
    this.termsOfTable.set(state.people, {
      units: state.settings.units,
      dataLabels: state.settings.dataLabels,
      dataSource: state.settings.dataSource,
    });
  }

  termsOf(people: readonly Person[]): TableTerms | undefined {
    return this.termsOfTable.get(people);
  }

  /** Forgets every table but the current one, and the last switch. */
  reset(): void {
    this.termsOfTable = new WeakMap();
    this.lastSwitch = null;
    this.remember(useLab.getState());
  }
}

export const tableMemory = new TableMemory();

/** A table brought back by undo or redo brings back its units, names and recipe with it. */
function followTable(state: LabState, previous: LabState): void {
  if (state.people === previous.people) return;
  const terms = tableMemory.termsOf(state.people);
  if (!terms) {
    tableMemory.remember(state);
    return;
  }
  const { settings } = state;
  if (
    terms.units !== settings.units ||
    terms.dataLabels !== settings.dataLabels ||
    terms.dataSource !== settings.dataSource
  ) {
    useLab.setState({ settings: { ...settings, ...terms } });
  }
}

tableMemory.remember(useLab.getState());
useLab.subscribe(followTable);

const FIELDS: readonly NumericField[] = ['weight', 'height'];

/**
 * One person in other units: valid cells are converted, bad cells keep their text as typed. A cell
 * untouched since the last switch gets back exactly the text it had before it (58.0 kg stays 58.0).
 */
function convertPerson(
  person: Person,
  from: Units,
  to: Units,
  remembered: { after: Person; before: Person } | undefined,
): Person {
  let next = person;
  for (const field of FIELDS) {
    const text = person[field];
    let converted = text;
    if (remembered && remembered.after[field] === text) {
      converted = remembered.before[field];
    } else {
      const parsed = parseMeasurement(text, field, from);
      if (parsed.ok) converted = convertText(text, parsed.value, field, from, to);
    }
    if (converted !== text) next = { ...next, [field]: converted };
  }
  return next;
}

function convertPeople(people: readonly Person[], from: Units, to: Units): Person[] {
  const last = tableMemory.lastSwitch;
  const memory = last?.to === from ? last.byId : null;
  const byId = new Map<string, { after: Person; before: Person }>();
  const converted = people.map((person) => {
    const next = convertPerson(person, from, to, memory?.get(person.id));
    if (next !== person) byId.set(person.id, { after: next, before: person });
    return next;
  });
  tableMemory.lastSwitch = { to, byId };
  return converted;
}

/**
 * Shows and takes the table in lb/in or kg/cm: its valid cells are converted (bad cells keep their
 * text), as one undo step. The model keeps seeing lb and in, so training goes on unchanged.
 * Imported columns have no units: while their names are in use, this does nothing.
 */
export function setUnits(units: Units): void {
  const { settings, people } = useLab.getState();
  if (settings.dataLabels !== null || settings.units === units) return;
  const converted = convertPeople(people, settings.units, units);
  useLab.setState({ people: converted, settings: { ...settings, units } });
}

/**
 * Replaces the table with imported people (one undo step). A weight/height/gender file brings its
 * units and clears imported column names; a mapped file brings its column names and label values.
 * A file's `set` column (`sides`) brings its training share, and each stated row stays on its side.
 */
export function importDataset(
  people: readonly Person[],
  units: Units,
  labels: DataLabels | null,
  sides: readonly (Side | null)[] | null = null,
): void {
  const { settings } = useLab.getState();
  const trainingShare = sides ? shareOfSides(sides) : settings.trainingShare;
  const table = sides ? placeOnSides(people, sides, settings.seed, trainingShare) : people;
  useLab.setState({
    settings: { ...settings, units: labels ? settings.units : units, dataLabels: labels, trainingShare },
  });
  replacePeople(table);
  selectRow(null); // row numbers of the old table mean nothing in the new one
}

/** The article's four people again, in the current units, with the article's column names. */
export function resetToArticleData(): void {
  const { units } = useLab.getState().settings;
  const people =
    units === 'metric' ? convertPeople(ARTICLE_PEOPLE, 'imperial', 'metric') : [...ARTICLE_PEOPLE];
  importDataset(people, units, null);
}

/**
 * Reading and writing the dataset as CSV. Import keeps each cell's text exactly as in the file, but
 * for the leading `'` by which the export keeps a cell from being a formula (so an export imports back
 * unchanged), leaves out rows it cannot use and lists every one by its line in the file. Only d3-dsv's row parser is used: `csvParse` builds its row objects with `new Function`,
 * which a strict Content-Security-Policy forbids.
 */
import { dsvFormat } from 'd3-dsv';
import type { DataLabels, Units } from './settings';
import {
  DECIMAL,
  MAX_CELL_LENGTH,
  MAX_NAME_LENGTH,
  newPersonId,
  parseMeasurement,
  type Gender,
  type Person,
} from './dataset';
import { convertText } from './units';
import { detectDelimiter, restoreFormula } from './csvCells';
import { csvRowsProblem, csvSizeProblem } from './csvLimits';
import { setColumn, sideOfCell, type Side } from './csvSplit';

export { formatDatasetCsv, type CsvColumns } from './csvExport';

export interface CsvProblem {
  /** The line in the file where the row starts; the header is line 1. */
  readonly line: number;
  readonly message: string;
}

export interface ImportedPeople {
  readonly kind: 'people';
  readonly people: Person[];
  readonly problems: CsvProblem[];
  /** The units of a weight/height file (from its headers: `weight (kg)`, `height (cm)`). */
  readonly units: Units;
  /** A mapped file's column names and label values; null for a weight/height/gender file. */
  readonly labels: DataLabels | null;
  /** Rows left out because their label is missing (`NA`, `?`, empty…): each is among the problems too. */
  readonly missingLabels: number;
  /** Each person's side in the file's `set` column (null: not stated); null when it has no such column. */
  readonly sides: (Side | null)[] | null;
}

/** A file whose headers are not the lab's: the user maps its columns first. */
export interface RawTable {
  readonly kind: 'needs-mapping';
  readonly headers: string[];
  readonly rows: string[][];
  /** For each row, its line in the file. */
  readonly lines: number[];
}

export interface CsvError {
  readonly kind: 'error';
  readonly message: string;
}

export type CsvParseResult = ImportedPeople | RawTable | CsvError;

const HEADER_ALIASES = {
  name: ['name'],
  weight: ['weight', 'weight (lb)', 'weight (lbs)', 'weight (kg)'],
  height: ['height', 'height (in)', 'height (cm)'],
  gender: ['gender', 'sex'],
} as const;
/** Headers that say a column is in kg or cm; every other weight/height header means lb or in. */
const METRIC_HEADERS: ReadonlySet<string> = new Set(['weight (kg)', 'height (cm)']);
type Column = keyof typeof HEADER_ALIASES;

const FEMALE_VALUES = new Set(['f', 'female', '1']);
/**
 * What spreadsheets and statistics packages write for "no value" (lower case): such a label is no
 * class, so its row is left out rather than trained as class 0.
 */
const MISSING_LABELS: ReadonlySet<string> = new Set(['', 'na', 'n/a', '.', '?', 'nan', 'null']);
const MALE_VALUES = new Set(['m', 'male', '0']);
const LINE_BREAK = /\r\n|\r|\n/g;

/** A label cell that holds no value: empty, or a spreadsheet's word for missing (`NA`, `N/A`, `.`, `?`). */
export function isMissingLabel(cell: string): boolean {
  return MISSING_LABELS.has(cell.trim().toLowerCase());
}

function countLineBreaks(row: readonly string[]): number {
  let breaks = 0;
  for (const cell of row) {
    if (cell.includes('\n') || cell.includes('\r')) breaks += cell.match(LINE_BREAK)?.length ?? 0;
  }
  return breaks;
}

function isBlank(row: readonly string[]): boolean {
  return row.every((cell) => cell.trim() === '');
}

/** How often a long parse says how far it has got: every this many records. */
const PROGRESS_EVERY = 4096;

/** Told how many records (lines, but for line breaks inside quotes) the parser has read so far. */
export type CsvProgress = (recordsRead: number) => void;

/**
 * The header row and the data rows (blank lines dropped), each with the line it starts on; cells the
 * export kept from being formulas read back as they were.
 */
function splitRows(text: string, what: string, onProgress?: CsvProgress): RawTable | CsvError {
  const rows = dsvFormat(detectDelimiter(text)).parseRows(text, (row, index) => {
    if (onProgress && index % PROGRESS_EVERY === 0) onProgress(index);
    return row;
  });
  let header: string[] | null = null;
  const data: string[][] = [];
  const lines: number[] = [];
  let line = 1;
  for (const row of rows) {
    for (let i = 0; i < row.length; i++) row[i] = restoreFormula(row[i]!);
    if (isBlank(row)) {
      // Blank lines hold no person; they only count for the line numbers.
    } else if (header === null) {
      header = row;
    } else {
      data.push(row);
      lines.push(line);
    }
    line += 1 + countLineBreaks(row);
  }
  if (header === null) return { kind: 'error', message: `${what} is empty.` };
  if (data.length === 0) return { kind: 'error', message: `${what} has a header line but no data rows.` };
  const tooMany = csvRowsProblem(data.length, what);
  if (tooMany !== null) return { kind: 'error', message: tooMany };
  return { kind: 'needs-mapping', headers: header.map((cell) => cell.trim()), rows: data, lines };
}

/** A cell's text inside a message, cut short: a cell can be megabytes long. */
function quote(text: string): string {
  return `“${text.length > MAX_CELL_LENGTH ? `${text.slice(0, MAX_CELL_LENGTH)}…` : text}”`;
}

/** Why a cell is not a usable number (empty, not a number), or null. */
function numberProblem(text: string, label: string): string | null {
  const trimmed = text.trim();
  if (trimmed === '') return `${label} is empty.`;
  if (trimmed.length > MAX_CELL_LENGTH) return `${label} is longer than ${MAX_CELL_LENGTH} characters.`;
  if (!DECIMAL.test(trimmed) || !Number.isFinite(Number(trimmed))) {
    return `${label}: ${quote(trimmed)} is not a number.`;
  }
  return null;
}

interface RowColumns {
  readonly name: number | null;
  readonly weight: number;
  readonly height: number;
  readonly label: number;
  /** What a problem calls the two input columns. */
  readonly names: readonly [string, string];
  /** A numeric label column's name in problems: its cells are targets to predict, not classes. */
  readonly numericTarget?: string;
  /** The `set` column (train or test); null when the file has none. */
  readonly set: number | null;
}

/** Why a row with no label is left out: `Gender is empty.`, `Column “sex” is missing (“NA”).` */
function missingLabelProblem(column: string, cell: string): string {
  const value = cell.trim();
  return value === '' ? `${column} is empty.` : `${column} is missing (${quote(value)}).`;
}

/** Turns rows into people; `genderOf` reads the label cell (null: not a known value). */
function rowsToPeople(
  raw: RawTable,
  columns: RowColumns,
  genderOf: (cell: string) => Gender | null,
  labelProblem: (cell: string) => string,
): Omit<ImportedPeople, 'units' | 'labels'> {
  const people: Person[] = [];
  const sides: (Side | null)[] = [];
  const problems: CsvProblem[] = [];
  let missingLabels = 0;
  raw.rows.forEach((row, i) => {
    const cell = (index: number | null) => (index === null ? '' : (row[index] ?? ''));
    const name = cell(columns.name);
    const weight = cell(columns.weight);
    const height = cell(columns.height);
    const labelCell = cell(columns.label);
    const missing = isMissingLabel(labelCell);
    const numeric = columns.numericTarget !== undefined;
    // a numeric table's rows keep a gender only because every row has one; nothing reads it there
    const gender = missing ? null : numeric ? 'M' : genderOf(labelCell);
    if (missing) missingLabels += 1;
    const messages = [
      numberProblem(weight, columns.names[0]),
      numberProblem(height, columns.names[1]),
      gender === null
        ? labelProblem(labelCell)
        : numeric
          ? numberProblem(labelCell, columns.numericTarget)
          : null,
      name.length > MAX_NAME_LENGTH ? `Name is longer than ${MAX_NAME_LENGTH} characters.` : null,
    ].filter((message): message is string => message !== null);
    if (messages.length > 0) problems.push({ line: raw.lines[i]!, message: messages.join(' ') });
    else {
      const target = numeric ? { target: labelCell } : {};
      people.push({ id: newPersonId(), name, weight, height, gender: gender!, ...target });
      sides.push(columns.set === null ? null : sideOfCell(cell(columns.set)));
    }
  });
  return { kind: 'people', people, problems, missingLabels, sides: columns.set === null ? null : sides };
}

function genderFromText(cell: string): Gender | null {
  const value = cell.trim().toLowerCase();
  if (FEMALE_VALUES.has(value)) return 'F';
  return MALE_VALUES.has(value) ? 'M' : null;
}

interface RecognizedColumns extends RowColumns {
  readonly units: { readonly weight: Units; readonly height: Units };
}

function recognizedColumns(headers: readonly string[]): RecognizedColumns | null {
  const find = (column: Column) => {
    const aliases: readonly string[] = HEADER_ALIASES[column];
    const index = headers.findIndex((header) => aliases.includes(header.toLowerCase()));
    return index < 0 ? null : index;
  };
  const weight = find('weight');
  const height = find('height');
  const label = find('gender');
  if (weight === null || height === null || label === null) return null;
  const unitsOf = (index: number): Units =>
    METRIC_HEADERS.has((headers[index] ?? '').toLowerCase()) ? 'metric' : 'imperial';
  return {
    name: find('name'),
    weight,
    height,
    label,
    names: ['Weight', 'Height'],
    set: setColumn(headers),
    units: { weight: unitsOf(weight), height: unitsOf(height) },
  };
}

/** A file whose height is in other units than its weight: its heights follow the weights' units. */
function alignHeights(people: Person[], from: Units, to: Units): Person[] {
  if (from === to) return people;
  return people.map((person) => {
    const height = parseMeasurement(person.height, 'height', from);
    return height.ok
      ? { ...person, height: convertText(person.height, height.value, 'height', from, to) }
      : person;
  });
}

/**
 * Reads a dataset. Headers name/weight/height/gender (any case; also "Weight (lb)", "Height (in)",
 * "Weight (kg)", "Height (cm)", "sex") give people at once, in the file's units; other headers come
 * back as a raw table for the mapping step.
 */
export function parseDatasetCsv(text: string, what = 'The file', onProgress?: CsvProgress): CsvParseResult {
  const tooBig = csvSizeProblem(text.length, what);
  if (tooBig !== null) return { kind: 'error', message: tooBig };
  const raw = splitRows(text.replace(/^\uFEFF/, ''), what, onProgress);
  if (raw.kind === 'error') return raw;
  const columns = recognizedColumns(raw.headers);
  if (columns !== null) {
    const read = rowsToPeople(raw, columns, genderFromText, (cell) =>
      isMissingLabel(cell)
        ? missingLabelProblem('Gender', cell)
        : `Gender ${quote(cell.trim())} is not F, M, Female, Male, 1 (Female) or 0 (Male).`,
    );
    const units = columns.units.weight;
    const people = alignHeights(read.people, columns.units.height, units);
    return { ...read, people, units, labels: null };
  }
  if (raw.headers.length < 3) {
    return {
      kind: 'error',
      message:
        `${what} has ${raw.headers.length} column${raw.headers.length === 1 ? '' : 's'}; the lab needs ` +
        'at least three (two inputs and a label), separated by commas.',
    };
  }
  return raw;
}

/** How a problem names a file's column. */
function columnName(raw: RawTable, index: number): string {
  const header = raw.headers[index] ?? '';
  return header === '' ? `Column ${index + 1}` : `Column “${header}”`;
}

/** The mapping step's answer: which columns are the inputs and the label, and which value means 1. */
export interface ColumnMapping {
  readonly x1: number;
  readonly x2: number;
  readonly label: number;
  /** The label value (trimmed) that means 1 (Female); every other value but a missing one means 0 (Male). */
  readonly positive: string;
  /** The column the names come from; null: no names. */
  readonly name: number | null;
}

/** The label column's distinct values (trimmed, not missing), in order of first appearance. */
export function labelValues(raw: RawTable, column: number, limit = 50): string[] {
  const values = new Set<string>();
  for (const row of raw.rows) {
    const value = (row[column] ?? '').trim();
    if (!isMissingLabel(value)) values.add(value);
    if (values.size >= limit) break;
  }
  return [...values];
}

/**
 * A label column of numbers taking more than two values: the lab predicts the number (a regression)
 * instead of a class. A column of 0 and 1 stays two classes.
 */
export function isNumericLabel(raw: RawTable, column: number): boolean {
  const values = new Set<number>();
  for (const row of raw.rows) {
    const value = (row[column] ?? '').trim();
    if (isMissingLabel(value)) continue;
    if (numberProblem(value, '') !== null) return false;
    if (values.size < 3) values.add(Number(value));
  }
  return values.size > 2;
}

/** A first guess: names from a "name" column, the first two numeric columns, the last other column. */
export function suggestMapping(raw: RawTable): ColumnMapping {
  const count = raw.headers.length;
  const nameIndex = raw.headers.findIndex((header) => header.toLowerCase() === 'name');
  const name = nameIndex < 0 ? null : nameIndex;
  const firstRow = raw.rows[0] ?? [];
  const set = setColumn(raw.headers);
  const others = [...Array(count).keys()].filter((index) => index !== name && index !== set);
  const numeric = others.filter((index) => numberProblem(firstRow[index] ?? '', '') === null);
  const [x1 = 0, x2 = 1] = numeric.length >= 2 ? numeric : others;
  const label = others.filter((index) => index !== x1 && index !== x2).pop() ?? 2;
  const values = labelValues(raw, label);
  const positive =
    values.find((value) => value === '1') ??
    values.find((value) => FEMALE_VALUES.has(value.toLowerCase())) ??
    values[0] ??
    '';
  return { x1, x2, label, positive, name: name !== null && [x1, x2, label].includes(name) ? null : name };
}

/**
 * People from a mapped raw table: the first input fills the weight column, the second the height
 * column, and `labels` says what the lab calls them.
 */
export function applyMapping(raw: RawTable, mapping: ColumnMapping): ImportedPeople | CsvError {
  const chosen = [mapping.x1, mapping.x2, mapping.label];
  const inRange = (index: number) => Number.isInteger(index) && index >= 0 && index < raw.headers.length;
  if (!chosen.every(inRange) || new Set(chosen).size !== 3) {
    return { kind: 'error', message: 'Pick three different columns: two inputs and a label.' };
  }
  const name =
    mapping.name !== null && inRange(mapping.name) && !chosen.includes(mapping.name) ? mapping.name : null;
  const positive = mapping.positive.trim();
  const numeric = isNumericLabel(raw, mapping.label);
  const set = setColumn(raw.headers);
  const read = rowsToPeople(
    raw,
    {
      name,
      weight: mapping.x1,
      height: mapping.x2,
      label: mapping.label,
      names: [columnName(raw, mapping.x1), columnName(raw, mapping.x2)],
      set: set !== null && !chosen.includes(set) ? set : null,
      ...(numeric ? { numericTarget: columnName(raw, mapping.label) } : {}),
    },
    (cell) => (cell.trim() === positive ? 'F' : 'M'),
    (cell) => missingLabelProblem(columnName(raw, mapping.label), cell),
  );
  const labels = mappedLabels(raw, mapping, positive);
  const target = raw.headers[mapping.label] || `Column ${mapping.label + 1}`;
  return {
    ...read,
    units: 'imperial',
    labels: numeric ? { ...labels, positive: '', negative: '', target } : labels,
  };
}

/** The names the lab shows for a mapped file: its input headers, and its label values for 1 and 0. */
function mappedLabels(raw: RawTable, mapping: ColumnMapping, positive: string): DataLabels {
  const header = (index: number) => raw.headers[index] || `Column ${index + 1}`;
  const others = labelValues(raw, mapping.label).filter((value) => value !== positive);
  const negative = others.length === 1 ? others[0]! : `not ${positive}`;
  return { x1: header(mapping.x1), x2: header(mapping.x2), positive, negative };
}

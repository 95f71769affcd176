/**
 * What an export calls the network's inputs and classes, and how its inputs become the model's: the
 * article's weight and height in pounds and inches, kilograms and centimetres (converted to the pounds
 * and inches the network was trained in, with the lab's own factors), or an imported file's columns
 * and label values. Identifiers come from the names but are always valid and never shadow the code's
 * own names; comments carry the names on one line.
 */
import type { DataLabels } from './settings';
import type { NumericField } from './dataset';
import type { ScalingMode } from './scaling';
import { classNames, toModel, UNIT_SYMBOLS, type Measure } from './units';

export type CodeLanguage = 'javascript' | 'python';

/** What the lab knows about the data the network was trained on, beyond the network itself. */
export interface ExportTerms {
  /** How the table's numbers read: lb/in, kg/cm or an imported file's own columns. */
  readonly measure: Measure;
  /** An imported file's column names and label values; null: weight, height, Female and Male. */
  readonly labels: DataLabels | null;
  /** The Input scaling the run used. */
  readonly scaling: ScalingMode;
}

export const ARTICLE_TERMS: ExportTerms = { measure: 'imperial', labels: null, scaling: 'article' };

/** One input as an export names and converts it. */
export interface ExportInput {
  /** For comments and JSON: `weight`, or the file's column name (on one line). */
  readonly name: string;
  /** `lb`, `kg`…; null for an imported column. */
  readonly unit: string | null;
  /** The factor taking it to the model's units (lb, in); null when it goes in as it is. */
  readonly toModel: number | null;
  /** The function's parameter name in each language. */
  readonly identifier: Readonly<Record<CodeLanguage, string>>;
}

const FIELDS: readonly NumericField[] = ['weight', 'height'];

/** Names the generated code uses itself, and each language's reserved words. */
const TAKEN: Readonly<Record<CodeLanguage, ReadonlySet<string>>> = {
  javascript: new Set(
    (
      'predict sigmoid tanh relu Math arguments eval await break case catch class const continue ' +
      'debugger default delete do else enum export extends false finally for function if implements ' +
      'import in instanceof interface let new null package private protected public return static super ' +
      'switch this throw true try typeof var void while with yield undefined NaN Infinity'
    ).split(' '),
  ),
  python: new Set(
    (
      'predict math _sigmoid _relu torch nn copy model output False None True and as assert async await ' +
      'break class continue def ' +
      'del elif else except finally for from global if import in is lambda nonlocal not or pass raise ' +
      'return try while with yield'
    ).split(' '),
  ),
};
/** The code's own variables: parameters (w1, b3), inputs (x1, x2), hidden outputs (h1…). */
const OWN_VARIABLE = /^(?:[wbh]\d+|x[12])$/;

/** Letters and digits of `name` (accents dropped), as words. */
function wordsOf(name: string): string[] {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .split(/[^A-Za-z0-9]+/)
    .filter((word) => word !== '');
}

/** A valid identifier for `name`: camelCase in JavaScript, snake_case in Python. */
export function identifierFor(name: string, language: CodeLanguage, fallback: string): string {
  const words = wordsOf(name);
  let id =
    language === 'javascript'
      ? words
          .map((word, i) =>
            i === 0
              ? word.charAt(0).toLowerCase() + word.slice(1)
              : word.charAt(0).toUpperCase() + word.slice(1),
          )
          .join('')
      : words.join('_').toLowerCase();
  if (id === '') return fallback;
  if (/^\d/.test(id)) id = language === 'javascript' ? `input${id}` : `input_${id}`;
  return unreserved(id, language);
}

/** `id`, or `id` marked as an input when the code or the language already uses it. */
function unreserved(id: string, language: CodeLanguage): string {
  if (!TAKEN[language].has(id) && !OWN_VARIABLE.test(id)) return id;
  return language === 'javascript' ? `${id}Input` : `${id}_input`;
}

/** Text safe inside a one-line comment: no line breaks (a JavaScript comment also ends at U+2028). */
export function oneLine(text: string): string {
  // Control characters end a line in some editors; U+2028 and U+2029 end a JavaScript comment.
  // eslint-disable-next-line no-control-regex -- finding control characters is the point
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ').trim();
}

function inputOf(terms: ExportTerms, field: NumericField, index: 0 | 1): ExportInput {
  const { measure, labels } = terms;
  const fallback = (language: CodeLanguage) =>
    language === 'javascript' ? `input${index + 1}` : `input_${index + 1}`;
  if (measure === 'plain' && labels) {
    const name = oneLine(index === 0 ? labels.x1 : labels.x2);
    return {
      name,
      unit: null,
      toModel: null,
      identifier: {
        javascript: identifierFor(name, 'javascript', fallback('javascript')),
        python: identifierFor(name, 'python', fallback('python')),
      },
    };
  }
  const units = measure === 'metric' ? 'metric' : 'imperial';
  const unit = UNIT_SYMBOLS[units][field];
  const suffix = unit.charAt(0).toUpperCase() + unit.slice(1);
  return {
    name: field,
    unit,
    toModel: units === 'metric' ? toModel('metric', field, 1) : null,
    identifier:
      units === 'metric'
        ? { javascript: `${field}${suffix}`, python: `${field}_${unit}` }
        : { javascript: field, python: field },
  };
}

/** The two inputs as an export names them; two columns that would share an identifier get 1 and 2. */
export function exportInputs(terms: ExportTerms): readonly [ExportInput, ExportInput] {
  const [first, second] = FIELDS.map((field, i) => inputOf(terms, field, i as 0 | 1)) as [
    ExportInput,
    ExportInput,
  ];
  const clash = (language: CodeLanguage) => first.identifier[language] === second.identifier[language];
  if (!clash('javascript') && !clash('python')) return [first, second];
  const numbered = (input: ExportInput, n: number): ExportInput => ({
    ...input,
    identifier: {
      // Numbered, a name can become one of the code's own (w and w give w1 and w2).
      javascript: clash('javascript')
        ? unreserved(`${input.identifier.javascript}${n}`, 'javascript')
        : input.identifier.javascript,
      python: clash('python')
        ? unreserved(`${input.identifier.python}_${n}`, 'python')
        : input.identifier.python,
    },
  });
  return [numbered(first, 1), numbered(second, 2)];
}

/** What 1 and 0 mean: Female and Male, or the file's label values (on one line). */
export function exportClasses(terms: ExportTerms): { readonly positive: string; readonly negative: string } {
  const { F, M } = classNames(terms.labels);
  return { positive: oneLine(F), negative: oneLine(M) };
}

/** `weight in lb`, `weight in kg`, `body_mass_g`: an input as the notes describe it. */
export function describeInput(input: ExportInput): string {
  return input.unit === null ? input.name : `${input.name} in ${input.unit}`;
}

/**
 * The trained network taken out of the lab: its parameters as JSON, or a short standalone `predict`
 * function in JavaScript or Python. Numbers are written with every digit they need (the shortest text
 * that reads back as the same float64), and the code repeats the engine's operations in the engine's
 * order, so the JavaScript gives exactly the lab's predictions.
 */
import { PARAM_COUNT, PARAM_NAMES } from './network';
import type { Scaling } from './scaling';

export type CodeLanguage = 'javascript' | 'python';

export const CODE_LANGUAGE_LABELS: Readonly<Record<CodeLanguage, string>> = {
  javascript: 'JavaScript',
  python: 'Python',
};

export const CODE_FILE_NAMES: Readonly<Record<CodeLanguage, string>> = {
  javascript: 'predict.js',
  python: 'predict.py',
};

const INPUT_NOTE =
  'Inputs in this order: x1 = (weight in lb - offset[0]) / scale[0], x2 = (height in in - offset[1]) / scale[1]. ' +
  'h1 = sigmoid(w1*x1 + w2*x2 + b1), h2 = sigmoid(w3*x1 + w4*x2 + b2), ' +
  'output = sigmoid(w5*h1 + w6*h2 + b3); above 0.5 means Female (1), otherwise Male (0).';

/** Exact JavaScript number text; -0 keeps its sign. */
function jsNumber(x: number): string {
  return Object.is(x, -0) ? '-0' : String(x);
}

/** A Python float literal reading back as the same float64 (JavaScript's shortest digits are valid Python). */
function pyNumber(x: number): string {
  if (Number.isNaN(x)) return 'float("nan")';
  if (x === Infinity) return 'float("inf")';
  if (x === -Infinity) return '-float("inf")';
  const text = jsNumber(x);
  return /[.eE]/.test(text) ? text : `${text}.0`;
}

/** JSON keeps only finite numbers; a diverged parameter is written as the text "NaN" or "Infinity". */
function jsonNumber(x: number): number | string {
  return Number.isFinite(x) ? x : String(x);
}

export function exportWeightsJson(params: ArrayLike<number>, scaling: Scaling): string {
  const named = Object.fromEntries(PARAM_NAMES.map((name, i) => [name, jsonNumber(params[i] ?? Number.NaN)]));
  const body = {
    network: '2-2-1: two inputs, two sigmoid hidden neurons (h1, h2), one sigmoid output (o1)',
    note: INPUT_NOTE,
    params: named,
    scaling: { offset: scaling.offset.map(jsonNumber), scale: scaling.scale.map(jsonNumber) },
  };
  return `${JSON.stringify(body, null, 2)}\n`;
}

function paramLines(params: ArrayLike<number>, write: (name: string, value: number) => string): string[] {
  const lines: string[] = [];
  for (let i = 0; i < PARAM_COUNT; i++) lines.push(write(PARAM_NAMES[i]!, params[i] ?? Number.NaN));
  return lines;
}

function javascriptCode(params: ArrayLike<number>, scaling: Scaling): string {
  const [o1, o2] = scaling.offset.map(jsNumber);
  const [s1, s2] = scaling.scale.map(jsNumber);
  return [
    '// The 2-2-1 network trained in Backprop Lab: weights w1..w6 and biases b1..b3 as in the article.',
    '// predict(weightLb, heightIn) returns the output in (0, 1); above 0.5 means Female.',
    'function predict(weight, height) {',
    ...paramLines(params, (name, value) => `  const ${name} = ${jsNumber(value)};`),
    `  const x1 = (weight - ${o1}) / ${s1};`,
    `  const x2 = (height - ${o2}) / ${s2};`,
    '  const sigmoid = (x) => 1 / (1 + Math.exp(-x));',
    '  const h1 = sigmoid(w1 * x1 + w2 * x2 + b1);',
    '  const h2 = sigmoid(w3 * x1 + w4 * x2 + b2);',
    '  return sigmoid(w5 * h1 + w6 * h2 + b3);',
    '}',
    '',
  ].join('\n');
}

function pythonCode(params: ArrayLike<number>, scaling: Scaling): string {
  const [o1, o2] = scaling.offset.map(pyNumber);
  const [s1, s2] = scaling.scale.map(pyNumber);
  return [
    '# The 2-2-1 network trained in Backprop Lab: weights w1..w6 and biases b1..b3 as in the article.',
    '# predict(weight_lb, height_in) returns the output in (0, 1); above 0.5 means Female.',
    'import math',
    '',
    '',
    'def _sigmoid(x):',
    '    try:',
    '        return 1.0 / (1.0 + math.exp(-x))',
    '    except OverflowError:',
    '        return 0.0  # exp overflowed: 1 / (1 + inf) is 0, as in JavaScript',
    '',
    '',
    'def predict(weight, height):',
    ...paramLines(params, (name, value) => `    ${name} = ${pyNumber(value)}`),
    `    x1 = (weight - ${o1}) / ${s1}`,
    `    x2 = (height - ${o2}) / ${s2}`,
    '    h1 = _sigmoid(w1 * x1 + w2 * x2 + b1)',
    '    h2 = _sigmoid(w3 * x1 + w4 * x2 + b2)',
    '    return _sigmoid(w5 * h1 + w6 * h2 + b3)',
    '',
  ].join('\n');
}

/** A standalone `predict(weight, height)` holding the trained weights and the input scaling. */
export function exportAsCode(params: ArrayLike<number>, scaling: Scaling, language: CodeLanguage): string {
  return language === 'python' ? pythonCode(params, scaling) : javascriptCode(params, scaling);
}

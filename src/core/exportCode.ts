/**
 * The trained network taken out of the lab: its parameters as JSON, or a short standalone `predict`
 * function in JavaScript or Python. Numbers are written with every digit they need (the shortest text
 * that reads back as the same float64), and the code repeats the engine's operations in the engine's
 * order, so the JavaScript gives exactly the lab's predictions, for any number of hidden neurons and
 * any hidden activation.
 */
import { ACTIVATION_LABELS, hasArticleForward, paramNames, type HiddenActivation } from './architecture';
import type { Network } from './engine';
import type { ForwardShape } from './netForward';
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

/** The network's formulas in words, e.g. h1 = tanh(w1*x1 + w2*x2 + b1), …, output = sigmoid(…). */
function formulas(net: ForwardShape, names: readonly string[]): string {
  const { hidden, activation } = net;
  const lines: string[] = [];
  for (let j = 0; j < hidden; j++) {
    const sum = `${names[2 * j]}*x1 + ${names[2 * j + 1]}*x2 + ${names[3 * hidden + j]}`;
    lines.push(`h${j + 1} = ${activation}(${sum})`);
  }
  const terms = Array.from({ length: hidden }, (_, j) => `${names[2 * hidden + j]}*h${j + 1}`);
  lines.push(`output = sigmoid(${[...terms, names[4 * hidden]].join(' + ')})`);
  return lines.join(', ');
}

function inputNote(net: ForwardShape, names: readonly string[]): string {
  return (
    'Inputs in this order: x1 = (weight in lb - offset[0]) / scale[0], x2 = (height in in - offset[1]) / scale[1]. ' +
    `${formulas(net, names)}; above 0.5 means Female (1), otherwise Male (0).`
  );
}

function describeNetwork(net: ForwardShape): string {
  if (hasArticleForward(net))
    return '2-2-1: two inputs, two sigmoid hidden neurons (h1, h2), one sigmoid output (o1)';
  const kind = ACTIVATION_LABELS[net.activation];
  return `2-${net.hidden}-1: two inputs, ${net.hidden} ${kind} hidden neuron${net.hidden === 1 ? '' : 's'}, one sigmoid output (o1)`;
}

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

/** The parameters by name and the input scaling, as JSON. */
export function exportWeightsJson(network: Network): string {
  const { architecture: net, params, scaling } = network;
  const names = paramNames(net.hidden);
  const named = Object.fromEntries(names.map((name, i) => [name, jsonNumber(params[i] ?? Number.NaN)]));
  const body = {
    network: describeNetwork(net),
    ...(hasArticleForward(net) ? {} : { hidden: net.hidden, activation: net.activation }),
    note: inputNote(net, names),
    params: named,
    scaling: { offset: scaling.offset.map(jsonNumber), scale: scaling.scale.map(jsonNumber) },
  };
  return `${JSON.stringify(body, null, 2)}\n`;
}

function paramLines(
  params: ArrayLike<number>,
  names: readonly string[],
  write: (name: string, value: number) => string,
): string[] {
  return names.map((name, i) => write(name, params[i] ?? Number.NaN));
}

/** The comment on top of the code: which network, which parameters. */
function header(net: ForwardShape, names: readonly string[]): string {
  const range = `weights w1..${names[3 * net.hidden - 1]} and biases b1..${names[4 * net.hidden]}`;
  return hasArticleForward(net)
    ? `The 2-2-1 network trained in Backprop Lab: ${range} as in the article.`
    : `The 2-${net.hidden}-1 network trained in Backprop Lab (${net.activation} hidden neurons): ${range}.`;
}

/** h_j = act(w*x1 + w*x2 + b) and the output's sum, as expressions (the engine's order of operations). */
function neuronExpressions(net: ForwardShape, names: readonly string[], activation: string) {
  const { hidden } = net;
  const hiddenLines = Array.from(
    { length: hidden },
    (_, j) =>
      [
        `h${j + 1}`,
        `${activation}(${names[2 * j]} * x1 + ${names[2 * j + 1]} * x2 + ${names[3 * hidden + j]})`,
      ] as const,
  );
  const terms = Array.from({ length: hidden }, (_, j) => `${names[2 * hidden + j]} * h${j + 1}`);
  return { hiddenLines, outputSum: [...terms, names[4 * hidden]].join(' + ') };
}

const JS_ACTIVATIONS: Readonly<Record<HiddenActivation, string>> = {
  sigmoid: '',
  tanh: '  const tanh = Math.tanh;',
  relu: '  const relu = (x) => (x > 0 ? x : 0);',
};

function javascriptCode(params: ArrayLike<number>, scaling: Scaling, net: ForwardShape): string {
  const names = paramNames(net.hidden);
  const [o1, o2] = scaling.offset.map(jsNumber);
  const [s1, s2] = scaling.scale.map(jsNumber);
  const { hiddenLines, outputSum } = neuronExpressions(net, names, net.activation);
  return [
    `// ${header(net, names)}`,
    '// predict(weightLb, heightIn) returns the output in (0, 1); above 0.5 means Female.',
    'function predict(weight, height) {',
    ...paramLines(params, names, (name, value) => `  const ${name} = ${jsNumber(value)};`),
    `  const x1 = (weight - ${o1}) / ${s1};`,
    `  const x2 = (height - ${o2}) / ${s2};`,
    '  const sigmoid = (x) => 1 / (1 + Math.exp(-x));',
    ...(JS_ACTIVATIONS[net.activation] ? [JS_ACTIVATIONS[net.activation]] : []),
    ...hiddenLines.map(([name, expression]) => `  const ${name} = ${expression};`),
    `  return sigmoid(${outputSum});`,
    '}',
    '',
  ].join('\n');
}

const PY_ACTIVATIONS: Readonly<Record<HiddenActivation, readonly string[]>> = {
  sigmoid: [],
  tanh: [],
  relu: ['def _relu(x):', '    return x if x > 0 else 0.0', '', ''],
};

const PY_ACTIVATION_CALLS: Readonly<Record<HiddenActivation, string>> = {
  sigmoid: '_sigmoid',
  tanh: 'math.tanh',
  relu: '_relu',
};

function pythonCode(params: ArrayLike<number>, scaling: Scaling, net: ForwardShape): string {
  const names = paramNames(net.hidden);
  const [o1, o2] = scaling.offset.map(pyNumber);
  const [s1, s2] = scaling.scale.map(pyNumber);
  const { hiddenLines, outputSum } = neuronExpressions(net, names, PY_ACTIVATION_CALLS[net.activation]);
  return [
    `# ${header(net, names)}`,
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
    ...PY_ACTIVATIONS[net.activation],
    'def predict(weight, height):',
    ...paramLines(params, names, (name, value) => `    ${name} = ${pyNumber(value)}`),
    `    x1 = (weight - ${o1}) / ${s1}`,
    `    x2 = (height - ${o2}) / ${s2}`,
    ...hiddenLines.map(([name, expression]) => `    ${name} = ${expression}`),
    `    return _sigmoid(${outputSum})`,
    '',
  ].join('\n');
}

/**
 * A standalone `predict(weight, height)` holding the network's trained weights and input scaling, for
 * its shape (hidden neurons and their activation).
 */
export function exportAsCode(network: Network, language: CodeLanguage): string {
  const { architecture: net, params, scaling } = network;
  return language === 'python' ? pythonCode(params, scaling, net) : javascriptCode(params, scaling, net);
}

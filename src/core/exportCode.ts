/**
 * The trained network taken out of the lab: its parameters as JSON, or a short standalone `predict`
 * function in JavaScript or Python. Numbers are written with every digit they need (the shortest text
 * that reads back as the same float64), and the code repeats the engine's operations in the engine's
 * order, so the JavaScript gives exactly the lab's predictions, for any number of hidden neurons and
 * any hidden activation and any feature inputs (x1², x1·x2, sin x1, … worked out from the scaled x1, x2
 * as the engine does). The inputs are taken as Predict takes them (lb/in, kg/cm or an imported file's
 * columns) and the comments use the data's own names (exportTerms.ts). A weight penalty shaped the
 * training only; the code says so, and predicts without it.
 */
import {
  ACTIVATION_LABELS,
  LOSS_LABELS,
  hasArticleForward,
  type Architecture,
  type HiddenActivation,
} from './architecture';
import { networkParamNames } from './layerNames';
import {
  hiddenSizes,
  isLayered,
  layerBiasIndex,
  layerWeightIndex,
  networkWeightCount,
  planFor,
} from './layerShape';
import { DEFAULT_FEATURES, FEATURE_CODE, FEATURE_SYMBOLS, hasPlainInputs, type Feature } from './features';
import { REGULARIZATION_LABELS } from './regularization';
import { optimizerChoice } from './optimizer';
import { optimizerInWords, optimizerJson, torchOptimizer } from './exportOptimizer';
import type { Network } from './engine';
import {
  ARTICLE_TERMS,
  describeInput,
  exportClasses,
  exportInputs,
  type CodeLanguage,
  type ExportInput,
  type ExportTerms,
} from './exportTerms';
import type { ForwardShape } from './netForward';
import { SCALING_LABELS } from './scaling';

export type { CodeLanguage, ExportTerms };

export const CODE_LANGUAGE_LABELS: Readonly<Record<CodeLanguage, string>> = {
  javascript: 'JavaScript',
  python: 'Python',
};

export const CODE_FILE_NAMES: Readonly<Record<CodeLanguage, string>> = {
  javascript: 'predict.js',
  python: 'predict.py',
};

const featuresOf = (net: ForwardShape): readonly Feature[] => net.features ?? DEFAULT_FEATURES;

/** A feature input as an operand of the exported code: x1, or (x1 * x1), Math.sin(x1), math.sin(x1). */
function featureOperand(feature: Feature, language: CodeLanguage | 'words'): string {
  if (feature === 'x1' || feature === 'x2') return feature;
  const code = FEATURE_CODE[feature];
  if (feature === 'sinX1' || feature === 'sinX2') {
    return language === 'javascript' ? `Math.${code}` : language === 'python' ? `math.${code}` : code;
  }
  return `(${code})`;
}

/** A neuron as the code computes it: its inputs (parameter index, operand) and its bias's index. */
interface NeuronWiring {
  readonly name: string;
  readonly terms: readonly (readonly [param: number, input: string])[];
  readonly bias: number;
}

/**
 * Every hidden neuron (h1 … hK, numbered across the layers as the engine numbers them) and the output,
 * with the parameters they read in the layout of layerShape.ts and in the engine's order of operations.
 */
function wiring(net: ForwardShape, operand: (feature: Feature) => string) {
  const features = featuresOf(net);
  const plan = planFor({ ...net, features });
  const neurons: NeuronWiring[] = [];
  let previous = features.map(operand);
  for (let l = 1; l <= plan.layers + 1; l++) {
    const current: string[] = [];
    for (let j = 0; j < plan.sizes[l]!; j++) {
      const name = l > plan.layers ? 'o1' : `h${plan.nodeStart[l]! + j + 1}`;
      const terms = previous.map((input, i) => [layerWeightIndex(plan, l, j, i), input] as const);
      neurons.push({ name, terms, bias: layerBiasIndex(plan, l, j) });
      current.push(name);
    }
    previous = current;
  }
  const output = neurons.pop()!;
  return { hidden: neurons, output };
}

/** The network's formulas in words, e.g. h1 = tanh(w1*x1 + w2*x2 + b1), …, output = sigmoid(…). */
function formulas(net: ForwardShape, names: readonly string[]): string {
  const { hidden, output } = wiring(net, (feature) => featureOperand(feature, 'words'));
  const sumOf = (neuron: NeuronWiring) =>
    [...neuron.terms.map(([param, input]) => `${names[param]}*${input}`), names[neuron.bias]].join(' + ');
  const lines = hidden.map((neuron) => `${neuron.name} = ${net.activation}(${sumOf(neuron)})`);
  const sum = sumOf(output);
  lines.push(net.output === 'linear' ? `output = ${sum}` : `output = sigmoid(${sum})`);
  return lines.join(', ');
}

/** How raw input `index` becomes x1 or x2, in words: `(weight in kg * 2.2046226218487757 - offset[0]) / scale[0]`. */
function scaledInWords(input: ExportInput, index: 0 | 1): string {
  const raw =
    input.toModel === null ? describeInput(input) : `${describeInput(input)} * ${jsNumber(input.toModel)}`;
  return `x${index + 1} = (${raw} - offset[${index}]) / scale[${index}]`;
}

function inputNote(net: ForwardShape, names: readonly string[], terms: ExportTerms): string {
  const [first, second] = exportInputs(terms);
  const { positive, negative } = exportClasses(terms);
  return (
    `Inputs in this order: ${scaledInWords(first, 0)}, ${scaledInWords(second, 1)}. ` +
    `${formulas(net, names)}${net.output === 'linear' ? '.' : `; above 0.5 means ${positive} (1), otherwise ${negative} (0).`}`
  );
}

/** The weight penalty the training added, in words, or '' without one. */
function penaltyNote(architecture: Architecture): string {
  const { regularization, regularizationRate } = architecture;
  if (regularization === 'none') return '';
  return (
    ` Trained with ${REGULARIZATION_LABELS[regularization]} regularization (rate ${jsNumber(regularizationRate)}) ` +
    'on the weights, not the biases: the penalty only shaped training, and predict does not use it.'
  );
}

/** The optimizer that trained the parameters, in words, or '' for the article's plain SGD. */
function optimizerNote(architecture: Architecture): string {
  if (optimizerChoice(architecture) === 'sgd') return '';
  return ` Optimizer: ${optimizerInWords(architecture)}, as ${torchOptimizer(architecture, null, 'params')} steps.`;
}

/** The training that shaped the parameters, in words: the loss, the input scaling, any penalty, the optimizer. */
function trainingNote(architecture: Architecture, terms: ExportTerms): string {
  return (
    `Trained on ${LOSS_LABELS[architecture.loss].toLowerCase()}, inputs scaled by ${SCALING_LABELS[terms.scaling]}.` +
    penaltyNote(architecture) +
    optimizerNote(architecture)
  );
}

export function describeNetwork(net: ForwardShape): string {
  if (hasArticleForward(net))
    return '2-2-1: two inputs, two sigmoid hidden neurons (h1, h2), one sigmoid output (o1)';
  const kind = ACTIVATION_LABELS[net.activation];
  const features = featuresOf(net);
  const inputs = hasPlainInputs(features)
    ? 'two inputs'
    : `${features.length} input${features.length === 1 ? '' : 's'} (${features.map((f) => FEATURE_SYMBOLS[f]).join(', ')})`;
  const output = net.output === 'linear' ? 'linear' : 'sigmoid';
  const sizes = hiddenSizes(net);
  if (sizes.length > 1) {
    return `${features.length}-${sizes.join('-')}-1: ${inputs}, ${sizes.length} ${kind} hidden layers of ${sizes.join(', ')} neurons (h1 … h${sizes.reduce((a, b) => a + b)}, layer by layer), one ${output} output (o1)`;
  }
  return `${features.length}-${net.hidden}-1: ${inputs}, ${net.hidden} ${kind} hidden neuron${net.hidden === 1 ? '' : 's'}, one ${output} output (o1)`;
}

/** Exact JavaScript number text; -0 keeps its sign. */
function jsNumber(x: number): string {
  return Object.is(x, -0) ? '-0' : String(x);
}

/** A Python float literal reading back as the same float64 (JavaScript's shortest digits are valid Python). */
export function pyNumber(x: number): string {
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

/** The parameters by name, the input scaling, and what the inputs and classes are, as JSON. */
export function exportWeightsJson(network: Network, terms: ExportTerms = ARTICLE_TERMS): string {
  const { architecture: net, params, scaling } = network;
  const names = networkParamNames(net);
  const named = Object.fromEntries(names.map((name, i) => [name, jsonNumber(params[i] ?? Number.NaN)]));
  const { positive, negative } = exportClasses(terms);
  const body = {
    network: describeNetwork(net),
    ...(hasArticleForward(net) ? {} : { hidden: net.hidden, activation: net.activation }),
    ...(isLayered(net) ? { hiddenLayers: hiddenSizes(net) } : {}),
    ...(hasPlainInputs(net.features) ? {} : { features: net.features.map((f) => FEATURE_SYMBOLS[f]) }),
    loss: LOSS_LABELS[net.loss],
    ...(net.regularization === 'none'
      ? {}
      : {
          regularization: REGULARIZATION_LABELS[net.regularization],
          regularizationRate: net.regularizationRate,
          regularizationNote: penaltyNote(net).trim(),
        }),
    inputs: exportInputs(terms).map((input) => ({
      name: input.name,
      ...(input.unit === null ? {} : { unit: input.unit }),
      ...(input.toModel === null ? {} : { toTrainedUnits: input.toModel }),
    })),
    ...(net.output === 'linear'
      ? { target: terms.labels?.target ?? 'target' }
      : { classes: { '1': positive, '0': negative } }),
    ...(optimizerChoice(net) === 'sgd' ? {} : { optimizer: optimizerJson(net) }),
    note: inputNote(net, names, terms),
    params: named,
    inputScaling: SCALING_LABELS[terms.scaling],
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
export function header(net: ForwardShape, names: readonly string[]): string {
  const features = featuresOf(net);
  const weights = networkWeightCount({ ...net, features });
  const range = `weights w1..${names[weights - 1]} and biases b1..${names[names.length - 1]}`;
  if (hasArticleForward(net)) return `The 2-2-1 network trained in Backprop Lab: ${range} as in the article.`;
  const inputs = hasPlainInputs(features)
    ? ''
    : `, inputs ${features.map((f) => FEATURE_SYMBOLS[f]).join(', ')} from the scaled x1, x2`;
  return `The ${features.length}-${hiddenSizes(net).join('-')}-1 network trained in Backprop Lab (${net.activation} hidden neurons${inputs}): ${range}.`;
}

/** h_k = act(w*x1 + w*x2 + b), layer by layer, and the output's sum, as expressions (the engine's order of operations). */
function neuronExpressions(
  net: ForwardShape,
  names: readonly string[],
  activation: string,
  language: CodeLanguage,
) {
  const { hidden, output } = wiring(net, (feature) => featureOperand(feature, language));
  const sumOf = (neuron: NeuronWiring) =>
    [...neuron.terms.map(([param, input]) => `${names[param]} * ${input}`), names[neuron.bias]].join(' + ');
  const hiddenLines = hidden.map((neuron) => [neuron.name, `${activation}(${sumOf(neuron)})`] as const);
  return { hiddenLines, outputSum: sumOf(output) };
}

const JS_ACTIVATIONS: Readonly<Record<HiddenActivation, string>> = {
  sigmoid: '',
  tanh: '  const tanh = Math.tanh;',
  relu: '  const relu = (x) => (x > 0 ? x : 0);',
};

/** The lines of a comment saying what predict takes and what its output means, and how it was trained. */
export function usageNote(network: Network, terms: ExportTerms, language: CodeLanguage): string[] {
  const [first, second] = exportInputs(terms);
  const { positive, negative } = exportClasses(terms);
  const call = `predict(${first.identifier[language]}, ${second.identifier[language]})`;
  if (network.architecture.output === 'linear') {
    const target = terms.labels?.target ?? 'target';
    return [
      `${call} takes ${describeInput(first)} and ${describeInput(second)} and returns the predicted ${target}`,
      `(a linear output: any number, in the units of the table's ${target} column).`,
      trainingNote(network.architecture, terms),
    ];
  }
  return [
    `${call} takes ${describeInput(first)} and ${describeInput(second)} and returns the output in (0, 1);`,
    `above 0.5 means ${positive} (1), otherwise ${negative} (0).`,
    trainingNote(network.architecture, terms),
  ];
}

/** `(weightKg * 2.2046226218487757 - 135) / 1`: the raw input into the model's units, then scaled. */
export function scaledInput(
  input: ExportInput,
  language: CodeLanguage,
  offset: string,
  scale: string,
): string {
  const id = input.identifier[language];
  const factor =
    input.toModel === null ? null : language === 'python' ? pyNumber(input.toModel) : jsNumber(input.toModel);
  const raw = factor === null ? id : `${id} * ${factor}`;
  return `(${raw} - ${offset}) / ${scale}`;
}

function javascriptCode(network: Network, terms: ExportTerms): string {
  const { architecture: net, params, scaling } = network;
  const names = networkParamNames(net);
  const [o1, o2] = scaling.offset.map(jsNumber) as [string, string];
  const [s1, s2] = scaling.scale.map(jsNumber) as [string, string];
  const [first, second] = exportInputs(terms);
  const { hiddenLines, outputSum } = neuronExpressions(net, names, net.activation, 'javascript');
  return [
    `// ${header(net, names)}`,
    ...usageNote(network, terms, 'javascript').map((line) => `// ${line}`),
    `function predict(${first.identifier.javascript}, ${second.identifier.javascript}) {`,
    ...paramLines(params, names, (name, value) => `  const ${name} = ${jsNumber(value)};`),
    `  const x1 = ${scaledInput(first, 'javascript', o1, s1)};`,
    `  const x2 = ${scaledInput(second, 'javascript', o2, s2)};`,
    '  const sigmoid = (x) => 1 / (1 + Math.exp(-x));',
    ...(JS_ACTIVATIONS[net.activation] ? [JS_ACTIVATIONS[net.activation]] : []),
    ...hiddenLines.map(([name, expression]) => `  const ${name} = ${expression};`),
    net.output === 'linear' ? `  return ${outputSum};` : `  return sigmoid(${outputSum});`,
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

function pythonCode(network: Network, terms: ExportTerms): string {
  const { architecture: net, params, scaling } = network;
  const names = networkParamNames(net);
  const [o1, o2] = scaling.offset.map(pyNumber) as [string, string];
  const [s1, s2] = scaling.scale.map(pyNumber) as [string, string];
  const [first, second] = exportInputs(terms);
  const activation = PY_ACTIVATION_CALLS[net.activation];
  const { hiddenLines, outputSum } = neuronExpressions(net, names, activation, 'python');
  return [
    `# ${header(net, names)}`,
    ...usageNote(network, terms, 'python').map((line) => `# ${line}`),
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
    `def predict(${first.identifier.python}, ${second.identifier.python}):`,
    ...paramLines(params, names, (name, value) => `    ${name} = ${pyNumber(value)}`),
    `    x1 = ${scaledInput(first, 'python', o1, s1)}`,
    `    x2 = ${scaledInput(second, 'python', o2, s2)}`,
    ...hiddenLines.map(([name, expression]) => `    ${name} = ${expression}`),
    net.output === 'linear' ? `    return ${outputSum}` : `    return _sigmoid(${outputSum})`,
    '',
  ].join('\n');
}

/**
 * A standalone `predict` holding the network's trained weights and input scaling, for its shape
 * (hidden neurons and their activation), taking its inputs as Predict does (`terms`).
 */
export function exportAsCode(
  network: Network,
  language: CodeLanguage,
  terms: ExportTerms = ARTICLE_TERMS,
): string {
  return language === 'python' ? pythonCode(network, terms) : javascriptCode(network, terms);
}

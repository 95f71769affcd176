/**
 * The trained network as PyTorch: an nn.Module with the lab's weights loaded, the same input scaling and
 * feature inputs, a `predict` taking inputs as Predict takes them, and a training loop that goes on
 * training as the lab does (the same loss, optimizer, batches and weight penalty, on the training rows).
 * It computes in float64, as the lab does, so its predictions are the lab's to rounding. Each part is a
 * section of its own, so the notebook export (exportCodeNotebook.ts) makes its cells from the same text.
 */
import { LOSS_LABELS, type Architecture } from './architecture';
import { networkParamNames } from './layerNames';
import { layerBiasIndex, layerWeightIndex, planFor } from './layerShape';
import type { Network } from './engine';
import type { CheckedTable } from './checkedTable';
import {
  CODE_FILE_NAMES,
  CODE_LANGUAGE_LABELS,
  describeNetwork,
  exportAsCode,
  header,
  pyNumber,
  scaledInput,
  usageNote,
  type CodeLanguage,
  type ExportTerms,
} from './exportCode';
import { describeInput, exportInputs } from './exportTerms';
import { torchOptimizer } from './exportOptimizer';
import { DEFAULT_FEATURES, FEATURE_CODE, hasPlainInputs, type Feature } from './features';
import { REGULARIZATION_LABELS } from './regularization';
import { SAMPLE_ORDER_LABELS, type SampleOrder } from './trainer';

/** How the run trains, beyond the network: what the exported training loop repeats. */
export interface TorchTraining {
  readonly learningRate: number;
  readonly sampleOrder: SampleOrder;
  /** The seed the run started from (the loop seeds PyTorch's own shuffle with it). */
  readonly seed: number;
  /** The training rows (test rows left out), in the units the network was trained in (lb, in). */
  readonly rows: {
    readonly count: number;
    readonly weights: ArrayLike<number>;
    readonly heights: ArrayLike<number>;
    readonly targets: ArrayLike<number>;
  };
}

/** One fully connected layer as nn.Linear holds it: weight[out][in], bias[out]. */
export interface DenseLayer {
  readonly name: string;
  readonly inputs: number;
  readonly outputs: number;
  readonly weight: readonly (readonly number[])[];
  readonly bias: readonly number[];
  /** The PyTorch call applied to the layer's sums, or null for none (a linear output). */
  readonly activation: string | null;
}

const TORCH_ACTIVATIONS: Readonly<Record<Architecture['activation'], string>> = {
  sigmoid: 'torch.sigmoid',
  tanh: 'torch.tanh',
  relu: 'torch.relu',
};

/**
 * The network's layers in order, read from its parameter vector (the layout of architecture.ts): the
 * hidden layer, then the output neuron. The output's activation is left to `predict` and the loss, so
 * the module returns the output sum z (cross-entropy then takes z, as BCEWithLogitsLoss does).
 */
export function denseLayers(network: Network): DenseLayer[] {
  const { architecture, params } = network;
  const plan = planFor(architecture);
  const at = (index: number) => params[index] ?? Number.NaN;
  const layers: DenseLayer[] = [];
  // Layer l = 1 … L + 1 of the plan (the last is the output), in the engine's own parameter order.
  for (let l = 1; l <= plan.layers + 1; l++) {
    const inputs = plan.sizes[l - 1]!;
    const outputs = plan.sizes[l]!;
    const isOutput = l === plan.layers + 1;
    layers.push({
      name: isOutput ? 'output' : plan.layers === 1 ? 'hidden' : `hidden${l}`,
      inputs,
      outputs,
      weight: Array.from({ length: outputs }, (_, j) =>
        Array.from({ length: inputs }, (_, f) => at(layerWeightIndex(plan, l, j, f))),
      ),
      bias: Array.from({ length: outputs }, (_, j) => at(layerBiasIndex(plan, l, j))),
      activation: isOutput ? null : TORCH_ACTIVATIONS[architecture.activation],
    });
  }
  return layers;
}

/**
 * The optimizer line of the training loop: the torch.optim call that steps as the run does (PyTorch's own
 * update rules). Every optimizer the engine gains is written here, once.
 */
export function torchOptimizerLine(architecture: Architecture, learningRate: number): string {
  // PyTorch's momentum keeps b ← μ b + g and steps p ← p − η b: the lab's v ← μ v − η g, p ← p + v, with v = −η b.
  return torchOptimizer(architecture, learningRate, 'params');
}

/** Samples per step in the loop: 1, the mini-batch size, or every training row. */
function batchExpression(architecture: Architecture): string {
  if (architecture.update === 'sample') return '1';
  if (architecture.update === 'mini-batch') return String(architecture.batchSize);
  return 'len(TARGETS)';
}

const pyList = (values: readonly number[]) => `[${values.map(pyNumber).join(', ')}]`;

function featureTerm(feature: Feature): string {
  if (feature === 'sinX1' || feature === 'sinX2') return `torch.${FEATURE_CODE[feature]}`;
  return FEATURE_CODE[feature];
}

/** The comment block on top, then the imports and float64. */
function preamble(network: Network, terms: ExportTerms, training: TorchTraining): string {
  const names = networkParamNames(network.architecture);
  const notes = [
    `${header(network.architecture, names)}`,
    `Network: ${describeNetwork(network.architecture)}.`,
    ...usageNote(network, terms, 'python'),
    `train(model, epochs) goes on training it as the lab does: ${trainingWords(network.architecture, training)}`,
  ];
  return [
    ...notes.map((line) => `# ${line}`),
    'import copy',
    '',
    'import torch',
    'from torch import nn',
    '',
    'torch.set_default_dtype(torch.float64)  # the lab computes in float64',
  ].join('\n');
}

function trainingWords(architecture: Architecture, training: TorchTraining): string {
  const batch =
    architecture.update === 'sample'
      ? 'one step per sample'
      : architecture.update === 'mini-batch'
        ? `mini-batches of ${architecture.batchSize}`
        : 'one step per epoch on every row';
  const order =
    training.sampleOrder === 'shuffled'
      ? 'shuffled by PyTorch (a different order from the lab’s)'
      : SAMPLE_ORDER_LABELS['in-order'].toLowerCase();
  const penalty =
    architecture.regularization === 'none'
      ? ''
      : `, ${REGULARIZATION_LABELS[architecture.regularization]} penalty on the weights`;
  return `${LOSS_LABELS[architecture.loss].toLowerCase()}, ${batch}, samples ${order}${penalty}.`;
}

/** The training rows, in the network's units, and their targets. */
export function torchDataSection(network: Network, terms: ExportTerms, training: TorchTraining): string {
  const { rows } = training;
  const [first, second] = exportInputs(terms);
  const lines = Array.from(
    { length: rows.count },
    (_, i) => `    [${pyNumber(rows.weights[i]!)}, ${pyNumber(rows.heights[i]!)}],`,
  );
  const { scaling } = network;
  const inUnits =
    terms.measure === 'plain'
      ? `${describeInput(first)}, ${describeInput(second)}`
      : 'weight in lb, height in in';
  return [
    `# The ${rows.count} training row${rows.count === 1 ? '' : 's'} (${inUnits}, as the network was trained) and their targets.`,
    'INPUTS = torch.tensor([',
    ...lines,
    `]).reshape(-1, 2)`,
    `TARGETS = torch.tensor(${pyList(Array.from({ length: rows.count }, (_, i) => rows.targets[i]!))})`,
    '',
    '# Input scaling: x = (raw - OFFSET) / SCALE.',
    `OFFSET = torch.tensor(${pyList([...scaling.offset])})`,
    `SCALE = torch.tensor(${pyList([...scaling.scale])})`,
  ].join('\n');
}

/** The module, with the lab's weights loaded. */
export function torchModelSection(network: Network): string {
  const features = network.architecture.features ?? DEFAULT_FEATURES;
  const layers = denseLayers(network);
  const featureLines = hasPlainInputs(features)
    ? ['    return x']
    : [
        '    x1, x2 = x[:, 0], x[:, 1]',
        `    return torch.stack([${features.map(featureTerm).join(', ')}], dim=1)`,
      ];
  const forward = layers.map((layer, i) => {
    const source = i === 0 ? 'features(x)' : 'x';
    const sum = `self.${layer.name}(${source})`;
    return `        x = ${layer.activation === null ? sum : `${layer.activation}(${sum})`}`;
  });
  const loads = layers.flatMap((layer) => [
    `    model.${layer.name}.weight.copy_(torch.tensor([${layer.weight.map(pyList).join(', ')}]))`,
    `    model.${layer.name}.bias.copy_(torch.tensor(${pyList(layer.bias)}))`,
  ]);
  return [
    'def features(x):',
    '    """The input neurons’ values, from the scaled inputs x1, x2 (the columns of x)."""',
    ...featureLines,
    '',
    '',
    'class Net(nn.Module):',
    '    def __init__(self):',
    '        super().__init__()',
    ...layers.map((layer) => `        self.${layer.name} = nn.Linear(${layer.inputs}, ${layer.outputs})`),
    '',
    '    def forward(self, x):',
    '        """The output neuron’s sum z for scaled inputs x, one row per sample."""',
    ...forward,
    '        return x.squeeze(1)',
    '',
    '',
    'model = Net()',
    'with torch.no_grad():  # the weights trained in the lab',
    ...loads,
  ].join('\n');
}

/** How the output sum becomes the prediction, and `predict` for raw inputs. */
export function torchPredictSection(network: Network, terms: ExportTerms): string {
  const [first, second] = exportInputs(terms);
  const linear = network.architecture.output === 'linear';
  const x1 = scaledInput(first, 'python', 'OFFSET[0].item()', 'SCALE[0].item()');
  const x2 = scaledInput(second, 'python', 'OFFSET[1].item()', 'SCALE[1].item()');
  return [
    'def output(model, x):',
    `    """The network’s output for scaled inputs x: ${linear ? 'the sum z itself (a linear output)' : 'sigmoid(z), in (0, 1)'}."""`,
    `    return ${linear ? 'model(x)' : 'torch.sigmoid(model(x))'}`,
    '',
    '',
    `def predict(${first.identifier.python}, ${second.identifier.python}, model=model):`,
    `    x1 = ${x1}`,
    `    x2 = ${x2}`,
    '    with torch.no_grad():',
    '        return output(model, torch.tensor([[x1, x2]]))[0].item()',
  ].join('\n');
}

/** The data loss, the weight penalty and the loop. */
export function torchTrainingSection(network: Network, training: TorchTraining): string {
  const { architecture } = network;
  const linear = architecture.output === 'linear';
  const dataLoss =
    architecture.loss === 'bce' && !linear
      ? ['    return nn.functional.binary_cross_entropy_with_logits(z, y)']
      : [`    return torch.mean((y - ${linear ? 'z' : 'torch.sigmoid(z)'}) ** 2)`];
  const { regularization, regularizationRate } = architecture;
  const penalty =
    regularization === 'none'
      ? ['    return 0.0']
      : [
          `    weights = [layer.weight for layer in (${denseLayers(network)
            .map((layer) => `model.${layer.name}`)
            .join(', ')})]  # not the biases`,
          regularization === 'l2'
            ? `    return ${pyNumber(regularizationRate)} * sum(0.5 * (w ** 2).sum() for w in weights)`
            : `    return ${pyNumber(regularizationRate)} * sum(w.abs().sum() for w in weights)`,
        ];
  const order =
    training.sampleOrder === 'shuffled'
      ? `torch.randperm(len(TARGETS), generator=generator)`
      : 'torch.arange(len(TARGETS))';
  return [
    'def data_loss(z, y):',
    `    """${LOSS_LABELS[architecture.loss]}, the mean over the samples given, from the output sums z."""`,
    ...dataLoss,
    '',
    '',
    'def penalty(model):',
    `    """The weight penalty each step adds (${REGULARIZATION_LABELS[regularization]})."""`,
    ...penalty,
    '',
    '',
    'def make_optimizer(params):',
    `    return ${torchOptimizerLine(architecture, training.learningRate)}`,
    '',
    '',
    `BATCH = ${batchExpression(architecture)}`,
    '',
    '',
    'def train(model, epochs):',
    '    """Trains `model` for `epochs` epochs as the lab does; returns the loss after each epoch."""',
    '    optimizer = make_optimizer(model.parameters())',
    `    generator = torch.Generator().manual_seed(${training.seed})`,
    '    x = (INPUTS - OFFSET) / SCALE',
    '    losses = []',
    '    for _ in range(epochs):',
    `        order = ${order}`,
    '        for start in range(0, len(order), BATCH):',
    '            batch = order[start:start + BATCH]',
    '            optimizer.zero_grad()',
    '            loss = data_loss(model(x[batch]), TARGETS[batch]) + penalty(model)',
    '            loss.backward()',
    '            optimizer.step()',
    '        with torch.no_grad():',
    '            losses.append(data_loss(model(x), TARGETS).item())',
    '    return losses',
  ].join('\n');
}

/** The whole script: the sections above, then a short demonstration when run. */
export function exportAsTorch(network: Network, terms: ExportTerms, training: TorchTraining): string {
  return [
    preamble(network, terms, training),
    '',
    torchDataSection(network, terms, training),
    '',
    '',
    torchModelSection(network),
    '',
    '',
    torchPredictSection(network, terms),
    '',
    '',
    torchTrainingSection(network, training),
    '',
    '',
    'if __name__ == "__main__":',
    '    print("outputs on the first training rows:", output(model, (INPUTS[:10] - OFFSET) / SCALE).tolist())',
    '    losses = train(copy.deepcopy(model), 100)',
    '    print("loss after 100 more epochs:", losses[-1])',
    '',
  ].join('\n');
}

/** Every language `Export as code` writes: the plain predict functions, and PyTorch. */
export type ExportLanguage = CodeLanguage | 'pytorch';

export const EXPORT_LANGUAGE_LABELS: Readonly<Record<ExportLanguage, string>> = {
  ...CODE_LANGUAGE_LABELS,
  pytorch: 'PyTorch',
};

export const EXPORT_FILE_NAMES: Readonly<Record<ExportLanguage, string>> = {
  ...CODE_FILE_NAMES,
  pytorch: 'model.py',
};

/** The code for `language`: PyTorch takes the run's training as well. */
export function exportCodeIn(
  language: ExportLanguage,
  network: Network,
  terms: ExportTerms,
  training: TorchTraining,
): string {
  return language === 'pytorch'
    ? exportAsTorch(network, terms, training)
    : exportAsCode(network, language, terms);
}

/** The rows a run trains on: the table's valid rows less its test rows (mask entry 1). */
export function trainingRowsOf(table: CheckedTable, testMask: Uint8Array | null): TorchTraining['rows'] {
  const keep: number[] = [];
  for (let i = 0; i < table.count; i++) if (testMask?.[i] !== 1) keep.push(i);
  return {
    count: keep.length,
    weights: keep.map((i) => table.weights[i]!),
    heights: keep.map((i) => table.heights[i]!),
    targets: keep.map((i) => table.targets[i]!),
  };
}

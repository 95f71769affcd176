/**
 * `Export notebook`: the PyTorch export (exportCodeTorch.ts) as a Jupyter notebook (nbformat 4.5), with
 * a few words before each part: the data, the model with the lab's weights, more training as the lab
 * trains, the loss curve (matplotlib), and the predictions of the exported and the further-trained model.
 */
import type { Network } from './engine';
import { describeNetwork, type ExportTerms } from './exportCode';
import {
  torchDataSection,
  torchModelSection,
  torchPredictSection,
  torchTrainingSection,
  type TorchTraining,
} from './exportCodeTorch';

export const NOTEBOOK_FILE_NAME = 'backprop-lab.ipynb';

/** Epochs the notebook trains a copy of the exported model for, to draw a loss curve. */
export const NOTEBOOK_EPOCHS = 200;

interface Cell {
  readonly cell_type: 'markdown' | 'code';
  readonly id: string;
  readonly metadata: Record<string, never>;
  readonly source: readonly string[];
  readonly outputs?: readonly never[];
  readonly execution_count?: null;
}

/** A cell's source as nbformat keeps it: lines, each but the last ending in a newline. */
function sourceLines(text: string): string[] {
  const lines = text.split('\n');
  return lines.map((line, i) => (i < lines.length - 1 ? `${line}\n` : line)).filter((line) => line !== '');
}

function markdown(id: number, text: string): Cell {
  return { cell_type: 'markdown', id: `cell-${id}`, metadata: {}, source: sourceLines(text) };
}

function code(id: number, text: string): Cell {
  return {
    cell_type: 'code',
    id: `cell-${id}`,
    metadata: {},
    source: sourceLines(text),
    outputs: [],
    execution_count: null,
  };
}

const IMPORTS = [
  'import copy',
  '',
  'import matplotlib.pyplot as plt',
  'import torch',
  'from torch import nn',
  '',
  'torch.set_default_dtype(torch.float64)  # the lab computes in float64',
].join('\n');

const LOSS_CURVE = [
  'plt.plot(range(1, len(losses) + 1), losses)',
  'plt.xlabel("epoch")',
  'plt.ylabel("loss")',
  'plt.title("Training on from the lab’s weights")',
  'plt.show()',
].join('\n');

const PREDICTIONS = [
  'x = (INPUTS[:SHOWN_ROWS] - OFFSET) / SCALE  # the first rows; a big table would print for pages',
  'with torch.no_grad():',
  '    exported = output(model, x)',
  '    further = output(trained, x)',
  'print("row  target  exported model  after more training")',
  'for i, (target, a, b) in enumerate(zip(TARGETS[:SHOWN_ROWS].tolist(), exported.tolist(), further.tolist())):',
  '    print(f"{i + 1:3}  {target:6.3g}  {a:14.6f}  {b:19.6f}")',
].join('\n');

/** The notebook, as the JSON text of an .ipynb file. */
export function exportNotebook(network: Network, terms: ExportTerms, training: TorchTraining): string {
  const cells: Cell[] = [
    markdown(
      1,
      [
        '# The network trained in Backprop Lab, in PyTorch',
        '',
        `${describeNetwork(network.architecture)}, with the weights the lab trained. ` +
          'It computes in float64 as the lab does, so its predictions are the lab’s.',
      ].join('\n'),
    ),
    code(2, IMPORTS),
    markdown(3, '## Data\n\nThe training rows (test rows left out) and the input scaling the lab used.'),
    code(4, torchDataSection(network, terms, training)),
    markdown(5, '## Model\n\nAn `nn.Module` with the lab’s weights loaded, and `predict` for raw inputs.'),
    code(6, `${torchModelSection(network)}\n\n\n${torchPredictSection(network, terms)}`),
    markdown(
      7,
      '## Training\n\nThe same loss, optimizer, batches and weight penalty as the lab, on a copy of the model.',
    ),
    code(
      8,
      `${torchTrainingSection(network, training)}\n\n\nEPOCHS = ${NOTEBOOK_EPOCHS}\n` +
        'trained = copy.deepcopy(model)\nlosses = train(trained, EPOCHS)',
    ),
    markdown(9, '## Loss curve'),
    code(10, LOSS_CURVE),
    markdown(
      11,
      '## Predictions\n\nThe exported model (the lab’s outputs) and the copy trained further, on the first rows.',
    ),
    code(12, `SHOWN_ROWS = 20\n${PREDICTIONS}`),
  ];
  const notebook = {
    cells,
    metadata: {
      kernelspec: { display_name: 'Python 3', language: 'python', name: 'python3' },
      language_info: { name: 'python' },
    },
    nbformat: 4,
    nbformat_minor: 5,
  };
  return `${JSON.stringify(notebook, null, 1)}\n`;
}

import { describe, expect, it } from 'vitest';
import { ARTICLE_ARCHITECTURE } from '../../src/core/architecture';
import { networkOf, predictRaw } from '../../src/core/engine';
import { exportNotebook } from '../../src/core/exportCodeNotebook';
import { ARTICLE_TERMS } from '../../src/core/exportTerms';
import { initialParams } from '../../src/core/init';
import { ARTICLE_SHIFT } from '../../src/core/scaling';
import { PYTHON_TIMEOUT_MS, pythonHas, runPython } from '../helpers/python';

const TRAINING = {
  learningRate: 0.1,
  sampleOrder: 'in-order' as const,
  seed: 42,
  rows: { count: 4, weights: [133, 160, 152, 120], heights: [65, 72, 70, 60], targets: [1, 0, 0, 1] },
};

const net = networkOf(
  { ...ARTICLE_ARCHITECTURE, hidden: 3, activation: 'tanh', momentum: 0.5 },
  initialParams('random', 5, 3),
  ARTICLE_SHIFT,
);

interface NotebookCell {
  cell_type: string;
  id: string;
  metadata: object;
  source: string[];
  outputs?: unknown[];
  execution_count?: null;
}
interface Notebook {
  cells: NotebookCell[];
  metadata: { kernelspec: { name: string; language: string } };
  nbformat: number;
  nbformat_minor: number;
}

const notebookText = exportNotebook(net, ARTICLE_TERMS, TRAINING);
const notebook = JSON.parse(notebookText) as Notebook;
const codeOf = (nb: Notebook) =>
  nb.cells
    .filter((cell) => cell.cell_type === 'code')
    .map((cell) => cell.source.join(''))
    .join('\n\n');

describe('Export notebook', () => {
  it('is nbformat 4 JSON with every key nbformat requires of a notebook and its cells', () => {
    expect(notebook.nbformat).toBe(4);
    expect(notebook.nbformat_minor).toBeGreaterThanOrEqual(5);
    expect(notebook.metadata.kernelspec).toMatchObject({ name: 'python3', language: 'python' });
    const ids = new Set<string>();
    for (const cell of notebook.cells) {
      expect(['markdown', 'code']).toContain(cell.cell_type);
      expect(cell.id).toMatch(/^[a-zA-Z0-9-_]{1,64}$/);
      ids.add(cell.id);
      expect(cell.metadata).toEqual({});
      expect(Array.isArray(cell.source)).toBe(true);
      if (cell.cell_type === 'code') {
        expect(cell.outputs).toEqual([]);
        expect(cell.execution_count).toBeNull();
      } else {
        expect(cell).not.toHaveProperty('outputs');
      }
    }
    expect(ids.size).toBe(notebook.cells.length);
  });

  it('has the data, the model, training, the loss curve and the predictions, in that order', () => {
    const headings = notebook.cells
      .filter((cell) => cell.cell_type === 'markdown')
      .map((cell) => cell.source[0]!.trim());
    expect(headings).toEqual([
      '# The network trained in Backprop Lab, in PyTorch',
      '## Data',
      '## Model',
      '## Training',
      '## Loss curve',
      '## Predictions',
    ]);
    const code = codeOf(notebook);
    expect(code).toContain('INPUTS = torch.tensor([');
    expect(code).toContain('class Net(nn.Module):');
    expect(code).toContain('torch.optim.SGD(params, lr=0.1, momentum=0.5)');
    expect(code).toContain('plt.plot(');
  });

  it('passes nbformat’s own validation, where python3 has nbformat', () => {
    if (!pythonHas('nbformat')) {
      console.warn('No python3 with nbformat here: the notebook’s keys were checked, not nbformat.validate.');
      return;
    }
    const script =
      'import sys, nbformat\nnbformat.validate(nbformat.reads(sys.stdin.read(), as_version=4))\nprint("valid")';
    expect(runPython(script, notebookText).trim()).toBe('valid');
  });

  it(
    'runs top to bottom and predicts as the lab does, where python3 has torch and matplotlib',
    () => {
      if (!pythonHas('torch', 'matplotlib')) {
        console.warn('No python3 with torch and matplotlib here: the notebook was checked as JSON, not run.');
        return;
      }
      const script = [
        'import json, sys, matplotlib',
        'matplotlib.use("Agg")',
        'ns = {}',
        'exec(sys.stdin.read(), ns)',
        'print(json.dumps({"p": [ns["predict"](133, 65), ns["predict"](150.5, 70.25)], "n": len(ns["losses"])}))',
      ].join('\n');
      const lines = runPython(script, codeOf(notebook)).trim().split('\n');
      const result = JSON.parse(lines[lines.length - 1]!) as { p: number[]; n: number };
      expect(Math.abs(result.p[0]! - predictRaw(net, 133, 65))).toBeLessThan(1e-9);
      expect(Math.abs(result.p[1]! - predictRaw(net, 150.5, 70.25))).toBeLessThan(1e-9);
      expect(result.n).toBe(200);
      expect(lines.some((line) => line.startsWith('row  target'))).toBe(true);
    },
    PYTHON_TIMEOUT_MS,
  );
});

import { describe, expect, it } from 'vitest';
import { ARTICLE_ARCHITECTURE, type Architecture } from '../../src/core/architecture';
import { networkOf, predictRaw, type Network } from '../../src/core/engine';
import { ARTICLE_TERMS, identifierFor, type ExportTerms } from '../../src/core/exportTerms';
import { exportAsTorch, torchOptimizerLine, type TorchTraining } from '../../src/core/exportCodeTorch';
import { initialParams } from '../../src/core/init';
import { ARTICLE_SHIFT, computeScaling, type Scaling } from '../../src/core/scaling';
import { createTrainer, trainEpoch } from '../../src/core/trainer';
import { scaledTrainingSet } from '../../src/core/trainingSet';
import { PYTHON_TIMEOUT_MS, pythonHas, runPython } from '../helpers/python';

const PEOPLE = {
  count: 4,
  weights: [133, 160, 152, 120],
  heights: [65, 72, 70, 60],
  targets: [1, 0, 0, 1],
};

interface Case {
  readonly label: string;
  readonly net: Network;
  readonly training: TorchTraining;
  readonly terms: ExportTerms;
}

function caseOf(
  label: string,
  shape: Partial<Architecture>,
  training: Partial<TorchTraining> = {},
  scaling: Scaling = ARTICLE_SHIFT,
): Case {
  const architecture = { ...ARTICLE_ARCHITECTURE, ...shape };
  const params = initialParams('random', 11, architecture.hidden, architecture.features.length);
  return {
    label,
    net: networkOf(architecture, params, scaling),
    training: { learningRate: 0.1, sampleOrder: 'in-order', seed: 42, rows: PEOPLE, ...training },
    terms: ARTICLE_TERMS,
  };
}

const standardized = computeScaling('standardize', PEOPLE.weights, PEOPLE.heights);

const CASES: readonly Case[] = [
  caseOf('the article’s 2-2-1, per sample', {}),
  caseOf(
    '3 tanh, cross-entropy, mini-batches of 2 with momentum and L2',
    {
      hidden: 3,
      activation: 'tanh',
      loss: 'bce',
      update: 'mini-batch',
      batchSize: 2,
      momentum: 0.9,
      regularization: 'l2',
      regularizationRate: 0.01,
    },
    { learningRate: 0.05 },
    standardized,
  ),
  caseOf(
    '5 ReLU on feature inputs, full batch shuffled, L1',
    {
      hidden: 5,
      activation: 'relu',
      update: 'full-batch',
      features: ['x1', 'x2', 'x1Squared', 'x1TimesX2', 'sinX1'],
      regularization: 'l1',
      regularizationRate: 0.001,
    },
    { sampleOrder: 'shuffled', learningRate: 0.3 },
    standardized,
  ),
  caseOf(
    'a linear output for a number',
    { hidden: 2, activation: 'tanh', output: 'linear' },
    { rows: { ...PEOPLE, targets: [1.5, -0.25, 0.5, 2] }, learningRate: 0.02 },
    standardized,
  ),
];

/** The lab's own parameters after one more epoch of training, on the same rows. */
function labAfterOneEpoch({ net, training }: Case): Float64Array {
  const table = {
    count: training.rows.count,
    positives: 0,
    targetKind: 'class' as const,
    rows: Int32Array.from({ length: training.rows.count }, (_, i) => i),
    weights: Float64Array.from(training.rows.weights),
    heights: Float64Array.from(training.rows.heights),
    targets: Float64Array.from(training.rows.targets),
  };
  const trainer = createTrainer({
    params: net.params,
    set: scaledTrainingSet(table, net.scaling),
    sampleOrder: training.sampleOrder,
    seed: training.seed,
    learningRate: training.learningRate,
    architecture: net.architecture,
  });
  trainEpoch(trainer);
  return trainer.params;
}

describe('Export as PyTorch', () => {
  it('writes an nn.Module with the trained weights, the optimizer, the loss and the penalty', () => {
    const [article, batched, relu] = CASES;
    const code = exportAsTorch(article!.net, article!.terms, article!.training);
    const p = article!.net.params;
    expect(code).toContain('class Net(nn.Module):');
    expect(code).toContain('self.hidden = nn.Linear(2, 2)');
    expect(code).toContain(
      `model.hidden.weight.copy_(torch.tensor([[${p[0]}, ${p[1]}], [${p[2]}, ${p[3]}]]))`,
    );
    expect(code).toContain(`model.output.bias.copy_(torch.tensor([${p[8]}]))`);
    expect(code).toContain('torch.optim.SGD(params, lr=0.1)');
    expect(code).toContain('def predict(weight, height, model=model):');
    expect(code).toContain('torch.set_default_dtype(torch.float64)');

    const momentum = exportAsTorch(batched!.net, batched!.terms, batched!.training);
    expect(momentum).toContain('torch.optim.SGD(params, lr=0.05, momentum=0.9)');
    expect(momentum).toContain('binary_cross_entropy_with_logits');
    expect(momentum).toContain('BATCH = 2');
    expect(momentum).toContain('0.01 * sum(0.5 * (w ** 2).sum() for w in weights)');

    const l1 = exportAsTorch(relu!.net, relu!.terms, relu!.training);
    expect(l1).toContain('torch.relu(self.hidden(features(x)))');
    expect(l1).toContain('torch.stack([x1, x2, x1 * x1, x1 * x2, torch.sin(x1)], dim=1)');
    expect(l1).toContain('0.001 * sum(w.abs().sum() for w in weights)');
    expect(l1).toContain('BATCH = len(TARGETS)');
    expect(l1).toContain('torch.randperm(len(TARGETS), generator=generator)');
  });

  it('never names an input after what the PyTorch code uses itself', () => {
    for (const name of ['torch', 'model', 'output', 'nn', 'copy'])
      expect(identifierFor(name, 'python', 'input_1')).toBe(`${name}_input`);
  });

  it('writes the optimizer from the run’s momentum', () => {
    expect(torchOptimizerLine(ARTICLE_ARCHITECTURE, 0.1)).toBe('torch.optim.SGD(params, lr=0.1)');
    expect(torchOptimizerLine({ ...ARTICLE_ARCHITECTURE, momentum: 0.5 }, 1)).toBe(
      'torch.optim.SGD(params, lr=1.0, momentum=0.5)',
    );
  });

  it(
    'predicts as the lab does and trains one epoch to the lab’s weights, where python3 has torch',
    () => {
      if (!pythonHas('torch')) {
        console.warn('No python3 with torch here: the PyTorch export was checked as text, not run.');
        return;
      }
      const inputs: [number, number][] = [
        [133, 65],
        [160, 72],
        [142.5, 68.25],
      ];
      const driver = [
        'import copy, json, sys',
        'import torch',
        'out = []',
        'for case in json.load(sys.stdin):',
        "    ns = {'__name__': 'exported'}",
        "    exec(case['code'], ns)",
        "    predictions = [ns['predict'](*pair) for pair in case['inputs']]",
        "    m = copy.deepcopy(ns['model'])",
        "    ns['train'](m, 1)",
        '    params = torch.cat([m.hidden.weight.flatten(), m.output.weight.flatten(), m.hidden.bias, m.output.bias])',
        "    out.append({'predictions': predictions, 'params': params.tolist()})",
        'print(json.dumps(out))',
      ].join('\n');
      const payload = CASES.map(({ net, terms, training }) => ({
        code: exportAsTorch(net, terms, training),
        inputs,
      }));
      const results = JSON.parse(runPython(driver, JSON.stringify(payload))) as {
        predictions: number[];
        params: number[];
      }[];
      CASES.forEach((testCase, i) => {
        const result = results[i]!;
        inputs.forEach(([weight, height], j) => {
          expect(Math.abs(result.predictions[j]! - predictRaw(testCase.net, weight, height))).toBeLessThan(
            1e-9,
          );
        });
        const lab = labAfterOneEpoch(testCase);
        result.params.forEach((value, k) => {
          expect(Math.abs(value - lab[k]!), `${testCase.label}, parameter ${k}`).toBeLessThan(
            1e-9 * Math.max(1, Math.abs(lab[k]!)),
          );
        });
      });
    },
    PYTHON_TIMEOUT_MS,
  );
});

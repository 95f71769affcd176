import { describe, expect, it } from 'vitest';
import { ARTICLE_ARCHITECTURE, type Architecture } from '../../src/core/architecture';
import { exportAsCode, exportWeightsJson } from '../../src/core/exportCode';
import { torchOptimizerLine } from '../../src/core/exportCodeTorch';
import { torchOptimizer } from '../../src/core/exportOptimizer';
import { networkOf } from '../../src/core/engine';
import { DEFAULT_OPTIMIZER } from '../../src/core/optimizer';
import { ARTICLE_SHIFT } from '../../src/core/scaling';

const params = Float64Array.from([1, 2, 3, 4, 5, 6, 7, 8, 9]);
const adam: Architecture = {
  ...ARTICLE_ARCHITECTURE,
  optimizer: { ...DEFAULT_OPTIMIZER, kind: 'adam', beta1: 0.8, epsilon: 1e-7 },
};
const rmsprop: Architecture = {
  ...ARTICLE_ARCHITECTURE,
  optimizer: { ...DEFAULT_OPTIMIZER, kind: 'rmsprop' },
};
const momentum: Architecture = { ...ARTICLE_ARCHITECTURE, momentum: 0.9 };

describe('exported code names the optimizer that trained it', () => {
  it.each(['javascript', 'python'] as const)(
    '%s: Adam with its options and the torch.optim call',
    (language) => {
      const code = exportAsCode(networkOf(adam, params, ARTICLE_SHIFT), language);
      expect(code).toContain(
        'Optimizer: Adam (beta1 0.8, beta2 0.999, epsilon 1e-7), as torch.optim.Adam(params, betas=(0.8, 0.999), eps=1e-7) steps.',
      );
    },
  );

  it('the JSON carries the optimizer’s options under PyTorch’s names; the article’s SGD adds nothing', () => {
    const json = (arch: Architecture) =>
      JSON.parse(exportWeightsJson(networkOf(arch, params, ARTICLE_SHIFT))) as { optimizer?: unknown };
    expect(json(adam).optimizer).toEqual({ name: 'Adam', betas: [0.8, 0.999], eps: 1e-7 });
    expect(json(rmsprop).optimizer).toEqual({ name: 'RMSProp', alpha: 0.99, eps: 1e-8 });
    expect(json(momentum).optimizer).toEqual({ name: 'Momentum', momentum: 0.9 });
    expect(json(ARTICLE_ARCHITECTURE).optimizer).toBeUndefined();
    expect(exportAsCode(networkOf(ARTICLE_ARCHITECTURE, params, ARTICLE_SHIFT), 'python')).not.toContain(
      'Optimizer:',
    );
  });

  it('torchOptimizer writes each one’s call with the learning rate', () => {
    expect(torchOptimizer(ARTICLE_ARCHITECTURE, 0.1)).toBe('torch.optim.SGD(model.parameters(), lr=0.1)');
    expect(torchOptimizer(momentum, 0.5)).toBe('torch.optim.SGD(model.parameters(), lr=0.5, momentum=0.9)');
    expect(torchOptimizer(rmsprop, 1)).toBe(
      'torch.optim.RMSprop(model.parameters(), lr=1.0, alpha=0.99, eps=1e-8)',
    );
    expect(torchOptimizer(adam, 0.01)).toBe(
      'torch.optim.Adam(model.parameters(), lr=0.01, betas=(0.8, 0.999), eps=1e-7)',
    );
  });

  it('the PyTorch export’s training loop makes the run’s optimizer', () => {
    expect(torchOptimizerLine(adam, 0.05)).toBe(
      'torch.optim.Adam(params, lr=0.05, betas=(0.8, 0.999), eps=1e-7)',
    );
    expect(torchOptimizerLine(rmsprop, 0.1)).toBe(
      'torch.optim.RMSprop(params, lr=0.1, alpha=0.99, eps=1e-8)',
    );
  });
});

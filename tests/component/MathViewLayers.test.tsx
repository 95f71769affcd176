// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ARTICLE_ARCHITECTURE, type Architecture } from '../../src/core/architecture';
import { networkParamNames } from '../../src/core/layerNames';
import { networkParamCount, withHiddenSizes } from '../../src/core/layerShape';
import { netTraceSample } from '../../src/core/netBackward';
import { ARTICLE_SHIFT } from '../../src/core/scaling';
import { MathView } from '../../src/components/MathView/MathView';
import { INITIAL_RUN } from '../../src/store/runStore';
import { labState, resetLab, setLab } from '../helpers/resetLab';

const DEEP: Architecture = withHiddenSizes({ ...ARTICLE_ARCHITECTURE, activation: 'tanh' }, [3, 2, 2]);
const PARAMS = Float64Array.from({ length: networkParamCount(DEEP) }, (_, i) => ((i * 5) % 11) / 5 - 1);

vi.setConfig({ testTimeout: 20_000 });
beforeEach(() => {
  resetLab();
  setLab({
    run: { ...INITIAL_RUN, architecture: DEEP, params: PARAMS, scaling: ARTICLE_SHIFT },
    settings: { ...labState().settings, architecture: DEEP },
    selectedRow: 0,
  });
});
afterEach(() => cleanup());

describe('the Math view of three hidden layers', () => {
  it('shows δ for every neuron, output first, with the engine’s numbers for the person in focus', () => {
    render(<MathView />);
    const math = within(screen.getByRole('region', { name: 'Math' }));
    const table = math.getByRole('table', { name: 'δ for each layer' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((row) => within(row).getByRole('rowheader').textContent)).toEqual([
      'o1',
      'Layer 3, neuron 2',
      'Layer 3, neuron 1',
      'Layer 2, neuron 2',
      'Layer 2, neuron 1',
      'Layer 1, neuron 3',
      'Layer 1, neuron 2',
      'Layer 1, neuron 1',
    ]);
    // Alice: x = (-2, -1) after the Article shift, a woman (1). Layer 1, neuron 1's δ is its bias's gradient.
    const { grad } = netTraceSample(DEEP, PARAMS, -2, -1, 1);
    const biasOfFirst = networkParamNames(DEEP).indexOf('b1');
    const firstRow = within(rows.at(-1)!).getAllByRole('cell');
    expect(Number(firstRow.at(-1)!.textContent)).toBeCloseTo(grad[biasOfFirst]!, 2);
    expect(math.getByText(/each neuron.s δ = f′\(z\) × Σ/)).toBeInTheDocument();
  });

  it('lists every weight and bias of every layer in the Gradient table', () => {
    render(<MathView />);
    const math = within(screen.getByRole('region', { name: 'Math' }));
    const table = math.getByRole('table', { name: 'Gradient' });
    const names = within(table)
      .getAllByRole('row')
      .slice(1)
      .map((row) => within(row).getByRole('rowheader'));
    expect(names.map((cell) => cell.textContent)).toEqual(networkParamNames(DEEP));
    expect(names[6]!.getAttribute('title')).toBe('weight Layer 1, neuron 1 → Layer 2, neuron 1');
  });
});

// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { ARTICLE_ARCHITECTURE, paramCount, paramNames, type Architecture } from '../../src/core/architecture';
import { netTraceSample } from '../../src/core/netBackward';
import { ARTICLE_SHIFT } from '../../src/core/scaling';
import { RunSettings } from '../../src/components/Controls/RunSettings';
import { MathView } from '../../src/components/MathView/MathView';
import { loadTexRenderer } from '../../src/components/MathView/texRenderer';
import { NetworkDiagram } from '../../src/components/NetworkDiagram/NetworkDiagram';
import { INITIAL_RUN } from '../../src/store/runStore';
import { labState, resetLab, setLab } from '../helpers/resetLab';

/** Shows `params` as the run of `architecture`, following Alice (row 0: x = (-2, -1), Female). */
function showNetwork(architecture: Architecture, params: Float64Array): void {
  setLab({
    run: { ...INITIAL_RUN, architecture, params, scaling: ARTICLE_SHIFT },
    settings: { ...labState().settings, architecture },
    selectedRow: 0,
  });
}

const FEATURED: Architecture = { ...ARTICLE_ARCHITECTURE, features: ['x1', 'x2', 'x1Squared'] };
/** x1, x2, x1² into h1 and h2: w1..w6 in, w7, w8 out, b1, b2, b3. */
const FEATURED_PARAMS = Float64Array.from([0.5, -0.25, 0.1, 1, 0.5, -0.2, -1, 2, 0.1, -0.2, 0.3]);

vi.setConfig({ testTimeout: 20_000 });

beforeAll(async () => {
  expect(await loadTexRenderer()).not.toBe('failed');
});
beforeEach(() => {
  resetLab();
  vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(null);
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe('the Regularization and Inputs controls', () => {
  it('turn a penalty on at rate 0.001 and off again, reaching the settings', async () => {
    const user = userEvent.setup();
    render(<RunSettings />);
    const select = screen.getByRole('combobox', { name: 'Regularization' });
    expect(select).toHaveValue('none');
    expect(screen.queryByRole('slider', { name: 'Regularization rate' })).toBeNull();
    await user.selectOptions(select, 'L2');
    expect(labState().settings.architecture).toMatchObject({
      regularization: 'l2',
      regularizationRate: 0.001,
    });
    const rate = screen.getByRole('slider', { name: 'Regularization rate' });
    expect(rate).toHaveAttribute('aria-valuetext', '0.001');
    await user.selectOptions(select, 'None');
    expect(labState().settings.architecture.regularization).toBe('none');
  });

  it('offer the seven inputs, x1 and x2 on, and refuse to turn off the last one', async () => {
    const user = userEvent.setup();
    render(<RunSettings />);
    const group = within(screen.getByRole('group', { name: 'Inputs' }));
    const names = ['x1', 'x2', 'x1 squared', 'x2 squared', 'x1 times x2', 'sin x1', 'sin x2'];
    expect(group.getAllByRole('checkbox').map((box) => box.getAttribute('aria-label'))).toEqual(names);
    expect(group.getByText('x1²')).toBeInTheDocument();
    expect(group.getByText('x1·x2')).toBeInTheDocument();
    expect(group.getByRole('checkbox', { name: 'x1' })).toBeChecked();
    expect(group.getByRole('checkbox', { name: 'x1 squared' })).not.toBeChecked();

    await user.click(group.getByRole('checkbox', { name: 'x1 times x2' }));
    expect(labState().settings.architecture.features).toEqual(['x1', 'x2', 'x1TimesX2']);
    await user.click(group.getByRole('checkbox', { name: 'x1' }));
    await user.click(group.getByRole('checkbox', { name: 'x2' }));
    expect(labState().settings.architecture.features).toEqual(['x1TimesX2']);
    await user.click(group.getByRole('checkbox', { name: 'x1 times x2' }));
    expect(labState().settings.architecture.features).toEqual(['x1TimesX2']);
    expect(group.getByRole('checkbox', { name: 'x1 times x2' })).toBeChecked();
    expect(group.getByRole('status')).toHaveTextContent('At least one input must stay on.');
  });
});

describe('the Network figure with feature inputs', () => {
  it('grows an input neuron per feature, named as it is written, with its weights', () => {
    showNetwork(FEATURED, FEATURED_PARAMS);
    render(<NetworkDiagram />);
    const figure = within(screen.getByRole('figure', { name: 'Network' }));
    const square = figure.getByRole('img', { name: /^x1² \(from the scaled inputs\) of Alice: 4$/ });
    expect(square).toHaveTextContent('x1²');
    // x1² → h1 is w3 in this layout, and its value is the third parameter
    expect(figure.getByRole('button', { name: /^w3 = 0\.1, weight x1² → h1/ })).toBeInTheDocument();
    expect(figure.getByRole('button', { name: /^w7 = -1, weight h1 → o1/ })).toBeInTheDocument();
  });
});

describe('the Math view with feature inputs and a penalty', () => {
  it('writes the feature into the neuron formula and lists its weights in the Gradient table', () => {
    showNetwork(FEATURED, FEATURED_PARAMS);
    render(<MathView />);
    const math = within(screen.getByRole('region', { name: 'Math' }));
    expect(
      math.getByText(
        /^h1 = f\(w1·x1 \+ w2·x2 \+ w3·x1² \+ b1\) .* 0\.1 × 4 .*; h2 = f\(w4·x1 \+ w5·x2 \+ w6·x1² \+ b2\)/,
      ),
    ).toBeInTheDocument();
    expect(math.getByText(/^Inputs the network sees.*x1² = 4/)).toBeInTheDocument();
    const table = within(math.getByRole('table', { name: 'Gradient' }));
    const rows = table.getAllByRole('rowheader').map((header) => header.textContent);
    expect(rows).toEqual(paramNames(2, 3));
    expect(rows).toHaveLength(paramCount(2, 3));
    expect(table.getByRole('rowheader', { name: 'w3' })).toHaveAttribute('title', 'weight x1² → h1');
  });

  it('adds the penalty’s gradient to dL/dw with live numbers, and leaves the biases out', () => {
    const l2: Architecture = { ...ARTICLE_ARCHITECTURE, regularization: 'l2', regularizationRate: 0.5 };
    const params = Float64Array.from([1, 1, 1, 1, 1, 1, 0, 0, 0]);
    showNetwork(l2, params);
    render(<MathView />);
    const math = within(screen.getByRole('region', { name: 'Math' }));
    expect(
      math.getByText(/^Penalty \(L2, λ = 0\.5\) on the weights w1 … w6, not the biases: R = .* = 1\.5\./),
    ).toBeInTheDocument();
    expect(math.getByText(/^w1 ← w1 - η × \(dL\/dw1 \+ λ × w1\)/)).toBeInTheDocument();
    const table = within(math.getByRole('table', { name: 'Gradient' }));
    expect(table.getAllByRole('columnheader').map((header) => header.textContent)).toContain(
      'Penalty (λ R′(w))',
    );
    const cells = (name: string) =>
      within(table.getByRole('rowheader', { name }).closest('tr')!)
        .getAllByRole('cell')
        .map((cell) => cell.getAttribute('title'));
    const { grad } = netTraceSample(l2, params, -2, -1, 1);
    // w1: before 1, its data gradient, the penalty 0.5 × 1, the change −0.1 × (gradient + 0.5)
    expect(cells('w1').slice(0, 3)).toEqual(['1', String(grad[0]), '0.5']);
    expect(Number(cells('w1')[3])).toBeCloseTo(-0.1 * (grad[0]! + 0.5), 15);
    expect(cells('b1')[2]).toBe('0');
    // the step previewed for Alice takes the penalty too: w1 after = 1 − 0.1 × (dL/dw1 + 0.5)
    const after = 1 - 0.1 * (grad[0]! + 0.5);
    expect(math.getByText(/^w1 ← w1 - η × \(dL\/dw1 \+ λ × w1\)/)).toHaveTextContent(
      new RegExp(`= ${Number(after.toPrecision(3))}$`),
    );
  });
});

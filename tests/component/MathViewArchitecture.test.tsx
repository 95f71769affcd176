// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { ARTICLE_ARCHITECTURE, paramCount, paramNames, type Architecture } from '../../src/core/architecture';
import { netTraceSample } from '../../src/core/netBackward';
import { ARTICLE_SHIFT } from '../../src/core/scaling';
import { MathView } from '../../src/components/MathView/MathView';
import { loadTexRenderer } from '../../src/components/MathView/texRenderer';
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

function renderMath() {
  render(<MathView />);
  return within(screen.getByRole('region', { name: 'Math' }));
}

/** Each row of the `Gradient` table: its header and its cells' full-precision titles. */
function gradientRows(math: ReturnType<typeof renderMath>) {
  const table = math.getByRole('table', { name: 'Gradient' });
  return within(table)
    .getAllByRole('row')
    .slice(1)
    .map((row) => ({
      name: within(row).getByRole('rowheader').textContent,
      exact: within(row)
        .getAllByRole('cell')
        .map((cell) => cell.getAttribute('title')),
    }));
}

// Three hidden neurons: w1..w6 in, w7..w9 out, b1..b3 hidden, b4 out.
const THREE = Float64Array.from([0.5, -0.25, 1, 0.5, -1, 2, 0.75, -1.5, 1.25, 0.1, -0.2, 0.3, -0.4]);
const TANH_BCE: Architecture = { ...ARTICLE_ARCHITECTURE, hidden: 3, activation: 'tanh', loss: 'bce' };

// KaTeX typesets every formula, and the machine is shared: allow a slow render.
vi.setConfig({ testTimeout: 20_000 });

beforeAll(async () => {
  expect(await loadTexRenderer()).not.toBe('failed');
});
beforeEach(() => {
  resetLab();
});
afterEach(() => {
  cleanup();
});

describe('the Math view of 3 tanh hidden neurons trained on cross-entropy', () => {
  it('writes the formulas for that network, with the engine’s numbers', () => {
    showNetwork(TANH_BCE, THREE);
    const math = renderMath();
    const trace = netTraceSample(TANH_BCE, THREE, -2, -1, 1);
    const h1 = Math.tanh(0.5 * -2 + -0.25 * -1 + 0.1);
    expect(math.getByText(/^h1 = f\(w1·x1 \+ w2·x2 \+ b1\) .*where f\(x\) = tanh x/)).toHaveTextContent(
      `= ${Number(h1.toPrecision(3))}`,
    );
    expect(
      math.getByText(
        /^h1 = f\(w1·x1 .*; h3 = f\(w5·x1 \+ w6·x2 \+ b3\) .*; o1 = σ\(w7·h1 \+ w8·h2 \+ w9·h3 \+ b4\)/,
      ),
    ).toBeInTheDocument();
    expect(
      math.getByText(/^L = -\[ytrue × ln\(ypred\) \+ \(1 - ytrue\) × ln\(1 - ypred\)\]/),
    ).toBeInTheDocument();
    const backprop = math.getByRole('group', { name: 'Backpropagation, with numbers' });
    expect(backprop).toHaveAccessibleDescription(expect.stringContaining(`dL/dypred ${trace.factors[0]}`));
    expect(backprop).toHaveAccessibleDescription(expect.stringContaining(`dL/dw1 ${trace.grad[0]}`));
    expect(math.getByText(/f'\(x\) = 1 - f\(x\)²/)).toBeInTheDocument();
    // Terms for the new words, in the formulas' lead-ins and the glossary.
    expect(math.getAllByRole('button', { name: 'tanh' })[0]).toHaveAccessibleDescription(/−1 to 1/);
    expect(math.getAllByRole('button', { name: 'cross-entropy' })[0]).toHaveAccessibleDescription(
      /log of the probability/,
    );
  });

  it('lists all 13 parameters in the Gradient table with the engine’s gradient', () => {
    showNetwork(TANH_BCE, THREE);
    const math = renderMath();
    const { grad } = netTraceSample(TANH_BCE, THREE, -2, -1, 1);
    const rows = gradientRows(math);
    expect(rows.map((row) => row.name)).toEqual(paramNames(3));
    rows.forEach((row, index) => {
      expect(row.exact[0], row.name).toBe(String(THREE[index]));
      expect(row.exact[1], row.name).toBe(String(grad[index]));
    });
  });
});

describe('the Gradient table and the update for other networks and rules', () => {
  it('has 4H + 1 rows for 8 hidden neurons', () => {
    const eight: Architecture = { ...ARTICLE_ARCHITECTURE, hidden: 8 };
    const params = Float64Array.from({ length: paramCount(8) }, (_, i) => Math.sin(i + 1));
    showNetwork(eight, params);
    const math = renderMath();
    const { grad } = netTraceSample(eight, params, -2, -1, 1);
    const rows = gradientRows(math);
    expect(rows).toHaveLength(33);
    expect(rows.map((row) => row.exact[1])).toEqual(Array.from(grad, String));
    expect(math.getByText(/^h1 = f\(w1·x1 .*; …; h8 = f\(w15·x1 \+ w16·x2 \+ b8\)/)).toBeInTheDocument();
  });

  it('with mini-batches and momentum, shows the rule and this sample’s share instead of an "after"', () => {
    const rule: Architecture = { ...ARTICLE_ARCHITECTURE, update: 'mini-batch', batchSize: 2, momentum: 0.9 };
    const params = Float64Array.from([1, 1, 1, 1, 1, 1, 0, 0, 0]);
    showNetwork(rule, params);
    const math = renderMath();
    expect(math.getByRole('heading', { name: 'Mini-batch update with momentum' })).toBeInTheDocument();
    expect(
      math.getByText(/^v1 ← μ × v1 - η × \(1\/B\) × Σ dL_b\/dw1 over the batch; w1 ← w1 \+ v1/),
    ).toBeInTheDocument();
    const table = within(math.getByRole('table', { name: 'Gradient' }));
    expect(table.getAllByRole('columnheader').map((header) => header.textContent)).toEqual([
      'Parameter',
      'Before',
      'dL/dparam',
      'This sample’s share (−η/B × dL/dparam)',
    ]);
    const w1 = table.getByRole('rowheader', { name: 'w1' }).closest('tr')!;
    // Alice's dL/dw1 from all ones is the article's 0.0215; her share of the batch's step is −0.1/2 of it.
    expect(
      within(w1)
        .getAllByRole('cell')
        .map((cell) => cell.textContent),
    ).toEqual(['1', '0.0215', '-0.00107']);
  });

  it('the glossary defines the new words', async () => {
    const user = userEvent.setup();
    showNetwork(ARTICLE_ARCHITECTURE, Float64Array.from([1, 1, 1, 1, 1, 1, 0, 0, 0]));
    const math = renderMath();
    await user.click(math.getByRole('button', { name: 'Glossary' }));
    const panel = math.getByRole('region', { name: 'Glossary' });
    for (const term of ['tanh', 'ReLU', 'cross-entropy', 'mini-batch', 'momentum']) {
      expect(within(panel).getByText(term, { selector: 'dt' })).toBeInTheDocument();
    }
  });
});

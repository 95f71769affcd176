// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ActivationExplorer } from '../../src/components/ActivationExplorer/ActivationExplorer';
import { ARTICLE_ARCHITECTURE, type Architecture } from '../../src/core/architecture';
import { ARTICLE_SHIFT } from '../../src/core/scaling';
import { INITIAL_RUN } from '../../src/store/runStore';
import { resetLab, setLab } from '../helpers/resetLab';

/** The lab following Alice (scaled x1 = -2, x2 = -1) with these parameters and this network. */
function follow(params: number[], architecture: Architecture = ARTICLE_ARCHITECTURE, row = 0): void {
  setLab({
    run: { ...INITIAL_RUN, architecture, params: Float64Array.from(params), scaling: ARTICLE_SHIFT },
    selectedRow: row,
  });
}

function renderExplorer() {
  const user = userEvent.setup();
  render(<ActivationExplorer />);
  return { user, region: within(screen.getByRole('region', { name: 'Activation explorer' })) };
}

beforeEach(() => {
  resetLab();
});
afterEach(cleanup);

describe('Activation explorer', () => {
  it('plots the sigmoid with the tangent at h1’s z for Alice, and offers every neuron and the output', () => {
    follow([1, 1, 1, 1, 1, 1, 0, 0, 0]); // h1's z = x1 + x2 = -3 for Alice
    const { region } = renderExplorer();
    const options = within(region.getByRole('combobox', { name: 'Neuron' })).getAllByRole('option');
    expect(options.map((option) => option.textContent)).toEqual([
      'h1 (Sigmoid)',
      'h2 (Sigmoid)',
      'o1, the output (Sigmoid)',
    ]);
    expect(region.getByRole('img')).toHaveAccessibleName(
      'Sigmoid f(z) and its slope f′(z), with the tangent at h1’s z = -3 for Alice',
    );
    expect(
      region.getByText(/^h1 for Alice: z = -3, f\(z\) = 0\.0474, f′\(z\) = 0\.0452;/),
    ).toBeInTheDocument();
    expect(region.queryByText(/Saturated/)).toBeNull();
  });

  it('says a sigmoid saturates once its slope is under 0.01', () => {
    follow([3, 0, 1, 1, 1, 1, 0, 0, 0]); // h1's z = 3 · -2 = -6: f′ = 0.0025
    const { region } = renderExplorer();
    expect(region.getByText(/^Saturated: f′\(z\) = 0\.0025, under 0\.01/)).toBeInTheDocument();
  });

  it('shows the output neuron’s own sum when o1 is picked', async () => {
    follow([1, 1, 1, 1, 2, -1, 0, 0, 0.5]);
    const { user, region } = renderExplorer();
    await user.selectOptions(region.getByRole('combobox', { name: 'Neuron' }), 'o1, the output (Sigmoid)');
    expect(region.getByText(/^o1 for Alice: z = /)).toBeInTheDocument();
  });

  it('calls a ReLU dead when no training row turns it on, and off when only Alice does not', async () => {
    const relu = { ...ARTICLE_ARCHITECTURE, activation: 'relu' as const };
    // h1 = relu(x1): off for Alice (x1 = -2), on for Bob; h2 = relu(-1): off for everyone.
    follow([1, 0, 0, 0, 1, 1, 0, -1, 0], relu);
    const { user, region } = renderExplorer();
    expect(region.getByText(/^Off for Alice: z ≤ 0, so f′ = 0/)).toBeInTheDocument();
    await user.selectOptions(region.getByRole('combobox', { name: 'Neuron' }), 'h2 (ReLU)');
    expect(region.getByText(/^Dead ReLU: z ≤ 0 for all 4 training rows/)).toBeInTheDocument();
  });
});

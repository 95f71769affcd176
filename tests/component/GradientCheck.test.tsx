// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GradientCheck } from '../../src/components/GradientCheck/GradientCheck';
import { verdictWords } from '../../src/components/GradientCheck/verdictWords';
import { ARTICLE_ARCHITECTURE, paramNames } from '../../src/core/architecture';
import type { GradientCheck as Check, ParamCheck } from '../../src/core/gradientCheck';
import { formatValue } from '../../src/components/format';
import { initialParams } from '../../src/core/init';
import { ARTICLE_SHIFT } from '../../src/core/scaling';
import { INITIAL_RUN } from '../../src/store/runStore';
import { resetLab, setLab } from '../helpers/resetLab';

function renderCheck() {
  const user = userEvent.setup();
  render(<GradientCheck />);
  const region = screen.getByRole('region', { name: 'Gradient check' });
  return { user, region: within(region) };
}

/** The relative error column, as numbers. */
function relativeErrors(): number[] {
  const table = screen.getByRole('table', { name: 'Backprop against the centred difference' });
  return within(table)
    .getAllByRole('row')
    .slice(1)
    .map((row) => Number(within(row).getAllByRole('cell').at(-1)!.textContent));
}

beforeEach(() => {
  resetLab();
});
afterEach(cleanup);

describe('Check gradients', () => {
  it('checks all nine parameters of the article’s network for Alice: every relative error below 1e-6', async () => {
    setLab({
      run: { ...INITIAL_RUN, params: initialParams('random', 42), scaling: ARTICLE_SHIFT },
      selectedRow: 0,
    });
    const { user, region } = renderCheck();
    expect(region.queryByRole('table')).toBeNull();
    await user.click(region.getByRole('button', { name: 'Check gradients' }));
    const errors = relativeErrors();
    expect(errors).toHaveLength(9);
    for (const error of errors) expect(error).toBeLessThan(1e-6);
    expect(region.getByRole('status')).toHaveTextContent(
      'Backprop is right: all 9 gradients agree with the difference.',
    );
    expect(region.getByText(/^Checked on Alice/)).toBeInTheDocument();
    expect(region.getAllByText('(worst)')).toHaveLength(1);
  });

  it('shows the working of the parameter picked: h, the two losses and both gradients', async () => {
    setLab({
      run: { ...INITIAL_RUN, params: initialParams('random', 42), scaling: ARTICLE_SHIFT },
      selectedRow: 0,
    });
    const { user, region } = renderCheck();
    await user.click(region.getByRole('button', { name: 'Check gradients' }));
    await user.selectOptions(region.getByRole('combobox', { name: 'Parameter' }), 'w5');
    const working = within(region.getByRole('group', { name: 'Check of w5' }));
    expect(working.getByText('L(w5 + h)')).toBeInTheDocument();
    expect(working.getByText('L(w5 − h)')).toBeInTheDocument();
    expect(working.getByText('h')).toBeInTheDocument();
    const w5 = region.getByRole('row', { name: /^w5/ });
    expect(w5).toHaveClass('is-selected');
    const terms = working.getAllByRole('term').map((term) => term.textContent);
    const values = working.getAllByRole('definition').map((value) => value.textContent);
    expect(values[terms.indexOf('Relative error')]).toBe(within(w5).getAllByRole('cell').at(-1)!.textContent);
    const w5Value = initialParams('random', 42)[4]!;
    expect(values[terms.indexOf('h')]).toBe(formatValue(1e-5 * Math.max(1, Math.abs(w5Value)), 3));
  });

  it('follows the run’s network: 3 tanh neurons have 13 parameters', async () => {
    const architecture = { ...ARTICLE_ARCHITECTURE, hidden: 3, activation: 'tanh' as const };
    setLab({
      run: { ...INITIAL_RUN, architecture, params: initialParams('random', 9, 3), scaling: ARTICLE_SHIFT },
      selectedRow: 1,
    });
    const { user, region } = renderCheck();
    await user.click(region.getByRole('button', { name: 'Check gradients' }));
    expect(relativeErrors()).toHaveLength(13);
    expect(region.getByText(/^Checked on Bob/)).toBeInTheDocument();
  });
});

describe('the verdict in words', () => {
  const param = (index: number, relativeError: number, agrees: boolean): ParamCheck => ({
    index,
    backprop: 1,
    numeric: 1,
    step: 1e-5,
    lossPlus: 1,
    lossMinus: 1,
    relativeError,
    uncertainty: 1e-12,
    agrees,
  });
  const check: Check = { params: [param(0, 1e-9, true), param(1, 0.2, false)], worst: 1, loss: 0.5 };
  const names = paramNames(2);

  it('names the worst parameter and calls a disagreement on a smooth network a bug', () => {
    const words = verdictWords(check, 'disagree', names);
    expect(words.headline).toBe('Backprop and the difference disagree.');
    expect(words.detail).toContain('w2 at 2.0e-1');
    expect(words.detail).toContain('bug');
  });

  it('explains a kink instead of calling it a bug', () => {
    const words = verdictWords(check, 'kink', names);
    expect(words.headline).toBe('Backprop agrees except at a kink.');
    expect(words.detail).toContain('ReLU’s slope jumps from 0 to 1');
  });
});

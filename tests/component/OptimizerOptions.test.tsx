// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RunSettings } from '../../src/components/Controls/RunSettings';
import { optimizerChoice } from '../../src/core/optimizer';
import { labState, resetLab } from '../helpers/resetLab';

beforeEach(() => resetLab());
afterEach(cleanup);

const architecture = () => labState().settings.architecture;
const field = (name: string) => screen.queryByRole('textbox', { name });

describe('Optimizer', () => {
  it('lists SGD, Momentum, RMSProp and Adam, and starts on SGD with the Momentum field at 0', () => {
    render(<RunSettings />);
    const select = screen.getByRole('combobox', { name: 'Optimizer' });
    expect(
      within(select)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['SGD', 'Momentum', 'RMSProp', 'Adam']);
    expect(select).toHaveValue('sgd');
    expect(field('Momentum')).toHaveValue('0');
    expect(field('Beta 1')).toBeNull();
  });

  it('Adam shows Beta 1, Beta 2 and Epsilon at PyTorch’s defaults, and an edit reaches the run', async () => {
    const user = userEvent.setup();
    render(<RunSettings />);
    await user.selectOptions(screen.getByRole('combobox', { name: 'Optimizer' }), 'Adam');
    expect(architecture().optimizer?.kind).toBe('adam');
    expect(field('Beta 1')).toHaveValue('0.9');
    expect(field('Beta 2')).toHaveValue('0.999');
    expect(field('Epsilon')).toHaveValue('1e-8');
    expect(field('Momentum')).toBeNull();
    expect(field('Alpha')).toBeNull();
    await user.clear(field('Beta 2')!);
    await user.type(field('Beta 2')!, '0.99{Enter}');
    expect(architecture().optimizer?.beta2).toBe(0.99);
  });

  it('a beta of 1 or an epsilon of 0 explains itself and changes nothing', async () => {
    const user = userEvent.setup();
    render(<RunSettings />);
    await user.selectOptions(screen.getByRole('combobox', { name: 'Optimizer' }), 'Adam');
    await user.clear(field('Beta 1')!);
    await user.type(field('Beta 1')!, '1{Enter}');
    expect(field('Beta 1')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByRole('alert')).toHaveTextContent('Beta 1 is a number from 0 to 0.9999, below 1.');
    expect(architecture().optimizer?.beta1).toBe(0.9);
    await user.clear(field('Epsilon')!);
    await user.type(field('Epsilon')!, '0{Enter}');
    expect(architecture().optimizer?.epsilon).toBe(1e-8);
  });

  it('RMSProp shows its own Alpha (0.99) and Epsilon, not Adam’s betas', async () => {
    const user = userEvent.setup();
    render(<RunSettings />);
    await user.selectOptions(screen.getByRole('combobox', { name: 'Optimizer' }), 'RMSProp');
    expect(field('Alpha')).toHaveValue('0.99');
    expect(field('Epsilon')).toHaveValue('1e-8');
    expect(field('Beta 1')).toBeNull();
  });

  it('Momentum starts at 0.9, typing a momentum picks Momentum, and SGD sets it back to 0', async () => {
    const user = userEvent.setup();
    render(<RunSettings />);
    const select = screen.getByRole('combobox', { name: 'Optimizer' });
    await user.selectOptions(select, 'Momentum');
    expect(architecture().momentum).toBe(0.9);
    expect(field('Momentum')).toHaveValue('0.9');
    await user.selectOptions(select, 'SGD');
    expect(architecture().momentum).toBe(0);
    await user.clear(field('Momentum')!);
    await user.type(field('Momentum')!, '0.5{Enter}');
    expect(select).toHaveValue('momentum');
    expect(optimizerChoice(architecture())).toBe('momentum');
  });
});

// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RunSettings } from '../../src/components/Controls/RunSettings';
import { useLab } from '../../src/store/labStore';
import { resetLab } from '../helpers/resetLab';

const settings = () => useLab.getState().settings;

beforeEach(() => resetLab());
afterEach(cleanup);

function renderSettings() {
  const user = userEvent.setup();
  render(<RunSettings />);
  return user;
}

describe('a number field applies only the whole value', () => {
  it('Stop at epoch takes nothing while the value is typed; Enter applies it', async () => {
    const user = renderSettings();
    const field = screen.getByRole('spinbutton', { name: 'Stop at epoch' });
    await user.type(field, '300');
    // Each keystroke was a good number (3, 30, 300): none of them reached the lab.
    expect(settings().stopAtEpoch).toBeNull();
    await user.keyboard('{Enter}');
    expect(settings().stopAtEpoch).toBe(300);
  });

  it('Seed 4294967296 is refused whole, not cut to 429496729; the text and its reason stay', async () => {
    const user = renderSettings();
    const seed = screen.getByRole('spinbutton', { name: 'Seed' });
    const before = settings().seed;
    await user.clear(seed);
    await user.type(seed, '4294967296');
    await user.tab();
    expect(settings().seed).toBe(before);
    expect(seed).toHaveValue(4294967296);
    expect(seed).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByRole('alert')).toHaveTextContent('The seed is at most 4294967295.');

    await user.clear(seed);
    await user.type(seed, '7');
    await user.tab();
    expect(settings().seed).toBe(7);
    expect(seed).not.toHaveAttribute('aria-invalid');
  });

  it('Batch size 100001 is refused with its range, not cut to 10000 (its first five digits); a good size applies', async () => {
    const user = renderSettings();
    await user.selectOptions(screen.getByRole('combobox', { name: 'Updates' }), 'mini-batch');
    const size = screen.getByRole('spinbutton', { name: 'Batch size' });
    const before = settings().architecture.batchSize;
    await user.clear(size);
    await user.type(size, '100001');
    await user.tab();
    expect(settings().architecture.batchSize).toBe(before);
    expect(size).toHaveValue(100001);
    expect(screen.getByRole('alert')).toHaveTextContent(
      'The batch size is a whole number from 1 to 100,000.',
    );

    await user.clear(size);
    await user.type(size, '8{Enter}');
    expect(settings().architecture.batchSize).toBe(8);
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('Momentum and Stop at loss apply nothing of a refused value, even a good prefix', async () => {
    const user = renderSettings();
    const momentum = screen.getByRole('textbox', { name: 'Momentum' });
    await user.clear(momentum);
    await user.type(momentum, '0.995'); // 0.99 on the way is within range
    await user.tab();
    expect(settings().architecture.momentum).toBe(0);
    expect(momentum).toHaveValue('0.995');

    const loss = screen.getByRole('spinbutton', { name: 'Stop at loss' });
    await user.type(loss, '0.5e9'); // 0.5 on the way is a good limit
    await user.tab();
    expect(settings().stopAtLoss).toBeNull();
    expect(loss).toHaveAttribute('aria-invalid', 'true');
  });
});

// @vitest-environment jsdom
import { act, cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { UpdatePrompt } from '../../src/app/UpdatePrompt';
import { dismissUpdate, offerUpdate } from '../../src/app/updateSignal';

afterEach(() => {
  cleanup();
  act(() => dismissUpdate());
});

describe('UpdatePrompt', () => {
  it('says nothing while the running lab is the newest', () => {
    const { container } = render(<UpdatePrompt />);
    expect(container).toHaveTextContent('');
    expect(screen.queryByRole('button')).toBeNull();
  });

  it('offers a waiting version in a polite live region, and Reload opens it', async () => {
    const user = userEvent.setup();
    const apply = vi.fn();
    const { container } = render(<UpdatePrompt />);
    act(() => offerUpdate(apply));
    expect(container.querySelector('[aria-live="polite"]')).toHaveTextContent('New version available.');
    await user.click(screen.getByRole('button', { name: 'Reload' }));
    expect(apply).toHaveBeenCalledTimes(1);
  });

  it('Not now puts the line away without reloading', async () => {
    const user = userEvent.setup();
    const apply = vi.fn();
    render(<UpdatePrompt />);
    act(() => offerUpdate(apply));
    await user.click(screen.getByRole('button', { name: 'Not now' }));
    expect(screen.queryByText(/New version available/)).toBeNull();
    expect(apply).not.toHaveBeenCalled();
  });
});

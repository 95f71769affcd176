// @vitest-environment jsdom
import { act, cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../src/app/App';
import { LinkBanner } from '../../src/app/LinkBanner';
import { ARTICLE_PEOPLE } from '../../src/core/dataset';
import { encodeShare, sharedStateOf } from '../../src/core/shareCodec';
import { DEFAULT_SETTINGS } from '../../src/core/settings';
import {
  NO_HISTORY_NOTE,
  SHARE_HASH_PREFIX,
  initialLinkState,
  linkStore,
  openLink,
} from '../../src/store/sharedLink';
import { labState, resetLab } from '../helpers/resetLab';

// No training worker in jsdom: the App's bridge to it is stubbed; everything else is the real lab.
vi.mock('../../src/store/trainerBridge', async (importOriginal) => {
  const bridge = await importOriginal<typeof import('../../src/store/trainerBridge')>();
  bridge.trainerBridge.send = () => {};
  return { ...bridge, connectTrainer: () => () => {} };
});

const theirLink = encodeShare(sharedStateOf({ ...DEFAULT_SETTINGS, seed: 7 }, ARTICLE_PEOPLE.slice(0, 2)));
const buttonNames = () => screen.queryAllByRole('button').map((button) => button.textContent);

beforeEach(() => {
  resetLab();
  linkStore.setState(initialLinkState(), true);
});
afterEach(cleanup);

describe('the link banner', () => {
  it('offers Keep this lab and Back to my lab while a linked lab is on show, then Back once after keeping', async () => {
    const user = userEvent.setup();
    render(<LinkBanner />);
    expect(screen.queryByRole('region', { name: 'Shared link' })).toBeNull();
    act(() => openLink(theirLink));
    expect(screen.getByRole('status')).toHaveTextContent(
      /You opened a shared lab.*Your own lab is still saved/,
    );
    expect(buttonNames()).toEqual(['Keep this lab', 'Back to my lab']);

    await user.click(screen.getByRole('button', { name: 'Keep this lab' }));
    expect(screen.getByRole('status')).toHaveTextContent('The shared lab is now your saved lab.');
    expect(buttonNames()).toEqual(['Back to my lab', 'Dismiss']);

    await user.click(screen.getByRole('button', { name: 'Back to my lab' }));
    expect(labState().settings.seed).toBe(DEFAULT_SETTINGS.seed);
    expect(screen.getByRole('status')).toHaveTextContent('Your own lab is back');
    expect(buttonNames()).toEqual(['Dismiss']);
    await user.click(screen.getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByRole('region', { name: 'Shared link' })).toBeNull();
  });

  it('shows a bad link’s reason as an alert, and what the lab changed in a link it opened', () => {
    render(<LinkBanner />);
    act(() => openLink('%%%'));
    expect(screen.getByRole('alert')).toHaveTextContent(
      'This link is damaged or incomplete: it could not be decompressed. Nothing in your lab was changed.',
    );
    act(() => openLink(encodeShare(sharedStateOf({ ...DEFAULT_SETTINGS, learningRate: 1e-6 }, []))));
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.getByRole('status')).toHaveTextContent('so the lab uses 0.001.');
  });

  it('says plainly that a link with trained weights carries no history: Epoch 0 and an empty curve', () => {
    render(<LinkBanner />);
    act(() => openLink(theirLink));
    expect(screen.getByRole('status')).not.toHaveTextContent(NO_HISTORY_NOTE);
    const trained = [0.5, -1, 2, 0.25, 3, -2, 0.1, 0.2, -0.3];
    act(() => openLink(encodeShare(sharedStateOf(DEFAULT_SETTINGS, ARTICLE_PEOPLE, trained))));
    expect(screen.getByRole('status')).toHaveTextContent(
      'The link carries the trained weights, not how they were trained: the run goes on from them counted from Epoch 0, with an empty Loss curve.',
    );
    expect(labState().resumeFrom).toEqual({ epoch: 0, params: trained });
  });
});

describe('the lab and the address', () => {
  it('opens a link pasted into the open tab (a hash change), and clears the hash', async () => {
    render(<App />);
    expect(labState().settings.seed).toBe(DEFAULT_SETTINGS.seed);
    await act(async () => {
      window.location.hash = `${SHARE_HASH_PREFIX}${theirLink}`;
      await new Promise((resolve) => window.addEventListener('hashchange', resolve, { once: true }));
    });
    expect(labState().settings.seed).toBe(7);
    expect(window.location.hash).toBe('');
    expect(screen.getByText('Keep this lab', { selector: 'button' })).toBeVisible();
  });
});

// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../src/app/App';
import { decodeShare, encodeShare, sharedStateOf } from '../../src/core/shareCodec';
import { SHARE_HASH_PREFIX, openSharedLink } from '../../src/store/sharedLink';
import { addStylesheets } from '../helpers/appStylesheets';
import { labState, resetLab, setLab } from '../helpers/resetLab';

// No training worker in jsdom: the App's bridge to it is stubbed; everything else is the real lab.
vi.mock('../../src/store/trainerBridge', async (importOriginal) => {
  const bridge = await importOriginal<typeof import('../../src/store/trainerBridge')>();
  bridge.trainerBridge.send = () => {};
  return { ...bridge, connectTrainer: () => () => {} };
});

beforeAll(() => addStylesheets('src/app/styles.css'));
beforeEach(resetLab);
afterEach(cleanup);

// Found by text and aria-label, not by role: role queries over the whole lab with its stylesheet
// are too slow for jsdom.
const presenterButton = () =>
  screen.getByText('Presenter mode', { selector: 'button span' }).closest('button')!;
function labelled(name: string): HTMLElement {
  const element = document.querySelector<HTMLElement>(`[aria-label="${name}"]`);
  if (!element) throw new Error(`nothing labelled ${name}`);
  return element;
}

/** An element that another view marks advanced (the controls mark their advanced settings this way). */
function addAdvancedControl(): HTMLElement {
  const advanced = document.createElement('div');
  advanced.setAttribute('data-advanced', '');
  advanced.textContent = 'Seed and friends';
  labelled('Controls').append(advanced);
  return advanced;
}

describe('Presenter mode', () => {
  it('hides advanced controls and the panels a class does not need, and restores them', () => {
    render(<App />);
    const advanced = addAdvancedControl();
    const hiddenInClass = [
      advanced,
      labelled('Import and export'),
      labelled('Loss landscape'),
      labelled('Export Loss curve as PNG'),
    ];
    const keptInClass = ['Network', 'Loss curve', 'Decision boundary', 'Predict', 'Math', 'Controls'];
    expect(presenterButton()).toHaveAttribute('aria-pressed', 'false');
    for (const element of hiddenInClass) expect(element).toBeVisible();

    fireEvent.click(presenterButton());
    expect(presenterButton()).toHaveAttribute('aria-pressed', 'true');
    expect(labState().settings.presenter).toBe(true);
    expect(document.documentElement).toHaveClass('presenter');
    for (const element of hiddenInClass) expect(element).not.toBeVisible();
    for (const name of keptInClass) expect(labelled(name)).toBeVisible();
    expect(screen.getByText('Dataset', { selector: 'caption' })).toBeVisible();
    expect(screen.getByText('Share', { selector: 'button' })).toBeVisible();

    fireEvent.click(presenterButton());
    expect(presenterButton()).toHaveAttribute('aria-pressed', 'false');
    expect(document.documentElement).not.toHaveClass('presenter');
    for (const element of hiddenInClass) expect(element).toBeVisible();
  });

  it('P toggles it from the keyboard (not while typing), and the shortcuts dialog lists P', async () => {
    const user = userEvent.setup();
    render(<App />);
    // jsdom focuses the closed shortcuts dialog's Close button (autoFocus); a browser would not.
    act(() => {
      (document.activeElement as HTMLElement | null)?.blur();
    });
    await user.keyboard('p');
    expect(labState().settings.presenter).toBe(true);
    await user.keyboard('P');
    expect(labState().settings.presenter).toBe(false);

    const weight = within(labelled('Predict')).getAllByRole('textbox')[0]!;
    await user.type(weight, 'p');
    expect(labState().settings.presenter).toBe(false);

    const dialog = document.querySelector('dialog.shortcuts-dialog')!;
    const row = within(dialog as HTMLElement)
      .getByText('P', { selector: 'kbd' })
      .closest('tr')!;
    expect(row).toHaveTextContent('Presenter mode on / off');
  });

  it('opens as it was left (the setting is part of the store the lab saves)', () => {
    setLab((state) => ({ settings: { ...state.settings, presenter: true } }));
    render(<App />);
    expect(presenterButton()).toHaveAttribute('aria-pressed', 'true');
    expect(document.documentElement).toHaveClass('presenter');
  });
});

describe('Presenter mode in a share link', () => {
  it('a link made in presenter mode carries it, and opening the link turns it on', () => {
    const { settings, people } = labState();
    const shared = sharedStateOf({ ...settings, presenter: true }, people);
    const encoded = encodeShare(shared);
    const decoded = decodeShare(encoded);
    expect(decoded.ok && decoded.state.settings.presenter).toBe(true);

    expect(labState().settings.presenter).toBe(false);
    openSharedLink({ hash: `${SHARE_HASH_PREFIX}${encoded}`, pathname: '/', search: '' });
    expect(labState().settings.presenter).toBe(true);
  });

  it('a link made outside presenter mode leaves it off', () => {
    setLab((state) => ({ settings: { ...state.settings, presenter: true } }));
    const { settings, people } = labState();
    const encoded = encodeShare(sharedStateOf({ ...settings, presenter: false }, people));
    openSharedLink({ hash: `${SHARE_HASH_PREFIX}${encoded}`, pathname: '/', search: '' });
    expect(labState().settings.presenter).toBe(false);
  });
});

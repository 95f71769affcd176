// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DataIO } from '../../src/components/DataIO/DataIO';
import { ARTICLE_PEOPLE } from '../../src/core/dataset';
import { undoTableEdit } from '../../src/store/actions';
import { labState, resetLab, setLab } from '../helpers/resetLab';

const names = () => labState().people.map((person) => person.name);
const articleNames = ARTICLE_PEOPLE.map((person) => person.name);

async function pasteTwoPeople() {
  const user = userEvent.setup();
  render(<DataIO />);
  const panel = within(screen.getByRole('region', { name: 'Import and export' }));
  await user.click(panel.getByRole('textbox', { name: 'Paste CSV' }));
  await user.paste('name,weight,height,gender\nZoe,110,62,F\nMo,180,71,M\n');
  const importButton = panel.getByRole('button', { name: 'Import pasted text' });
  await user.click(importButton);
  return { user, panel, importButton };
}

beforeEach(resetLab);
afterEach(cleanup);

describe('importing pasted text over a table', () => {
  it('asks first, in the page, naming what it replaces; Replace imports and Undo puts the table back', async () => {
    const { user, panel } = await pasteTwoPeople();
    const question = panel.getByRole('group', {
      name: 'Replace the table’s 4 rows with the pasted text (3 lines)? Undo puts the table back.',
    });
    expect(names()).toEqual(articleNames); // nothing replaced yet
    const replace = within(question).getByRole('button', { name: 'Replace the table' });
    expect(replace).toHaveFocus();
    await user.click(replace);
    expect(names()).toEqual(['Zoe', 'Mo']);
    expect(panel.queryByRole('group', { name: /^Replace the table/ })).toBeNull();
    undoTableEdit();
    expect(names()).toEqual(articleNames);
  });

  it('Cancel, or Escape, leaves the table as it was and focus on Import pasted text', async () => {
    const { user, panel, importButton } = await pasteTwoPeople();
    await user.click(panel.getByRole('button', { name: 'Cancel' }));
    expect(names()).toEqual(articleNames);
    expect(importButton).toHaveFocus();
    expect(panel.queryByRole('button', { name: 'Replace the table' })).toBeNull();

    await user.click(importButton);
    await user.keyboard('{Escape}');
    expect(names()).toEqual(articleNames);
    expect(importButton).toHaveFocus();
  });

  it('does not ask when the table is empty: there is nothing to lose', async () => {
    setLab({ people: [] });
    await pasteTwoPeople();
    expect(names()).toEqual(['Zoe', 'Mo']);
    expect(screen.queryByRole('button', { name: 'Replace the table' })).toBeNull();
  });
});

// @vitest-environment jsdom
import '@vitest/web-worker';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DataIO } from '../../src/components/DataIO/DataIO';
import { LONGEST_SHOWN_PASTE } from '../../src/components/DataIO/PasteBox';
import { initialLabState, useLab } from '../../src/store/labStore';
import { resetLab } from '../helpers/resetLab';

/** `count` people, a text far longer than the box shows. */
function rowsOf(count: number): string {
  const lines = ['name,weight,height,gender'];
  for (let i = 0; i < count; i++) lines.push(`P${i},${100 + (i % 90)},${60 + (i % 9)},${i % 2 ? 'F' : 'M'}`);
  return lines.join('\n');
}

function renderPanel() {
  const user = userEvent.setup();
  render(<DataIO />);
  const panel = within(screen.getByRole('region', { name: 'Import and export' }));
  return {
    user,
    panel,
    box: panel.getByRole('textbox', { name: 'Paste CSV' }),
    importButton: panel.getByRole('button', { name: 'Import pasted text' }),
    status: panel.getByRole('status'),
  };
}

function paste(box: HTMLElement, text: string) {
  fireEvent.paste(box, { clipboardData: { getData: (type: string) => (type === 'text/plain' ? text : '') } });
}

beforeEach(resetLab);
afterEach(cleanup);

describe('a long paste', () => {
  it('is held for import rather than laid out in the box, and imports with progress in a worker', async () => {
    const { user, panel, box, importButton, status } = renderPanel();
    const text = rowsOf(20_000);
    expect(text.length).toBeGreaterThan(LONGEST_SHOWN_PASTE);
    paste(box, text);
    expect(box).toHaveValue('');
    expect(box).toHaveAccessibleDescription(/^Pasted text held for import: 20,001 lines \(\d+ KB\)/);
    await user.click(importButton);
    await user.click(panel.getByRole('button', { name: 'Replace the table' }));
    expect(within(status).getByRole('progressbar', { name: 'Import progress' })).toBeInTheDocument();
    expect(status).toHaveTextContent(/^Reading the pasted text…/);
    expect(await within(status).findByText('Imported 20,000 people.', {}, { timeout: 15_000 })).toBeVisible();
    expect(useLab.getState().people).toHaveLength(20_000);
    expect(useLab.getState().people[19_999]).toMatchObject({ name: 'P19999', weight: '119', gender: 'F' });
  });

  it('over the row limit is refused with the file’s message, and the table stays', async () => {
    const { user, panel, box, importButton, status } = renderPanel();
    paste(box, `weight,height,gender\n${'150,66,F\n'.repeat(100_001)}`);
    await user.click(importButton);
    await user.click(panel.getByRole('button', { name: 'Replace the table' }));
    expect(
      await within(status).findByText('The pasted text has 100,001 rows; the lab reads up to 100,000.'),
    ).toBeVisible();
    expect(within(status).queryByRole('progressbar')).toBeNull();
    expect(useLab.getState().people).toBe(initialLabState().people);
  });

  it('over 10 MB is refused at once, from its length', async () => {
    const { user, panel, box, importButton, status } = renderPanel();
    paste(box, 'x'.repeat(10.5 * 1024 * 1024));
    await user.click(importButton);
    await user.click(panel.getByRole('button', { name: 'Replace the table' }));
    expect(status).toHaveTextContent('The pasted text is 10.5 MB; the lab reads files up to 10 MB.');
    expect(useLab.getState().people).toBe(initialLabState().people);
  });

  it('gives way to typing, and a short paste goes into the box as usual', async () => {
    const { user, panel, box, importButton, status } = renderPanel();
    paste(box, rowsOf(5_000));
    await user.type(box, 'weight,height,sex{Enter}100,50,1');
    expect(box).toHaveValue('weight,height,sex\n100,50,1');
    expect(box).not.toHaveAccessibleDescription();
    await user.click(importButton);
    await user.click(panel.getByRole('button', { name: 'Replace the table' }));
    expect(await within(status).findByText('Imported 1 person.')).toBeVisible();
  });

  it('dropped as text is held like a pasted one; a file dropped on the box is imported by the panel', async () => {
    const { box, status } = renderPanel();
    const text = rowsOf(5_000);
    fireEvent.drop(box, { dataTransfer: { types: ['text/plain'], getData: () => text, files: [] } });
    expect(box).toHaveValue('');
    expect(box).toHaveAccessibleDescription(/^Pasted text held for import: 5,001 lines/);

    const file = new File(['name,weight,height,gender\nZoe,110,62,F\nMo,180,71,M'], 'two.csv');
    fireEvent.drop(box, { dataTransfer: { types: ['Files'], files: [file], getData: () => '' } });
    expect(await within(status).findByText('Imported 2 people.')).toBeVisible();
    expect(box).toHaveAccessibleDescription(/^Pasted text held for import/);
  });
});

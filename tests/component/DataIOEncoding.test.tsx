// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DataIO } from '../../src/components/DataIO/DataIO';
import { useLab } from '../../src/store/labStore';
import { resetLab } from '../helpers/resetLab';

const names = () => useLab.getState().people.map((p) => p.name);
/** A file of these bytes: text as UTF-8, numbers as single bytes. */
const bytesFile = (parts: (string | number)[], name: string) => {
  const bytes = parts.flatMap((part) =>
    typeof part === 'number' ? [part] : [...new TextEncoder().encode(part)],
  );
  return new File([Uint8Array.from(bytes)], name, { type: 'text/csv' });
};

function renderPanel() {
  const user = userEvent.setup();
  render(<DataIO />);
  const panel = within(screen.getByRole('region', { name: 'Import and export' }));
  return { user, fileInput: panel.getByLabelText('CSV file'), status: panel.getByRole('status') };
}

beforeEach(() => resetLab());
afterEach(cleanup);

describe('a file that is not UTF-8', () => {
  it('imports a Windows-1252 "José" as José and says how it was read, until the next import', async () => {
    const { user, fileInput, status } = renderPanel();
    // 0xE9 is é in Windows-1252; on its own it is not UTF-8.
    await user.upload(fileInput, bytesFile(['name,weight,height,gender\nJos', 0xe9, ',150,70,M'], 'old.csv'));
    expect(await within(status).findByText('Imported 1 person.')).toBeInTheDocument();
    expect(names()).toEqual(['José']);
    expect(status).toHaveTextContent(
      'The file old.csv is not UTF-8 text, so it was read as Windows-1252 (Western European)',
    );

    await user.upload(fileInput, bytesFile(['name,weight,height,gender\nZoë,120,60,F'], 'new.csv'));
    expect(await within(status).findByText('Imported 1 person.')).toBeInTheDocument();
    expect(names()).toEqual(['Zoë']);
    expect(status).not.toHaveTextContent('Windows-1252');
  });

  it('keeps the note through the mapping step of a file with its own columns', async () => {
    const { user, fileInput, status } = renderPanel();
    const text = ['caf', 0xe9, ',x,label\n1,2,a\n3,4,b'];
    await user.upload(fileInput, bytesFile(text, 'cafe.csv'));
    await user.click(await screen.findByRole('button', { name: 'Use these columns' }));
    expect(await within(status).findByText(/^Imported 2 rows/)).toBeInTheDocument();
    expect(useLab.getState().settings.dataLabels?.x1).toBe('café');
    expect(status).toHaveTextContent('read as Windows-1252');
  });
});

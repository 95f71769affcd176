// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DataIO } from '../../src/components/DataIO/DataIO';
import { useLab } from '../../src/store/labStore';
import { resetLab } from '../helpers/resetLab';

const PENGUINS = [
  'species,bill_length_mm,flipper_length_mm,body_mass_g,sex',
  'Adelie,39.1,181,3750,MALE',
  'Adelie,39.5,186,3800,FEMALE',
  'Adelie,36.7,193,3450,NA',
  'Gentoo,44.5,217,4875,.',
  'Gentoo,46.1,211,4500,FEMALE',
  'Gentoo,50.0,220,5700,MALE',
].join('\n');

beforeEach(resetLab);
afterEach(cleanup);

async function importPenguins() {
  const user = userEvent.setup();
  render(<DataIO />);
  const panel = within(screen.getByRole('region', { name: 'Import and export' }));
  await user.upload(panel.getByLabelText('CSV file'), new File([PENGUINS], 'penguins.csv'));
  const mapping = within(await panel.findByRole('group', { name: 'Choose columns' }));
  await user.selectOptions(mapping.getByRole('combobox', { name: 'First input' }), 'body_mass_g');
  await user.selectOptions(mapping.getByRole('combobox', { name: 'Second input' }), 'flipper_length_mm');
  await user.click(mapping.getByRole('button', { name: 'Use these columns' }));
  return { user, panel, status: panel.getByRole('status') };
}

describe('importing a real table', () => {
  it('counts and lists the rows with no label, and trains none of them', async () => {
    const { status } = await importPenguins();
    expect(status).toHaveTextContent('Imported 4 rows; 2 lines left out:');
    expect(status).toHaveTextContent('2 rows have no label (empty, NA, N/A, . or ?)');
    expect(status).toHaveTextContent('Line 4: Column “sex” is missing (“NA”).');
    expect(status).toHaveTextContent('Line 5: Column “sex” is missing (“.”).');
    expect(useLab.getState().people.map((person) => person.weight)).toEqual(['3750', '3800', '4500', '5700']);
    expect(useLab.getState().settings.dataLabels).toMatchObject({ positive: 'FEMALE', negative: 'MALE' });
  });

  it('says when the inputs are far from the article’s scale and switches to Standardize on request', async () => {
    const { user, status } = await importPenguins();
    expect(await within(status).findByText(/far from the article's scale/)).toHaveTextContent(
      'body_mass_g reaches 5,700 and flipper_length_mm reaches 220',
    );
    await user.click(within(status).getByRole('button', { name: 'Use Standardize' }));
    expect(useLab.getState().settings.scaling).toBe('standardize');
    expect(within(status).queryByRole('button', { name: 'Use Standardize' })).toBeNull();
  });

  it('gives no scale advice for the article’s kind of numbers', async () => {
    const user = userEvent.setup();
    render(<DataIO />);
    const panel = within(screen.getByRole('region', { name: 'Import and export' }));
    const text = 'name,weight,height,gender\nA,133,65,F\nB,160,72,M\nC,152,70,M\nD,120,60,F';
    await user.upload(panel.getByLabelText('CSV file'), new File([text], 'class.csv'));
    const status = panel.getByRole('status');
    expect(await within(status).findByText(/Imported 4 people/)).toBeInTheDocument();
    expect(within(status).queryByRole('button', { name: 'Use Standardize' })).toBeNull();
  });
});

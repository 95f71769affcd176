// @vitest-environment jsdom
import { act, cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DatasetTable } from '../../src/components/DatasetTable/DatasetTable';
import { ARTICLE_PEOPLE } from '../../src/core/dataset';
import { importDataset } from '../../src/store/dataActions';
import { labState, resetLab, setLab } from '../helpers/resetLab';

function renderTable() {
  const user = userEvent.setup();
  render(<DatasetTable />);
  const table = within(screen.getByRole('table', { name: 'Dataset' }));
  const units = screen.getByRole('combobox', { name: 'Units' });
  const values = (name: string) =>
    table.getAllByRole('textbox', { name }).map((box) => (box as HTMLInputElement).value);
  return { user, table, units, values };
}

beforeEach(resetLab);
afterEach(cleanup);

describe('DatasetTable units', () => {
  it('switching to kg, cm converts every valid cell, renames the columns and their textboxes', async () => {
    const { user, table, units, values } = renderTable();
    expect(units).toHaveValue('imperial');
    await user.selectOptions(units, 'kg, cm');
    expect(table.getByRole('columnheader', { name: 'Weight (kg)' })).toBeInTheDocument();
    expect(table.getByRole('columnheader', { name: 'Height (cm)' })).toBeInTheDocument();
    expect(values('Weight (kg)')).toEqual(['60.3', '72.6', '68.9', '54.4']);
    expect(values('Height (cm)')).toEqual(['165', '183', '178', '152']);
    expect(table.queryAllByRole('textbox', { name: 'Weight (lb)' })).toHaveLength(0);
    expect(labState().settings.units).toBe('metric');
    // The network sees the same people: outputs are unchanged (all-zero parameters say 0.500 anyway,
    // so the check is that no row was left out by the conversion).
    expect(screen.getByText(/4 of 4 people in training/)).toBeInTheDocument();
  });

  it('a bad cell keeps its text and its message through a switch; its good neighbours convert', async () => {
    const { user, table, units, values } = renderTable();
    const bobWeight = table.getAllByRole('textbox', { name: 'Weight (lb)' })[1]!;
    await user.clear(bobWeight);
    await user.type(bobWeight, '16o');
    await user.selectOptions(units, 'kg, cm');
    const bobKg = table.getAllByRole('textbox', { name: 'Weight (kg)' })[1]!;
    expect(bobKg).toHaveValue('16o');
    expect(bobKg).toHaveAccessibleDescription('“16o” is not a number.');
    expect(values('Height (cm)')[1]).toBe('183');
    expect(values('Weight (kg)')).toEqual(['60.3', '16o', '68.9', '54.4']);
  });

  it('the switch is one undo step: Undo brings back lb, in and the typed values; Redo kg, cm', async () => {
    const { user, units, values } = renderTable();
    await user.selectOptions(units, 'kg, cm');
    await user.click(screen.getByRole('button', { name: 'Undo' }));
    expect(units).toHaveValue('imperial');
    expect(values('Weight (lb)')).toEqual(ARTICLE_PEOPLE.map((person) => person.weight));
    expect(values('Height (in)')).toEqual(ARTICLE_PEOPLE.map((person) => person.height));
    expect(labState().settings.units).toBe('imperial');
    await user.click(screen.getByRole('button', { name: 'Redo' }));
    expect(units).toHaveValue('metric');
    expect(values('Weight (kg)')).toEqual(['60.3', '72.6', '68.9', '54.4']);
  });

  it('switching back gives exactly what was typed, in either unit', async () => {
    const { user, table, units, values } = renderTable();
    await user.selectOptions(units, 'kg, cm');
    const aliceKg = table.getAllByRole('textbox', { name: 'Weight (kg)' })[0]!;
    await user.clear(aliceKg);
    await user.type(aliceKg, '58.0');
    await user.selectOptions(units, 'lb, in');
    expect(values('Weight (lb)')).toEqual(['128', '160', '152', '120']);
    expect(values('Height (in)')).toEqual(['65', '72', '70', '60']);
    await user.selectOptions(units, 'kg, cm');
    expect(values('Weight (kg)')[0]).toBe('58.0');
  });

  it('imported columns name the table; the units are disabled; Reset to article data brings the article back', async () => {
    const { user, table, units } = renderTable();
    act(() =>
      importDataset(
        [
          { id: 'a', name: '', weight: '5.1', height: '-1.4', gender: 'F' },
          { id: 'b', name: '', weight: '7', height: '4.7', gender: 'M' },
        ],
        'imperial',
        { x1: 'sepal length', x2: 'petal score', positive: 'setosa', negative: 'versicolor' },
      ),
    );
    expect(table.getByRole('columnheader', { name: 'sepal length' })).toBeInTheDocument();
    expect(
      table.getAllByRole('textbox', { name: 'petal score' }).map((box) => (box as HTMLInputElement).value),
    ).toEqual(['-1.4', '4.7']);
    const label = table.getAllByRole('combobox', { name: 'Label' })[1]!;
    expect(label).toHaveDisplayValue('versicolor');
    expect(
      within(label)
        .getAllByRole('option')
        .map((option) => option.textContent),
    ).toEqual(['setosa', 'versicolor']);
    // A negative number is fine in an imported column: no unit, no plausibility limit.
    expect(screen.getByText(/2 of 2 rows in training/)).toBeInTheDocument();
    expect(units).toBeDisabled();

    await user.click(screen.getByRole('button', { name: 'Reset to article data' }));
    expect(labState().settings.dataLabels).toBeNull();
    expect(units).toBeEnabled();
    expect(table.getAllByRole('textbox', { name: 'Weight (lb)' })).toHaveLength(4);
    expect(table.getAllByRole('combobox', { name: 'Gender' })[0]).toHaveDisplayValue('Female');

    // Undo goes back to the imported table, with its names.
    await user.click(screen.getByRole('button', { name: 'Undo' }));
    expect(labState().settings.dataLabels).toMatchObject({ x1: 'sepal length' });
    expect(table.getAllByRole('textbox', { name: 'sepal length' })).toHaveLength(2);
  });

  it('Reset to article data in kg, cm shows the article’s people in kg and cm', async () => {
    const { user, units, values } = renderTable();
    await user.selectOptions(units, 'kg, cm');
    act(() => {
      setLab({ people: [] });
    });
    await user.click(screen.getByRole('button', { name: 'Reset to article data' }));
    expect(values('Weight (kg)')).toEqual(['60.3', '72.6', '68.9', '54.4']);
  });
});

// @vitest-environment jsdom
import { act, cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ARTICLE_PEOPLE } from '../../src/core/dataset';
import { initialParams } from '../../src/core/init';
import { DatasetTable } from '../../src/components/DatasetTable/DatasetTable';
import { labState, resetLab, setLab } from '../helpers/resetLab';

function resetStore(): void {
  resetLab();
}

function setParams(params: Float64Array): void {
  setLab({ run: { ...labState().run, params } });
}

function renderTable() {
  const user = userEvent.setup();
  render(<DatasetTable />);
  const table = screen.getByRole('table', { name: 'Dataset' });
  return { user, table, t: within(table) };
}

/** The data rows (the first row holds the column headers). */
function bodyRows(table: HTMLElement): HTMLElement[] {
  return within(table).getAllByRole('row').slice(1);
}

beforeEach(resetStore);
afterEach(cleanup);

describe('DatasetTable', () => {
  it('shows the article’s four people with their names, measurements and genders', () => {
    const { table } = renderTable();
    const rows = bodyRows(table);
    expect(rows).toHaveLength(4);
    ARTICLE_PEOPLE.forEach((person, index) => {
      const row = within(rows[index]!);
      expect(row.getByRole('textbox', { name: 'Name' })).toHaveValue(person.name);
      expect(row.getByRole('textbox', { name: 'Weight (lb)' })).toHaveValue(person.weight);
      expect(row.getByRole('textbox', { name: 'Height (in)' })).toHaveValue(person.height);
      expect(row.getByRole('combobox', { name: 'Gender' })).toHaveValue(person.gender);
      expect(row.getByRole('button', { name: `Remove ${person.name}` })).toBeInTheDocument();
    });
  });

  it('shows each person’s live output (3 decimals) and own loss; with all-ones parameters Alice reads 0.524 and 0.227', () => {
    setParams(initialParams('ones', 0));
    const { table } = renderTable();
    const alice = within(bodyRows(table)[0]!);
    // (1 - 0.5236951740839997)^2 = 0.22686...
    expect(alice.getByText('0.524')).toBeInTheDocument();
    expect(alice.getByText('0.227')).toBeInTheDocument();
  });

  it('follows training: new parameters change the Output and Loss cells', () => {
    const { table } = renderTable();
    // All-zero parameters: everyone gets sigmoid(0) = 0.5 and loss 0.25.
    expect(within(bodyRows(table)[0]!).getByText('0.500')).toBeInTheDocument();
    expect(within(bodyRows(table)[0]!).getByText('0.250')).toBeInTheDocument();
    act(() => setParams(initialParams('ones', 0)));
    expect(within(bodyRows(table)[0]!).getByText('0.524')).toBeInTheDocument();
  });

  it('a bad weight explains itself, keeps its text, leaves the row out, and reaches the store as typed', async () => {
    const { user, table, t } = renderTable();
    const bobWeight = t.getAllByRole('textbox', { name: 'Weight (lb)' })[1]!;
    await user.clear(bobWeight);
    await user.type(bobWeight, 'abc');
    expect(bobWeight).toHaveValue('abc');
    expect(bobWeight).toHaveAttribute('aria-invalid', 'true');
    expect(bobWeight).toHaveAccessibleDescription('“abc” is not a number.');
    expect(t.getByText('“abc” is not a number.')).toBeVisible();
    expect(labState().people[1]!.weight).toBe('abc');
    const bob = within(bodyRows(table)[1]!);
    expect(bob.getByText('left out of training')).toBeInTheDocument();
    expect(bob.getAllByText('—')).toHaveLength(2);
    // The others stay in.
    expect(t.getAllByText('left out of training')).toHaveLength(1);

    await user.clear(bobWeight);
    await user.type(bobWeight, '160');
    expect(bobWeight).not.toHaveAttribute('aria-invalid');
    expect(t.queryByText(/is not a number/)).not.toBeInTheDocument();
    expect(t.queryByText('left out of training')).not.toBeInTheDocument();
    expect(labState().people[1]!.weight).toBe('160');
  });

  it('edits of name and gender reach the store', async () => {
    const { user, table } = renderTable();
    const diana = within(bodyRows(table)[3]!);
    await user.type(diana.getByRole('textbox', { name: 'Name' }), 'na');
    await user.selectOptions(diana.getByRole('combobox', { name: 'Gender' }), 'Male');
    expect(labState().people[3]).toMatchObject({ name: 'Dianana', gender: 'M' });
  });

  it('Add person adds an empty row and focuses its Name box', async () => {
    const { user, table, t } = renderTable();
    await user.click(screen.getByRole('button', { name: 'Add person' }));
    const rows = bodyRows(table);
    expect(rows).toHaveLength(5);
    expect(labState().people).toHaveLength(5);
    expect(within(rows[4]!).getByRole('textbox', { name: 'Name' })).toHaveFocus();
    // An unnamed row is named by its position.
    expect(t.getByRole('button', { name: 'Remove person 5' })).toBeInTheDocument();
  });

  it('a person just added is not told "Weight is empty" until the weight cell has been left empty', async () => {
    const { user, table } = renderTable();
    await user.click(screen.getByRole('button', { name: 'Add person' }));
    const added = within(bodyRows(table)[4]!);
    const weight = added.getByRole('textbox', { name: 'Weight (lb)' });
    expect(added.queryByText('Weight is empty.')).not.toBeInTheDocument();
    expect(weight).not.toHaveAttribute('aria-invalid');
    await user.click(weight);
    await user.tab(); // left empty
    expect(weight).toHaveAttribute('aria-invalid', 'true');
    expect(weight).toHaveAccessibleDescription('Weight is empty.');
    expect(added.queryByText('Height is empty.')).not.toBeInTheDocument();
  });

  it('Remove Bob removes him and moves focus to the next row’s Remove button', async () => {
    const { user, table, t } = renderTable();
    await user.click(t.getByRole('button', { name: 'Remove Bob' }));
    expect(bodyRows(table)).toHaveLength(3);
    expect(labState().people.map((person) => person.name)).toEqual(['Alice', 'Charlie', 'Diana']);
    expect(t.queryByRole('button', { name: 'Remove Bob' })).not.toBeInTheDocument();
    expect(t.getByRole('button', { name: 'Remove Charlie' })).toHaveFocus();
  });

  it('Ctrl+Z inside the table undoes the last edit and Ctrl+Shift+Z redoes it; the buttons follow', async () => {
    const { user, t } = renderTable();
    const undo = screen.getByRole('button', { name: 'Undo' });
    const redo = screen.getByRole('button', { name: 'Redo' });
    expect(undo).toBeDisabled();
    expect(redo).toBeDisabled();
    const aliceName = t.getAllByRole('textbox', { name: 'Name' })[0]!;
    await user.type(aliceName, 'x');
    expect(labState().people[0]!.name).toBe('Alicex');
    expect(undo).toBeEnabled();

    await user.keyboard('{Control>}z{/Control}');
    expect(aliceName).toHaveValue('Alice');
    expect(labState().people[0]!.name).toBe('Alice');
    expect(redo).toBeEnabled();

    await user.keyboard('{Control>}{Shift>}z{/Shift}{/Control}');
    expect(aliceName).toHaveValue('Alicex');

    await user.click(undo);
    expect(aliceName).toHaveValue('Alice');
    await user.click(redo);
    expect(aliceName).toHaveValue('Alicex');
  });

  it('Ctrl+Z outside the table is left alone', async () => {
    const user = userEvent.setup();
    render(
      <>
        <input aria-label="Elsewhere" />
        <DatasetTable />
      </>,
    );
    const table = within(screen.getByRole('table', { name: 'Dataset' }));
    await user.type(table.getAllByRole('textbox', { name: 'Name' })[0]!, 'x');
    await user.click(screen.getByRole('textbox', { name: 'Elsewhere' }));
    await user.keyboard('{Control>}z{/Control}');
    expect(labState().people[0]!.name).toBe('Alicex');
  });

  it('Enter moves to the same column one row down, Shift+Enter one row up; on the last row it stays', async () => {
    const { user, t } = renderTable();
    const weights = t.getAllByRole('textbox', { name: 'Weight (lb)' });
    await user.click(weights[0]!);
    await user.keyboard('{Enter}');
    expect(weights[1]).toHaveFocus();
    await user.keyboard('{Shift>}{Enter}{/Shift}');
    expect(weights[0]).toHaveFocus();
    await user.click(weights[3]!);
    await user.keyboard('{Enter}');
    expect(weights[3]).toHaveFocus();
    expect(labState().people).toHaveLength(4);
  });

  it('Tab moves through a row’s cells in order', async () => {
    const { user, table } = renderTable();
    const alice = within(bodyRows(table)[0]!);
    await user.click(alice.getByRole('textbox', { name: 'Name' }));
    await user.tab();
    expect(alice.getByRole('textbox', { name: 'Weight (lb)' })).toHaveFocus();
    await user.tab();
    expect(alice.getByRole('textbox', { name: 'Height (in)' })).toHaveFocus();
    await user.tab();
    expect(alice.getByRole('combobox', { name: 'Gender' })).toHaveFocus();
  });

  it('focusing a cell selects its row for the other views and marks it as current', async () => {
    const { user, table } = renderTable();
    const charlie = bodyRows(table)[2]!;
    await user.click(within(charlie).getByRole('textbox', { name: 'Height (in)' }));
    expect(labState().selectedRow).toBe(2);
    expect(charlie).toHaveAttribute('aria-current', 'true');
    expect(bodyRows(table)[0]).not.toHaveAttribute('aria-current');
  });
});

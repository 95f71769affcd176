// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DatasetTable } from '../../src/components/DatasetTable/DatasetTable';
import type { Person } from '../../src/core/dataset';
import { selectRow } from '../../src/store/actions';
import { labState, resetLab, setLab } from '../helpers/resetLab';

const ROWS = 100_000;

function manyPeople(count: number): Person[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `row-${i}`,
    name: `P${i}`,
    weight: String(100 + (i % 90)),
    height: String(55 + (i % 25)),
    gender: i % 2 === 0 ? 'F' : 'M',
  }));
}

function renderLargeTable() {
  setLab({ people: manyPeople(ROWS) });
  const user = userEvent.setup();
  render(<DatasetTable />);
  const table = screen.getByRole('table', { name: 'Dataset' });
  // The scroll box is the table's parent. jsdom lays nothing out: the box gets the sizes a browser
  // would give it, and tests fire the scroll events a browser would.
  const scroller = table.parentElement!;
  Object.defineProperty(scroller, 'clientHeight', { configurable: true, value: 480 });
  Object.defineProperty(scroller, 'scrollHeight', { configurable: true, value: 46 * ROWS + 100 });
  return { user, table, scroller };
}

/** Rendered data rows (spacer rows are hidden from assistive technology, so they are not counted). */
function dataRows(table: HTMLElement): HTMLElement[] {
  return within(table).getAllByRole('row').slice(1);
}

function rowIndexes(table: HTMLElement): number[] {
  return dataRows(table).map((row) => Number(row.getAttribute('aria-rowindex')));
}

beforeEach(resetLab);
afterEach(cleanup);

describe('DatasetTable with 100,000 rows', () => {
  it('renders a window of rows and says how many there are (aria-rowcount, aria-rowindex)', () => {
    const { table } = renderLargeTable();
    const rows = dataRows(table);
    expect(rows.length).toBeGreaterThan(5);
    expect(rows.length).toBeLessThan(60);
    expect(table).toHaveAttribute('aria-rowcount', String(ROWS + 1));
    expect(rowIndexes(table).slice(0, 3)).toEqual([2, 3, 4]);
    expect(within(rows[0]!).getByRole('textbox', { name: 'Name' })).toHaveValue('P0');
    expect(screen.getByText(/100,000 of 100,000 people in training/)).toBeInTheDocument();
  });

  it('scrolling shows the rows further down, with their live output', () => {
    const { table, scroller } = renderLargeTable();
    scroller.scrollTop = 46 * 50_000;
    act(() => void fireEvent.scroll(scroller));
    const indexes = rowIndexes(table);
    expect(indexes[0]).toBeGreaterThan(49_000);
    expect(indexes[0]).toBeLessThan(51_000);
    // Row index n is person n - 2, so names and positions agree.
    const first = dataRows(table)[0]!;
    expect(within(first).getByRole('textbox', { name: 'Name' })).toHaveValue(`P${indexes[0]! - 2}`);
    expect(within(first).getByTestId('row-output')).toHaveTextContent('0.500');
  });

  it('a row picked elsewhere (the plane) scrolls in; editing it far down reaches the store', async () => {
    const { user, table, scroller } = renderLargeTable();
    act(() => selectRow(70_000));
    expect(scroller.scrollTop).toBeGreaterThan(46 * 60_000);
    act(() => void fireEvent.scroll(scroller));
    const row = dataRows(table).find((r) => r.getAttribute('aria-rowindex') === String(70_002))!;
    expect(row).toHaveAttribute('aria-current', 'true');
    const weight = within(row).getByRole('textbox', { name: 'Weight (lb)' });
    await user.clear(weight);
    await user.type(weight, '201.5');
    expect(labState().people[70_000]!.weight).toBe('201.5');
    expect(labState().people).toHaveLength(ROWS);
  });

  it('Enter on the last rendered row moves to the next row, rendering it and keeping focus', async () => {
    const { user, table } = renderLargeTable();
    const last = Math.max(...rowIndexes(table)) - 2;
    const lastRow = dataRows(table).at(-1)!;
    await user.click(within(lastRow).getByRole('textbox', { name: 'Height (in)' }));
    await user.keyboard('{Enter}');
    const focused = document.activeElement as HTMLElement;
    expect(focused).toHaveAccessibleName('Height (in)');
    expect(focused.dataset.row).toBe(String(last + 1));
    expect(labState().selectedRow).toBe(last + 1);
  });

  it('a focused row stays rendered when scrolled far away, so typing goes on in it', async () => {
    const { user, table, scroller } = renderLargeTable();
    const name = within(dataRows(table)[1]!).getByRole('textbox', { name: 'Name' });
    await user.click(name);
    scroller.scrollTop = 46 * 90_000;
    act(() => void fireEvent.scroll(scroller));
    expect(name).toBeInTheDocument();
    expect(name).toHaveFocus();
    expect(rowIndexes(table)[0]).toBe(3);
    expect(rowIndexes(table)[1]).toBeGreaterThan(80_000);
    await user.type(name, 'x');
    expect(labState().people[1]!.name).toBe('P1x');
  });

  it('Add person appends row 100,001 and focuses its Name box; Remove takes it away', async () => {
    const { user, table } = renderLargeTable();
    await user.click(screen.getByRole('button', { name: 'Add person' }));
    expect(labState().people).toHaveLength(ROWS + 1);
    expect(table).toHaveAttribute('aria-rowcount', String(ROWS + 2));
    const focused = document.activeElement as HTMLElement;
    expect(focused).toHaveAccessibleName('Name');
    expect(focused.closest('tr')).toHaveAttribute('aria-rowindex', String(ROWS + 2));
    await user.click(screen.getByRole('button', { name: `Remove person ${ROWS + 1}` }));
    expect(labState().people).toHaveLength(ROWS);
  });

  it('undo brings back a far edit', async () => {
    const { user, table } = renderLargeTable();
    const name = within(dataRows(table)[2]!).getByRole('textbox', { name: 'Name' });
    await user.type(name, 'y');
    expect(labState().people[2]!.name).toBe('P2y');
    await user.click(screen.getByRole('button', { name: 'Undo' }));
    expect(labState().people[2]!.name).toBe('P2');
    expect(name).toHaveValue('P2');
  });
});

// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DatasetTable } from '../../src/components/DatasetTable/DatasetTable';
import { updatePerson } from '../../src/store/actions';
import { setUnits } from '../../src/store/dataActions';
import { useLab } from '../../src/store/labStore';
import { resetLab } from '../helpers/resetLab';

beforeEach(resetLab);
afterEach(cleanup);

function renderTable() {
  const user = userEvent.setup();
  render(<DatasetTable />);
  return { user, select: screen.getByRole('combobox', { name: 'Example data' }) };
}

const table = () => screen.getByRole('table', { name: 'Dataset' });
/** The notice under the select (the Noise slider's output is a status too). */
const notice = () => screen.getByText(/^Loaded /);
const firstName = () => within(table()).getAllByRole('textbox', { name: 'Name' })[0];

describe('Example data', () => {
  it('offers the article’s people (chosen) and the generated sets', () => {
    const { select } = renderTable();
    expect(select).toHaveValue('article');
    const options = within(select)
      .getAllByRole('option')
      .map((option) => option.textContent);
    expect(options).toEqual([
      'Article (4 people)',
      'People (generated)',
      'XOR',
      'Circle',
      'Two clusters',
      'Spiral',
      'Moons',
      'Plane',
      'Hills',
    ]);
    expect(screen.queryByRole('button', { name: 'Regenerate' })).toBeNull();
  });

  it('still reads the article’s people as the article’s in kg and cm, and an edit as the user’s own', () => {
    const { select } = renderTable();
    act(() => setUnits('metric'));
    expect(select).toHaveValue('article');
    act(() => updatePerson('alice', { weight: '70' }));
    expect(select).toHaveValue('own');
  });

  it('choosing XOR replaces the table, names its columns x1 and x2, and says how to undo', async () => {
    const { user, select } = renderTable();
    await user.selectOptions(select, 'XOR');
    expect(within(table()).getByRole('columnheader', { name: 'x1' })).toBeInTheDocument();
    expect(within(table()).getByRole('columnheader', { name: 'x2' })).toBeInTheDocument();
    expect(firstName()).toHaveValue('Point 1');
    expect(screen.getByText('200 of 200 rows in training.', { exact: false })).toBeInTheDocument();
    expect(notice()).toHaveTextContent(
      'Loaded XOR: 200 points, noise 10 %. Undo (Ctrl+Z) brings back your table. Input scaling is now Standardize',
    );
    expect(screen.getByRole('spinbutton', { name: 'Points' })).toHaveValue(200);
    expect(screen.getByRole('slider', { name: 'Noise' })).toHaveValue('10');
  });

  it('Undo brings back the article’s people, and the notice goes with the table it spoke of', async () => {
    const { user, select } = renderTable();
    await user.selectOptions(select, 'Circle');
    await user.click(screen.getByRole('button', { name: 'Undo' }));
    expect(firstName()).toHaveValue('Alice');
    expect(select).toHaveValue('article');
    expect(screen.queryByText(/^Loaded /)).toBeNull();
    expect(screen.queryByRole('spinbutton', { name: 'Points' })).toBeNull();
  });

  it('Points and Noise make the set again; Regenerate draws a new one', async () => {
    const { user, select } = renderTable();
    await user.selectOptions(select, 'Moons');
    const points = screen.getByRole('spinbutton', { name: 'Points' });
    await user.clear(points);
    await user.type(points, '40{Enter}');
    expect(screen.getByText('40 of 40 rows in training.', { exact: false })).toBeInTheDocument();
    expect(notice()).toHaveTextContent('Loaded Moons: 40 points, noise 10 %.');

    const noise = screen.getByRole('slider', { name: 'Noise' });
    fireEvent.change(noise, { target: { value: '35' } });
    expect(useLab.getState().settings.dataSource?.noise).toBe(0.1); // not yet: still moving
    fireEvent.pointerUp(noise);
    expect(useLab.getState().settings.dataSource?.noise).toBe(0.35);
    expect(notice()).toHaveTextContent('noise 35 %');

    const before = useLab.getState().people;
    await user.click(screen.getByRole('button', { name: 'Regenerate' }));
    expect(useLab.getState().people).not.toBe(before);
    expect(useLab.getState().settings.dataSource?.seed).not.toBe(1);
  });

  it('refuses Points outside 10 to 100,000 and keeps the table', async () => {
    const { user, select } = renderTable();
    await user.selectOptions(select, 'Spiral');
    const points = screen.getByRole('spinbutton', { name: 'Points' });
    await user.clear(points);
    await user.type(points, '5{Enter}');
    expect(screen.getByRole('alert')).toHaveTextContent('Points is a whole number from 10 to 100,000.');
    expect(useLab.getState().people).toHaveLength(200);
  });

  it('an edited set is the user’s own table: the select says so and the set’s controls go', async () => {
    const { user, select } = renderTable();
    await user.selectOptions(select, 'Two clusters');
    act(() => updatePerson(useLab.getState().people[0]!.id, { weight: '1' }));
    expect(select).toHaveValue('own');
    expect(within(select).getByRole('option', { name: 'Your own table' })).toBeDisabled();
    expect(screen.queryByRole('button', { name: 'Regenerate' })).toBeNull();
  });

  it('choosing the article again brings back its people in the lab’s columns', async () => {
    const { user, select } = renderTable();
    await user.selectOptions(select, 'XOR');
    await user.selectOptions(select, 'Article (4 people)');
    expect(firstName()).toHaveValue('Alice');
    expect(within(table()).getByRole('columnheader', { name: 'Weight (lb)' })).toBeInTheDocument();
    expect(notice()).toHaveTextContent("Loaded the article's 4 people.");
  });
});

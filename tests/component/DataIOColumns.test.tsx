// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DataIO } from '../../src/components/DataIO/DataIO';
import { DatasetTable } from '../../src/components/DatasetTable/DatasetTable';
import { Predict } from '../../src/components/Predict/Predict';
import { applyMapping, parseDatasetCsv, suggestMapping } from '../../src/core/csv';
import type { Person } from '../../src/core/dataset';
import { undoTableEdit } from '../../src/store/actions';
import { setUnits } from '../../src/store/dataActions';
import { labState, resetLab } from '../helpers/resetLab';

const visible = ({ name, weight, height, gender }: Person) => ({ name, weight, height, gender });
const csvFile = (text: string, name = 'flowers.csv') => new File([text], name, { type: 'text/csv' });

function renderLab() {
  const user = userEvent.setup();
  render(
    <>
      <DataIO />
      <DatasetTable />
      <Predict />
    </>,
  );
  const panel = within(screen.getByRole('region', { name: 'Import and export' }));
  return {
    user,
    panel,
    table: within(screen.getByRole('table', { name: 'Dataset' })),
    predict: within(screen.getByRole('region', { name: 'Predict' })),
    fileInput: panel.getByLabelText('CSV file'),
  };
}

/** The text of the next download (jsdom has no object URLs, so they are stubbed). */
function captureDownloads() {
  const blobs: Blob[] = [];
  URL.createObjectURL = vi.fn((blob: Blob) => {
    blobs.push(blob);
    return `blob:test/${blobs.length}`;
  });
  URL.revokeObjectURL = vi.fn();
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
  return () => blobs.at(-1)!.text();
}

const FLOWERS = 'petal_length,petal_width,species\n1.4,0.2,setosa\n4.7,1.4,versicolor\n1.3,0.2,setosa';

beforeEach(resetLab);
afterEach(cleanup);

describe('importing a file with its own columns', () => {
  it('relabels the table, its textboxes and label select, and Predict, after the chosen columns', async () => {
    const { user, panel, table, predict, fileInput } = renderLab();
    await user.upload(fileInput, csvFile(FLOWERS));
    const mapping = within(await panel.findByRole('group', { name: 'Choose columns' }));
    await user.selectOptions(mapping.getByRole('combobox', { name: 'Label value meaning 1' }), 'setosa');
    await user.click(mapping.getByRole('button', { name: 'Use these columns' }));

    expect(table.getByRole('columnheader', { name: 'petal_length' })).toBeInTheDocument();
    expect(table.getByRole('columnheader', { name: 'petal_width' })).toBeInTheDocument();
    expect(table.getAllByRole('textbox', { name: 'petal_length' })).toHaveLength(3);
    const labels = table.getAllByRole('combobox', { name: 'Label' });
    expect(labels.map((select) => (select as HTMLSelectElement).selectedOptions[0]!.text)).toEqual([
      'setosa',
      'versicolor',
      'setosa',
    ]);
    expect(predict.getByRole('textbox', { name: 'petal_length' })).toHaveValue('1.4');
    expect(predict.getByRole('textbox', { name: 'petal_width' })).toHaveValue('0.2');
    expect(screen.getByRole('combobox', { name: 'Units' })).toBeDisabled();

    // One undo step takes back the table and its names.
    undoTableEdit();
    expect(labState().settings.dataLabels).toBeNull();
    expect(await table.findAllByRole('textbox', { name: 'Weight (lb)' })).toHaveLength(4);
  });

  it('a name/weight/height/gender file clears the imported names again', async () => {
    const { user, panel, table, fileInput } = renderLab();
    await user.upload(fileInput, csvFile(FLOWERS));
    const mapping = within(await panel.findByRole('group', { name: 'Choose columns' }));
    await user.click(mapping.getByRole('button', { name: 'Use these columns' }));
    expect(labState().settings.dataLabels).not.toBeNull();
    await user.upload(
      fileInput,
      csvFile('name,weight,height,gender\nZoe,110,62,F\nMo,180,71,M', 'class.csv'),
    );
    expect(await table.findAllByRole('textbox', { name: 'Weight (lb)' })).toHaveLength(2);
    expect(labState().settings.dataLabels).toBeNull();
  });

  it('a kg/cm file comes in as typed, in kg and cm', async () => {
    const { user, table, fileInput } = renderLab();
    await user.upload(fileInput, csvFile('name,weight (kg),height (cm),gender\nZoe,50.5,158,F\nMo,81,180,M'));
    expect(await table.findAllByRole('textbox', { name: 'Weight (kg)' })).toHaveLength(2);
    expect(labState().settings.units).toBe('metric');
    expect(labState().people.map(visible)).toEqual([
      { name: 'Zoe', weight: '50.5', height: '158', gender: 'F' },
      { name: 'Mo', weight: '81', height: '180', gender: 'M' },
    ]);
  });
});

describe('Export CSV writes the columns the table shows', () => {
  it('an imported file’s column names and label values, which map back to the same table', async () => {
    const lastDownload = captureDownloads();
    const { user, panel, fileInput } = renderLab();
    await user.upload(fileInput, csvFile(FLOWERS));
    const mapping = within(await panel.findByRole('group', { name: 'Choose columns' }));
    await user.click(mapping.getByRole('button', { name: 'Use these columns' }));
    const imported = labState().people.map(visible);
    await user.click(panel.getByRole('button', { name: 'Export CSV' }));
    const text = await lastDownload();
    expect(text.split('\n').slice(0, 2)).toEqual(['name,petal_length,petal_width,label', ',1.4,0.2,setosa']);
    const back = parseDatasetCsv(text);
    if (back.kind !== 'needs-mapping') throw new Error(`expected the mapping step, got ${back.kind}`);
    const again = applyMapping(back, suggestMapping(back));
    expect(again.kind === 'people' && again.people.map(visible)).toEqual(imported);
    expect(again.kind === 'people' && again.labels).toEqual(labState().settings.dataLabels);
  });

  it('kg and cm headers, so the file imports back in kg and cm, exactly', async () => {
    const lastDownload = captureDownloads();
    const { user, panel } = renderLab();
    setUnits('metric');
    await user.click(panel.getByRole('button', { name: 'Export CSV' }));
    const text = await lastDownload();
    expect(text.split('\n')[0]).toBe('name,weight (kg),height (cm),gender');
    const back = parseDatasetCsv(text);
    expect(back.kind === 'people' && back.units).toBe('metric');
    expect(back.kind === 'people' && back.people.map(visible)).toEqual(labState().people.map(visible));
  });
});

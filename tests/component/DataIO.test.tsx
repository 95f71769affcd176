// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DataIO } from '../../src/components/DataIO/DataIO';
import { parseDatasetCsv } from '../../src/core/csv';
import { ARTICLE_ARCHITECTURE, paramNames } from '../../src/core/architecture';
import { ARTICLE_PEOPLE, type Person } from '../../src/core/dataset';
import { initialParams } from '../../src/core/init';
import { ARTICLE_SHIFT } from '../../src/core/scaling';
import { undoTableEdit } from '../../src/store/actions';
import { initialLabState } from '../../src/store/labStore';
import { labState, resetLab, setLab } from '../helpers/resetLab';
import { captureDownloads } from '../helpers/captureDownloads';

const visible = ({ name, weight, height, gender }: Person) => ({ name, weight, height, gender });
const tableNow = () => labState().people.map(visible);
const csvFile = (text: string, name = 'class.csv') => new File([text], name, { type: 'text/csv' });

function renderPanel() {
  const user = userEvent.setup();
  render(<DataIO />);
  const panel = within(screen.getByRole('region', { name: 'Import and export' }));
  return { user, panel, fileInput: panel.getByLabelText('CSV file'), status: panel.getByRole('status') };
}

beforeEach(() => {
  resetLab();
});
afterEach(cleanup);

describe('Import CSV', () => {
  it('replaces the table with a picked file and lists each bad line by number (one undo step)', async () => {
    const { user, fileInput, status } = renderPanel();
    const text =
      'Name,Weight (lb),Height (in),Gender\nAna,120,61,F\n"Lee, Jr.",170,70,M\nBad,abc,70,M\nKim,140,66,female';
    await user.upload(fileInput, csvFile(text));
    expect(await within(status).findByText('Imported 3 people; 1 line left out:')).toBeInTheDocument();
    expect(status).toHaveTextContent('Line 4: Weight: “abc” is not a number.');
    expect(tableNow()).toEqual([
      { name: 'Ana', weight: '120', height: '61', gender: 'F' },
      { name: 'Lee, Jr.', weight: '170', height: '70', gender: 'M' },
      { name: 'Kim', weight: '140', height: '66', gender: 'F' },
    ]);
    undoTableEdit();
    expect(tableNow()).toEqual(ARTICLE_PEOPLE.map(visible));
  });

  it('keeps rows with values out of the lab’s range, and says how many the table marks', async () => {
    const { user, fileInput, status } = renderPanel();
    await user.upload(
      fileInput,
      csvFile('name,weight,height,gender\nAna,120,61,F\nBig,5000,70,M\nTall,150,200,M'),
    );
    expect(await within(status).findByText('Imported 3 people.')).toBeInTheDocument();
    expect(
      await within(status).findByText(/^2 imported rows have values outside the lab's range/),
    ).toBeInTheDocument();
    expect(tableNow().map((p) => p.name)).toEqual(['Ana', 'Big', 'Tall']);
  });

  it('refuses a file with no rows, or over 10 MB, with a clear message and changes nothing', async () => {
    const { user, fileInput, status } = renderPanel();
    await user.upload(fileInput, csvFile('name,weight,height,gender\n', 'empty.csv'));
    expect(
      await within(status).findByText('The file empty.csv has a header line but no data rows.'),
    ).toBeInTheDocument();
    const big = csvFile('name,weight,height,gender\n', 'big.csv');
    Object.defineProperty(big, 'size', { value: Math.round(12.3 * 1024 * 1024) });
    await user.upload(fileInput, big);
    expect(
      await within(status).findByText('The file big.csv is 12.3 MB; the lab reads files up to 10 MB.'),
    ).toBeInTheDocument();
    expect(labState().people).toBe(initialLabState().people);
  });

  it('says so when no row could be used, lists why, and keeps the table', async () => {
    const { user, fileInput, status } = renderPanel();
    await user.upload(fileInput, csvFile('name,weight,height,gender\nA,,60,F\nB,150,70,X'));
    expect(
      await within(status).findByText(/No row could be imported, so the table is unchanged/),
    ).toBeVisible();
    expect(status).toHaveTextContent('Line 2: Weight is empty.');
    expect(status).toHaveTextContent('Line 3: Gender “X” is not F, M');
    expect(labState().people).toBe(initialLabState().people);
  });

  it('asks which columns to use when the headers are a,b,c,label', async () => {
    const { user, panel, fileInput, status } = renderPanel();
    await user.upload(fileInput, csvFile('a,b,c,label\n1,2,3,no\n4,5,6,yes\n7,,9,yes'));
    const mapping = within(await panel.findByRole('group', { name: 'Choose columns' }));
    expect(mapping.getByText(/will use your column names \(with no units\)/)).toBeVisible();
    await user.selectOptions(mapping.getByRole('combobox', { name: 'First input' }), 'c');
    await user.selectOptions(mapping.getByRole('combobox', { name: 'Second input' }), 'a');
    await user.selectOptions(mapping.getByRole('combobox', { name: 'Label column' }), 'label');
    await user.selectOptions(mapping.getByRole('combobox', { name: 'Label value meaning 1' }), 'yes');
    expect(labState().people).toBe(initialLabState().people); // nothing changes before the choice
    await user.click(mapping.getByRole('button', { name: 'Use these columns' }));
    expect(tableNow()).toEqual([
      { name: '', weight: '3', height: '1', gender: 'M' },
      { name: '', weight: '6', height: '4', gender: 'F' },
      { name: '', weight: '9', height: '7', gender: 'F' },
    ]);
    expect(status).toHaveTextContent('Imported 3 rows.');
    expect(status).toHaveTextContent(/now use your column names/);
    expect(labState().settings.dataLabels).toEqual({
      x1: 'c',
      x2: 'a',
      positive: 'yes',
      negative: 'no',
    });
    expect(panel.queryByRole('group', { name: 'Choose columns' })).toBeNull();
  });

  it('will not map one column twice', async () => {
    const { user, panel, fileInput } = renderPanel();
    await user.upload(fileInput, csvFile('a,b,c,label\n1,2,3,no'));
    const mapping = within(await panel.findByRole('group', { name: 'Choose columns' }));
    await user.selectOptions(mapping.getByRole('combobox', { name: 'Second input' }), 'a');
    expect(mapping.getByText('Pick three different columns: two inputs and a label.')).toBeVisible();
    expect(mapping.getByRole('button', { name: 'Use these columns' })).toBeDisabled();
  });

  it('imports pasted text and a dropped file', async () => {
    const { user, panel, status } = renderPanel();
    await user.click(panel.getByRole('textbox', { name: 'Paste CSV' }));
    await user.paste('weight,height,sex\n100,50,1\n');
    await user.click(panel.getByRole('button', { name: 'Import pasted text' }));
    await user.click(panel.getByRole('button', { name: 'Replace the table' }));
    expect(tableNow()).toEqual([{ name: '', weight: '100', height: '50', gender: 'F' }]);
    expect(status).toHaveTextContent('Imported 1 person.');

    const region = screen.getByRole('region', { name: 'Import and export' });
    const file = csvFile('name,weight,height,gender\nZoe,110,62,F\nMo,180,71,M');
    fireEvent.drop(region, { dataTransfer: { files: [file], types: ['Files'] } });
    expect(await within(status).findByText('Imported 2 people.')).toBeInTheDocument();
    expect(tableNow().map((p) => p.name)).toEqual(['Zoe', 'Mo']);
  });
});

describe('Export', () => {
  it('Export CSV downloads the table, which imports back exactly', async () => {
    const lastDownload = captureDownloads();
    const odd: Person = {
      id: 'o',
      name: 'Ödön, "the\nsecond"',
      weight: ' 150.0 ',
      height: '1e2',
      gender: 'M',
    };
    setLab({ people: [...ARTICLE_PEOPLE, odd] });
    const { user, panel, status } = renderPanel();
    await user.click(panel.getByRole('button', { name: 'Export CSV' }));
    const { name, text } = await lastDownload();
    expect(name).toBe('backprop-lab-dataset.csv');
    const back = parseDatasetCsv(text);
    expect(back.kind === 'people' && back.people.map(visible)).toEqual([...ARTICLE_PEOPLE, odd].map(visible));
    expect(status).toHaveTextContent('Exported 5 people as backprop-lab-dataset.csv.');
  });

  it('Export weights and Export as code carry the current parameters', async () => {
    const lastDownload = captureDownloads();
    const params = initialParams('random', 7);
    setLab({ run: { ...labState().run, params, scaling: ARTICLE_SHIFT, epoch: 1234 } });
    const { user, panel, status } = renderPanel();
    await user.click(panel.getByRole('button', { name: 'Export weights' }));
    const weights = await lastDownload();
    expect(weights.name).toBe('backprop-lab-weights.json');
    expect((JSON.parse(weights.text) as { params: { w1: number } }).params.w1).toBe(params[0]);
    expect(status).toHaveTextContent('Exported the weights at epoch 1,234 as backprop-lab-weights.json.');

    await user.selectOptions(panel.getByRole('combobox', { name: 'Code language' }), 'Python');
    await user.click(panel.getByRole('button', { name: 'Export as code' }));
    const code = await lastDownload();
    expect(code.name).toBe('predict.py');
    expect(code.text).toContain('def predict(weight, height):');
    expect(code.text).toContain(`    b3 = ${String(params[8])}\n`);
  });

  it('exports the run’s own network: every parameter of 3 tanh hidden neurons, in that activation', async () => {
    const lastDownload = captureDownloads();
    const architecture = { ...ARTICLE_ARCHITECTURE, hidden: 3, activation: 'tanh' as const };
    const params = initialParams('random', 7, 3);
    setLab({ run: { ...labState().run, architecture, params, scaling: ARTICLE_SHIFT } });
    const { user, panel } = renderPanel();
    await user.click(panel.getByRole('button', { name: 'Export weights' }));
    const json = JSON.parse((await lastDownload()).text) as {
      params: Record<string, number>;
      hidden: number;
    };
    expect(Object.keys(json.params)).toEqual(paramNames(3));
    expect(json.hidden).toBe(3);
    await user.click(panel.getByRole('button', { name: 'Export as code' }));
    expect((await lastDownload()).text).toContain('const h3 = tanh(w5 * x1 + w6 * x2 + b3);');
  });
});

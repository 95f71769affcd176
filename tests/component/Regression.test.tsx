// @vitest-environment jsdom
import { act, cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ARTICLE_ARCHITECTURE } from '../../src/core/architecture';
import type { Person } from '../../src/core/dataset';
import { networkOf, predictRaw } from '../../src/core/engine';
import { initialParams } from '../../src/core/init';
import { architectureFor } from '../../src/core/outputLayer';
import { IDENTITY_SCALING } from '../../src/core/scaling';
import { NetworkOptions } from '../../src/components/Controls/NetworkOptions';
import { DatasetTable } from '../../src/components/DatasetTable/DatasetTable';
import { Predict } from '../../src/components/Predict/Predict';
import { TrainingStatus } from '../../src/components/TrainingStatus/TrainingStatus';
import { formatLoss, formatValue } from '../../src/components/format';
import { runHistory } from '../../src/store/runHistory';
import { nextFrame } from '../helpers/nextFrame';
import { labState, resetLab, setLab } from '../helpers/resetLab';

const LINEAR = architectureFor(ARTICLE_ARCHITECTURE, 'number');
const ROWS: Person[] = [
  { id: 'a', name: 'a', weight: '1', height: '2', gender: 'M', target: '3.5' },
  { id: 'b', name: 'b', weight: '-1', height: '0.5', gender: 'M', target: '-2' },
  { id: 'c', name: 'c', weight: '0', height: '-1', gender: 'M', target: '7' },
];
const LABELS = { x1: 'rooms', x2: 'age', positive: '', negative: '', target: 'price' };

/** A regression table with its linear run: params random (seed 3), inputs unscaled. */
function regressionLab(): Float64Array {
  const params = initialParams('random', 3);
  setLab({
    people: ROWS,
    settings: { ...labState().settings, dataLabels: LABELS },
    run: { ...labState().run, params, architecture: LINEAR, scaling: IDENTITY_SCALING },
  });
  return params;
}

beforeEach(() => {
  resetLab();
});
afterEach(cleanup);

describe('a numeric target in the views', () => {
  it('Predict shows the predicted number with the target’s name, and no class', () => {
    const params = regressionLab();
    render(<Predict />);
    const panel = within(screen.getByRole('region', { name: 'Predict' }));
    const weight = panel.getByRole('textbox', { name: 'rooms' });
    const height = panel.getByRole('textbox', { name: 'age' });
    const expected = predictRaw(
      networkOf(LINEAR, params, IDENTITY_SCALING),
      Number((weight as HTMLInputElement).value),
      Number((height as HTMLInputElement).value),
    );
    expect(panel.getByText('Predicted price')).toBeInTheDocument();
    expect(panel.getByText(formatValue(expected))).toBeInTheDocument();
    expect(panel.queryByText('Confidence')).toBeNull();
  });

  it('the status shows the mean absolute error instead of accuracy, recorded while training', async () => {
    const params = regressionLab();
    render(<TrainingStatus />);
    const status = screen.getByRole('region', { name: 'Training status' });
    const net = networkOf(LINEAR, params, IDENTITY_SCALING);
    const error =
      ROWS.reduce(
        (sum, row) =>
          sum + Math.abs(Number(row.target) - predictRaw(net, Number(row.weight), Number(row.height))),
        0,
      ) / ROWS.length;
    expect(status).toHaveTextContent(`Mean absolute error ${formatLoss(error)}`);
    expect(status).not.toHaveTextContent('Accuracy');
    act(() => {
      runHistory.appendBatch(0, 1, Float64Array.of(0.2), new Float64Array(9), Float64Array.of(1.25));
      const state = labState();
      setLab({
        run: { ...state.run, status: 'running', sampleCount: 3 },
        historyVersion: state.historyVersion + 1,
      });
    });
    await nextFrame(); // while training, the status shows it on the display clock's next beat
    expect(status).toHaveTextContent('Mean absolute error 1.25');
  });

  it('the Dataset table edits a Target column named after the target, and explains a bad cell', async () => {
    regressionLab();
    const user = userEvent.setup();
    render(<DatasetTable />);
    const table = screen.getByRole('table', { name: 'Dataset' });
    expect(within(table).getByRole('columnheader', { name: 'price' })).toBeInTheDocument();
    expect(within(table).queryByRole('combobox')).toBeNull();
    const cells = within(table).getAllByRole('textbox', { name: 'price' });
    expect(cells.map((cell) => (cell as HTMLInputElement).value)).toEqual(['3.5', '-2', '7']);
    await user.clear(cells[1]!);
    await user.type(cells[1]!, 'lots');
    expect(labState().people[1]!.target).toBe('lots');
    expect(within(table).getByText('“lots” is not a number.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: /add/i }));
    expect(labState().people[3]!.target).toBe('');
  });

  it('offers only the mean squared error as the loss, and says why cross-entropy is not offered', () => {
    const { rerender } = render(<NetworkOptions />);
    const options = () =>
      within(screen.getByRole('combobox', { name: 'Loss' }))
        .getAllByRole('option')
        .map((option) => option.textContent);
    expect(options()).toEqual(['Mean squared error', 'Binary cross-entropy']);
    regressionLab();
    rerender(<NetworkOptions />);
    expect(options()).toEqual(['Mean squared error']);
    expect(
      screen.getByText(/binary cross-entropy scores a probability against one of two classes/),
    ).toBeVisible();
  });
});

// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DatasetTable } from '../../src/components/DatasetTable/DatasetTable';
import { DecisionBoundary } from '../../src/components/DecisionBoundary/DecisionBoundary';
import { LossChart } from '../../src/components/LossChart/LossChart';
import { noisyPeople } from '../../src/components/Tour/overfittingLab';
import { TrainingStatus } from '../../src/components/TrainingStatus/TrainingStatus';
import { isTestRow } from '../../src/core/split';
import { HISTORY_PARAM_COUNT } from '../../src/store/history';
import { useLab } from '../../src/store/labStore';
import { runHistory } from '../../src/store/runHistory';
import { setTrainingShare } from '../../src/store/split';
import { labState, resetLab, setLab } from '../helpers/resetLab';
import { seriesPoints } from './LossChartDrawing';

/** Epochs 0..count-1 with a falling training loss and a test loss that turns and rises after epoch 20. */
function appendRun(count: number, withTest: boolean): void {
  act(() => {
    const losses = Float64Array.from({ length: count }, (_, e) => 0.25 / (1 + e / 10));
    const accuracies = new Float64Array(count).fill(0.75);
    const test = {
      losses: Float64Array.from({ length: count }, (_, e) => 0.2 + Math.abs(e - 20) / 100),
      accuracies: Float64Array.from({ length: count }, (_, e) => (e < 20 ? 0.5 : 0.6)),
    };
    const params = new Float64Array(count * HISTORY_PARAM_COUNT);
    runHistory.appendBatch(0, count, losses, params, accuracies, withTest ? test : null);
    setLab({ historyVersion: labState().historyVersion + 1 });
  });
}

function twentyPeople(): void {
  useLab.setState({ people: noisyPeople(20, 3, 0) });
}

beforeEach(() => {
  resetLab();
  vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(null);
});
afterEach(cleanup);

describe('Test loss and Test accuracy in the Training status', () => {
  it('are not there while every row trains', () => {
    appendRun(5, false);
    render(<TrainingStatus />);
    const status = screen.getByRole('region', { name: 'Training status' });
    expect(status).not.toHaveTextContent('Test loss');
    expect(status).not.toHaveTextContent('Test accuracy');
  });

  it('show the latest epoch test figures with a split, and the viewed epoch while scrubbing', () => {
    twentyPeople();
    setTrainingShare(0.5);
    appendRun(41, true);
    render(<TrainingStatus />);
    const status = screen.getByRole('region', { name: 'Training status' });
    expect(status).toHaveTextContent('Test loss 0.400'); // epoch 40: 0.2 + 20 / 100
    expect(status).toHaveTextContent('Test accuracy 60 %');
    act(() =>
      setLab({ viewEpoch: 10, viewed: { epoch: 10, params: new Float64Array(HISTORY_PARAM_COUNT) } }),
    );
    expect(status).toHaveTextContent('Test loss 0.300'); // epoch 10: 0.2 + 10 / 100
    expect(status).toHaveTextContent('Test accuracy 50 %');
  });
});

describe('the test loss on the Loss curve', () => {
  it('is a second, dashed series with its own legend entry', () => {
    twentyPeople();
    setTrainingShare(0.5);
    appendRun(41, true);
    render(<LossChart />);
    const test = seriesPoints(screen.getByTestId('test-loss-line'));
    const train = seriesPoints(screen.getByTestId('loss-line'));
    expect(test.length).toBeGreaterThan(2);
    // It turns: the lowest point (largest y) is in the middle, not at the end as for the training loss.
    const lowest = test.reduce((best, point) => (point[1] > best[1] ? point : best));
    expect(lowest[0]).toBeGreaterThan(test[0]![0]);
    expect(lowest[0]).toBeLessThan(test.at(-1)![0]);
    expect(train.at(-1)![1]).toBe(Math.max(...train.map(([, y]) => y)));
    const legend = screen.getByRole('list', { name: 'Series' });
    expect(legend).toHaveTextContent('Training loss (left axis)');
    // Reading the latest epoch with the cursor names its test loss too.
    fireEvent.focus(
      screen.getByRole('group', { name: 'Loss curve plot, use Left and Right to read values' }),
    );
    expect(screen.getByText(/^Epoch 40 · Loss .* · Test loss 0\.400/)).toBeInTheDocument();
    expect(legend).toHaveTextContent('Test loss: rows held out of training (left axis, dashed)');
  });

  it('is not drawn, nor in the legend, without test rows', () => {
    appendRun(41, false);
    render(<LossChart />);
    expect(seriesPoints(screen.getByTestId('test-loss-line'))).toEqual([]);
    expect(screen.getByRole('list', { name: 'Series' })).not.toHaveTextContent('Test loss');
  });
});

describe('the split on the Dataset table and the Decision boundary', () => {
  it('has a Set column only with a split, naming each row as the seeded hash decides', () => {
    twentyPeople();
    const { rerender } = render(<DatasetTable />);
    expect(screen.queryByRole('columnheader', { name: 'Set' })).toBeNull();
    act(() => setTrainingShare(0.5));
    rerender(<DatasetTable />);
    expect(screen.getByRole('columnheader', { name: 'Set' })).toBeInTheDocument();
    const { people, settings } = useLab.getState();
    const sets = screen.getAllByTestId('row-set').map((cell) => cell.textContent);
    expect(sets).toEqual(people.map((p) => (isTestRow(p.id, settings.seed, 0.5) ? 'Test' : 'Train')));
    expect(sets).toContain('Test');
    expect(sets).toContain('Train');
  });

  it('moves the share with the Training share slider, as one undo step, and counts both sides', () => {
    twentyPeople();
    render(<DatasetTable />);
    const slider = screen.getByRole('slider', { name: 'Training share' });
    expect(slider).toHaveValue('100');
    const undoSteps = () => useLab.temporal.getState().pastStates.length;
    const before = undoSteps();
    fireEvent.change(slider, { target: { value: '80' } });
    fireEvent.change(slider, { target: { value: '50' } });
    fireEvent.keyUp(slider);
    expect(useLab.getState().settings.trainingShare).toBe(0.5);
    expect(undoSteps()).toBe(before + 1);
    const test = screen.getAllByTestId('row-set').filter((cell) => cell.textContent === 'Test').length;
    expect(screen.getByText(`${20 - test} train · ${test} test`)).toBeInTheDocument();
  });

  it('draws test rows as hollow points with Show test data, training rows filled; unchecked, hides them', () => {
    twentyPeople();
    setTrainingShare(0.5);
    render(<DecisionBoundary />);
    const figure = screen.getByRole('figure', { name: 'Decision boundary' });
    const showTest = within(figure).getByRole('checkbox', { name: 'Show test data' });
    expect(showTest).not.toBeChecked();
    const trainOnly = within(figure).getAllByRole('button', { name: /^n\d+,/ });
    expect(trainOnly.every((point) => !point.getAttribute('aria-label')!.endsWith('test row'))).toBe(true);
    fireEvent.click(showTest);
    const all = within(figure).getAllByRole('button', { name: /^n\d+,/ });
    expect(all).toHaveLength(20);
    const held = all.filter((point) => point.getAttribute('aria-label')!.endsWith(', test row'));
    expect(held).toHaveLength(20 - trainOnly.length);
    for (const point of held) expect(point.querySelector('.point-shape.is-hollow')).not.toBeNull();
    for (const point of trainOnly) expect(point.querySelector('.point-shape.is-hollow')).toBeNull();
  });

  it('offers no Show test data while every row trains', () => {
    render(<DecisionBoundary />);
    expect(screen.queryByRole('checkbox', { name: 'Show test data' })).toBeNull();
  });

  it('Discretize output paints the heatmap in two colours, and is kept with the document', () => {
    render(<DecisionBoundary />);
    const heatmap = document.querySelector('.boundary-heatmap')!;
    expect(heatmap).not.toHaveClass('is-discrete');
    fireEvent.click(screen.getByRole('checkbox', { name: 'Discretize output' }));
    expect(useLab.getState().settings.discretizeOutput).toBe(true);
    expect(heatmap).toHaveClass('is-discrete');
  });
});

// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import fc from 'fast-check';
import { Profiler } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ChunkedSeries, PIECE_COLUMNS } from '../../src/components/LossChart/chunkedSeries';
import { createColumns } from '../../src/components/LossChart/columns';
import { PathBuilder, startTrace, traceColumns } from '../../src/components/LossChart/curveTrace';
import { LossChart } from '../../src/components/LossChart/LossChart';
import { HISTORY_PARAM_COUNT } from '../../src/store/history';
import { runHistory } from '../../src/store/runHistory';
import { labState, resetLab, setLab } from '../helpers/resetLab';
import { seriesPoints } from './LossChartDrawing';

/** Appends epochs from `first` on, with their losses and accuracies, as a training frame would. */
function appendRun(first: number, losses: readonly number[], accuracies: readonly number[]): void {
  act(() => {
    const params = new Float64Array(losses.length * HISTORY_PARAM_COUNT);
    runHistory.appendBatch(
      first,
      losses.length,
      Float64Array.from(losses),
      params,
      Float64Array.from(accuracies),
    );
    setLab({ historyVersion: labState().historyVersion + 1 });
  });
}

const falling = (first: number, count: number) =>
  Array.from({ length: count }, (_, i) => 0.25 / (1 + (first + i) / 100));
/** Accuracy climbing in quarters, as with four people: 50 % for epochs < 100, 75 % to 199, then 100 %. */
const climbing = (first: number, count: number) =>
  Array.from({ length: count }, (_, i) => (first + i < 100 ? 0.5 : first + i < 200 ? 0.75 : 1));

const plot = () => screen.getByRole('group', { name: 'Loss curve plot, use Left and Right to read values' });
const accuracyPoints = () => seriesPoints(screen.getByTestId('accuracy-line'));
const showAccuracy = () => screen.getByRole('checkbox', { name: 'Show accuracy' });
/** The plot is 170 px tall (220 - margins): accuracy 0 at y = 170, 100 % at y = 0. */
const PLOT_HEIGHT = 170;

describe('Accuracy on the Loss curve', () => {
  beforeEach(() => {
    resetLab();
  });
  afterEach(cleanup);

  it('draws the accuracy on its own 0–100 % right-hand axis, with a legend entry', () => {
    render(<LossChart />);
    appendRun(1, falling(1, 299), climbing(1, 299));
    expect(showAccuracy()).toBeChecked();
    const ys = new Set(accuracyPoints().map(([, y]) => y));
    // Only the three levels, each where the right axis puts it.
    expect([...ys].sort((a, b) => a - b)).toEqual([0, PLOT_HEIGHT * 0.25, PLOT_HEIGHT * 0.5]);
    const axis = screen.getByTestId('accuracy-axis');
    expect(within(axis).getByText('100%')).toBeInTheDocument();
    expect(within(axis).getByText('0%')).toBeInTheDocument();
    expect(within(axis).getByText('Accuracy')).toBeInTheDocument();
    const legend = screen.getByRole('list', { name: 'Series' });
    expect(within(legend).getByText(/^Accuracy/)).toBeInTheDocument();
  });

  it('Show accuracy hides the series, its axis, its legend entry and its readout, and shows them again', async () => {
    const user = userEvent.setup();
    render(<LossChart />);
    appendRun(1, falling(1, 299), climbing(1, 299));
    await user.click(showAccuracy());
    expect(showAccuracy()).not.toBeChecked();
    expect(accuracyPoints()).toEqual([]);
    expect(screen.queryByTestId('accuracy-axis')).not.toBeInTheDocument();
    expect(within(screen.getByRole('list', { name: 'Series' })).queryByText(/^Accuracy/)).toBeNull();
    plot().focus();
    await user.keyboard('{End}');
    expect(screen.getByText(/^Epoch 299 · Loss/)).not.toHaveTextContent('Accuracy');
    await user.click(showAccuracy());
    expect(accuracyPoints().length).toBeGreaterThan(2);
    expect(screen.getByTestId('accuracy-axis')).toBeInTheDocument();
  });

  it('the readout gives the accuracy at the hovered epoch', () => {
    render(<LossChart />);
    appendRun(1, falling(1, 299), climbing(1, 299));
    // 522 columns over epochs 0..300: epoch 150 falls in column 261, in the 75 % stretch.
    fireEvent.pointerMove(plot(), { clientX: 62 + 261.5, clientY: 50 });
    expect(screen.getByText(/^Epoch 150 · Loss/)).toHaveTextContent(/ · Accuracy 75 %$/);
    fireEvent.pointerMove(plot(), { clientX: 62 + 40.5, clientY: 50 });
    expect(screen.getByText(/^Epoch 2\d · Loss/)).toHaveTextContent(/ · Accuracy 50 %$/);
  });

  it('training frames that move no axis re-render nothing in React', () => {
    const commits = vi.fn();
    render(
      <Profiler id="loss" onRender={commits}>
        <LossChart />
      </Profiler>,
    );
    appendRun(1, falling(1, 5099), climbing(1, 5099)); // x domain 0..6,000 from here on
    const before = commits.mock.calls.length;
    const drawn = seriesPoints(screen.getByTestId('loss-line')).length;
    for (let frame = 0; frame < 20; frame++)
      appendRun(5100 + 40 * frame, falling(5100 + 40 * frame, 40), climbing(5100, 40));
    expect(commits.mock.calls.length).toBe(before);
    expect(seriesPoints(screen.getByTestId('loss-line')).length).toBeGreaterThan(drawn); // yet it drew
  });
});

describe('Curve drawn in pieces (pure)', () => {
  /** Columns filled at random, some left empty. */
  const columnsOf = (values: readonly (number | null)[]) => {
    const columns = createColumns(values.length);
    values.forEach((value, column) => {
      if (value === null) return;
      columns[2 * column] = value;
      columns[2 * column + 1] = value * 1.5;
    });
    return columns;
  };
  const wholeTrace = (columns: Float64Array, width: number, tail: number, tailValue: number) => {
    const builder = new PathBuilder();
    traceColumns(columns, 0, width, tail, tailValue, (v) => 100 * v, builder, startTrace());
    return seriesPoints(
      Object.assign(document.createElement('div'), { innerHTML: `<svg><path d="${builder.d}"/></svg>` }),
    );
  };

  it('redrawn from any column, the pieces always join into exactly the whole trace', () => {
    fc.assert(
      fc.property(
        fc.array(fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: null }), {
          minLength: 1,
          maxLength: 200,
        }),
        fc.array(
          fc.record({ column: fc.nat(), value: fc.double({ min: 0, max: 1, noNaN: true }), from: fc.nat() }),
          {
            maxLength: 6,
          },
        ),
        (values, edits) => {
          const width = values.length;
          const group = document.createElementNS('http://www.w3.org/2000/svg', 'g');
          const series = new ChunkedSeries(group);
          const columns = columnsOf(values);
          series.draw(columns, width, -1, Number.NaN, (v) => 100 * v, 0);
          let tail = -1;
          let tailValue = Number.NaN;
          for (const edit of edits) {
            // A frame: a later column gains a value (and becomes the tail); redraw from the change on.
            const column = edit.column % width;
            columns[2 * column] = Math.min(columns[2 * column]!, edit.value);
            columns[2 * column + 1] = Math.max(columns[2 * column + 1]!, edit.value);
            tail = Math.min(width - 1, column + (edit.from % 3));
            tailValue = edit.value / 2;
            series.draw(columns, width, tail, tailValue, (v) => 100 * v, Math.min(column, tail));
          }
          expect(group.querySelectorAll('path')).toHaveLength(Math.ceil(width / PIECE_COLUMNS));
          expect(seriesPoints(group)).toEqual(wholeTrace(columns, width, tail, tailValue));
        },
      ),
    );
  });

  it('a frame that changes the last columns sets the d of the last piece only', () => {
    const width = 300;
    const values = Array.from({ length: width }, (_, column) => (column < 250 ? 1 / (column + 1) : null));
    const group = document.createElementNS('http://www.w3.org/2000/svg', 'g');
    const series = new ChunkedSeries(group);
    const columns = columnsOf(values);
    series.draw(columns, width, -1, Number.NaN, (v) => 100 * v, 0);
    const writes = vi.spyOn(Element.prototype, 'setAttribute');
    columns[2 * 252] = columns[2 * 252 + 1] = 0.002;
    series.draw(columns, width, 253, 0.001, (v) => 100 * v, 250);
    expect(writes).toHaveBeenCalledTimes(1); // piece 7 (columns 224..255); the later pieces stay empty
  });
});

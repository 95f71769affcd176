// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { formatLoss } from '../../src/components/format';
import { columnOf, computeColumns, createColumns, foldColumns } from '../../src/components/LossChart/columns';
import { IncrementalColumns } from '../../src/components/LossChart/incrementalColumns';
import { LossChart } from '../../src/components/LossChart/LossChart';
import { epochDomainEnd, epochScale } from '../../src/components/LossChart/lossScales';
import { HISTORY_PARAM_COUNT, TrainingHistory } from '../../src/store/history';
import { runHistory } from '../../src/store/runHistory';
import { labState, resetLab, setLab } from '../helpers/resetLab';
import { seriesPoints } from './LossChartDrawing';

/** A plain array history, for the pure column functions. */
function arrayHistory(losses: readonly number[], epochOf = (i: number) => i) {
  return { length: losses.length, epochAt: epochOf, lossAt: (i: number) => losses[i]! };
}

function appendTo(history: TrainingHistory, firstEpoch: number, losses: readonly number[]): void {
  const params = new Float64Array(losses.length * HISTORY_PARAM_COUNT);
  history.appendBatch(firstEpoch, losses.length, Float64Array.from(losses), params);
}

/** The columns as drawn: the stable buffer with the latest record merged in. */
function drawnColumns(columns: IncrementalColumns): Float64Array {
  const drawn = Float64Array.from(columns.stable);
  const tail = columns.tailColumn();
  if (tail !== -1 && Number.isFinite(columns.tailLoss)) {
    drawn[2 * tail] = Math.min(drawn[2 * tail]!, columns.tailLoss);
    drawn[2 * tail + 1] = Math.max(drawn[2 * tail + 1]!, columns.tailLoss);
  }
  return drawn;
}

describe('loss columns (pure)', () => {
  it('keeps a single-record spike among thousands of records in one pixel column', () => {
    const losses = Array.from({ length: 20_000 }, (_, i) => 0.1 - i * 1e-6);
    losses[12_345] = 0.9;
    const x = epochScale(20_000, 300);
    const columns = computeColumns(arrayHistory(losses), x, 300);
    const spikeColumn = columnOf(x, 12_345, 300);
    expect(columns[2 * spikeColumn + 1]).toBe(0.9);
    expect(columns[2 * (spikeColumn + 1) + 1]).toBeLessThan(0.1);
    expect(Math.max(...columns.filter((_, i) => i % 2 === 1))).toBe(0.9);
  });

  it('folding records in pieces gives the columns of a full recompute', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.double({ min: 0, max: 2, noNaN: true }), fc.constant(Number.NaN)), {
          minLength: 1,
          maxLength: 300,
        }),
        fc.array(fc.nat(), { maxLength: 6 }),
        fc.integer({ min: 1, max: 90 }),
        (losses, cuts, width) => {
          const history = arrayHistory(losses, (i) => 3 * i);
          const x = epochScale(3 * losses.length, width);
          const points = [0, ...cuts.map((cut) => cut % (losses.length + 1)).sort((a, b) => a - b)];
          const folded = createColumns(width);
          points.forEach((from, k) => foldColumns(history, from, points[k + 1] ?? losses.length, x, folded));
          expect(folded).toEqual(computeColumns(history, x, width));
        },
      ),
    );
  });

  it('follows a thinning history batch by batch exactly, folding only what was appended', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 40 }),
        fc.array(fc.integer({ min: 1, max: 120 }), { minLength: 1, maxLength: 30 }),
        fc.integer({ min: 1, max: 200 }),
        fc.integer(),
        (cap, batches, width, salt) => {
          const history = new TrainingHistory({ cap, chunkSize: 7 });
          const columns = new IncrementalColumns();
          let epoch = 0;
          for (const [k, count] of batches.entries()) {
            appendTo(
              history,
              epoch,
              Array.from({ length: count }, (_, i) => Math.abs(Math.sin(salt + epoch + i))),
            );
            epoch += count;
            const result = columns.sync(history, width, k, 'run');
            if (result === 'folded') expect(columns.stats.lastFolded).toBeLessThanOrEqual(count);
            const x = epochScale(epochDomainEnd(history.lastEpoch()), width);
            expect(drawnColumns(columns)).toEqual(computeColumns(history, x, width));
          }
        },
      ),
    );
  });

  it('folds a history of thousands of records, read a block at a time, exactly', () => {
    const history = new TrainingHistory({ cap: 4096, chunkSize: 500 });
    const losses = Array.from({ length: 9_000 }, (_, i) => Math.abs(Math.sin(i)));
    losses[8_400] = 7; // record 2,100 at stride 4: in the third block of records read
    appendTo(history, 0, losses);
    expect(history.stride).toBe(4); // thinned twice: the records are spread over rotated slots
    const columns = new IncrementalColumns();
    columns.sync(history, 240, 1, 'run');
    const x = epochScale(epochDomainEnd(history.lastEpoch()), 240);
    expect(drawnColumns(columns)).toEqual(computeColumns(history, x, 240));
    expect(Math.max(...columns.stable.filter(Number.isFinite))).toBe(7);
  });

  it('recomputes everything only O(log n) times over a long run', () => {
    const history = new TrainingHistory({ cap: 2048 });
    const columns = new IncrementalColumns();
    const batch = 20_000;
    const losses = new Float64Array(batch);
    const params = new Float64Array(batch * HISTORY_PARAM_COUNT);
    const overBudget: number[] = [];
    for (let epoch = 0, k = 0; epoch < 4_000_000; epoch += batch, k++) {
      for (let i = 0; i < batch; i++) losses[i] = 1 / (epoch + i + 1);
      history.appendBatch(epoch, batch, losses, params);
      // An update folds only the records kept from this batch: about batch / stride of them.
      const folded = columns.sync(history, 600, k, 'run') === 'folded';
      if (folded && columns.stats.lastFolded > Math.ceil(batch / history.stride) + 1) overBudget.push(k);
    }
    expect(overBudget).toEqual([]);
    // 200 updates; the domain steps ~8 times a decade and the stride doubles ~11 times.
    expect(columns.stats.updates).toBe(200);
    expect(columns.stats.fullRecomputes).toBeLessThan(40);
  });

  it('starts over when a new run reuses the same history', () => {
    const history = new TrainingHistory();
    const columns = new IncrementalColumns();
    appendTo(history, 0, [0.5, 0.4, 0.3]);
    columns.sync(history, 100, 1, 1);
    history.clear();
    appendTo(history, 0, [0.2, 0.1, 0.05, 0.01]);
    expect(columns.sync(history, 100, 2, 1)).toBe('recomputed');
    expect(drawnColumns(columns)).toEqual(computeColumns(history, columns.x, 100));
  });
});

function appendRun(firstEpoch: number, losses: readonly number[]): void {
  act(() => {
    appendTo(runHistory, firstEpoch, losses);
    setLab({ historyVersion: labState().historyVersion + 1 });
  });
}

/** The loss series as drawn. */
function lossPoints(): [number, number][] {
  return seriesPoints(screen.getByTestId('loss-line'));
}

/** The y pixel of every point of the loss curve. */
function pathYs(): number[] {
  return lossPoints().map(([, y]) => y);
}

function yTicks(): { label: string; y: number }[] {
  const axis = screen.getByTestId('loss-y-axis');
  return [...axis.querySelectorAll('.loss-tick')].map((tick) => ({
    label: tick.textContent ?? '',
    y: Number(/translate\(0,([\d.-]+)\)/.exec(tick.getAttribute('transform') ?? '')?.[1]),
  }));
}

const falling = (first: number, count: number) =>
  Array.from({ length: count }, (_, i) => 0.25 / (1 + (first + i) / 100));

describe('LossChart', () => {
  beforeEach(() => {
    resetLab();
  });
  afterEach(cleanup);

  it('says how to start when there are no epochs yet', () => {
    render(<LossChart />);
    expect(screen.getByRole('figure', { name: 'Loss curve' })).toBeInTheDocument();
    expect(screen.getByText('No epochs yet — press Play or Step epoch.')).toBeInTheDocument();
  });

  it('draws the whole history with its highest point at the largest loss, spike included', () => {
    render(<LossChart />);
    const losses = falling(0, 5000);
    losses[3210] = 0.5; // one epoch's spike among 5,000: far more records than pixels
    appendRun(0, losses.slice(0, 2500));
    appendRun(2500, losses.slice(2500));
    const ys = pathYs();
    expect(ys.length).toBeGreaterThan(100);
    const top = yTicks().find((tick) => tick.label === '0.5');
    expect(top).toBeDefined();
    expect(Math.min(...ys)).toBeCloseTo(top!.y, 0);
    expect(screen.getByText('Epoch')).toBeInTheDocument();
    expect(screen.getByText('Loss (MSE)')).toBeInTheDocument();
  });

  it('hovering a pixel reads its epoch and loss, and names a spike hidden in it', () => {
    render(<LossChart />);
    const losses = falling(0, 5000);
    losses[3210] = 0.5;
    appendRun(0, losses);
    const plot = screen.getByRole('group', { name: 'Loss curve plot, use Left and Right to read values' });
    // jsdom lays nothing out: the plot is 640 px wide from x = 0, its area starts 62 px in and ends
    // 56 px short (the accuracy axis), and the x domain is 0..5,000 over 522 columns, so epoch 3,210
    // is in column 335.
    fireEvent.pointerMove(plot, { clientX: 62 + 335.5, clientY: 50 });
    const readout = screen.getByText(/^Epoch 3,2\d\d · Loss/);
    expect(readout).toHaveTextContent(/Loss 0\.0\d+ \(0\.0\d+ to 0\.500 within this pixel\) · Accuracy/);
    fireEvent.pointerLeave(plot);
    expect(screen.queryByText(/^Epoch 3,2/)).not.toBeInTheDocument();
  });

  it('per frame reads only the appended records, not the whole history', () => {
    render(<LossChart />);
    appendRun(0, falling(0, 5100)); // the x domain is 0..6,000 before and after
    const before = lossPoints();
    const reads = vi.spyOn(runHistory, 'lossAt');
    appendRun(5100, falling(5100, 50));
    // 50 new records, plus a handful of fingerprint reads: nowhere near the 5,150 in the history.
    expect(reads.mock.calls.length).toBeLessThan(80);
    expect(lossPoints()).not.toEqual(before);
  });

  it('switches the loss axis to powers of ten with the Log toggle', async () => {
    const user = userEvent.setup();
    render(<LossChart />);
    appendRun(0, falling(0, 3000));
    const linear = yTicks().map((tick) => tick.label);
    expect(linear).toEqual(['0.00', '0.05', '0.10', '0.15', '0.20', '0.25']);
    await user.click(screen.getByRole('button', { name: 'Log' }));
    expect(screen.getByRole('button', { name: 'Log' })).toHaveAttribute('aria-pressed', 'true');
    expect(screen.getByRole('button', { name: 'Linear' })).toHaveAttribute('aria-pressed', 'false');
    const log = yTicks().map((tick) => Number(tick.label));
    expect(log.length).toBeGreaterThanOrEqual(2);
    for (const value of log) expect(Math.log10(value)).toBeCloseTo(Math.round(Math.log10(value)), 9);
    expect(log).toEqual([0.001, 0.01, 0.1, 1]); // losses 0.0081..0.25
  });

  it('labels a marker inside the domain and leaves out one beyond it', () => {
    render(<LossChart />);
    appendRun(0, falling(0, 800));
    act(() => {
      setLab({
        markers: [
          { epoch: 300, kind: 'learning-rate', label: 'rate 1' },
          { epoch: 500, kind: 'dataset', label: 'data edited' },
          { epoch: 5000, kind: 'dataset', label: 'too late' },
        ],
      });
    });
    const figure = screen.getByRole('figure', { name: 'Loss curve' });
    expect(within(figure).getByText('rate 1')).toBeInTheDocument();
    expect(within(figure).getByText('data edited')).toBeInTheDocument();
    expect(within(figure).queryByText('too late')).not.toBeInTheDocument();
  });

  it('reads values with the keyboard: End, Left, Home', async () => {
    const user = userEvent.setup();
    render(<LossChart />);
    const losses = falling(0, 1235);
    appendRun(0, losses);
    const plot = screen.getByRole('group', { name: 'Loss curve plot, use Left and Right to read values' });
    plot.focus();
    await user.keyboard('{End}');
    const readout = screen.getByText(/^Epoch 1,234 · Loss/);
    expect(readout).toHaveTextContent(`Epoch 1,234 · Loss ${formatLoss(losses[1234]!)} · Accuracy —`);
    expect(readout).toHaveAttribute('aria-live', 'polite');
    await user.keyboard('{ArrowLeft}');
    expect(readout.textContent).toMatch(/^Epoch 1,23[0-3] · Loss/);
    await user.keyboard('{Home}');
    expect(readout).toHaveTextContent(`Epoch 0 · Loss ${formatLoss(losses[0]!)} · Accuracy —`);
  });

  it('marks the epoch the Timeline is viewing with a rule labelled "viewing", apart from the markers', () => {
    render(<LossChart />);
    appendRun(0, falling(0, 1000)); // x domain 0..1,000 over 522 columns
    act(() => {
      setLab({ markers: [{ epoch: 600, kind: 'learning-rate', label: 'rate 1' }] });
    });
    expect(screen.queryByTestId('loss-viewing')).not.toBeInTheDocument();
    act(() => {
      setLab({ viewEpoch: 400 });
    });
    const rule = screen.getByTestId('loss-viewing');
    // Epoch 400 falls in column floor(400 * 522 / 1000) = 208, drawn at its centre.
    expect(rule).toHaveAttribute('transform', 'translate(208.5,0)');
    expect(within(rule).getByText('viewing')).toBeInTheDocument();
    expect(rule.querySelector('circle')).not.toBeNull();
    expect(rule).not.toHaveClass('loss-marker');
    act(() => {
      setLab({ viewEpoch: null });
    });
    expect(screen.queryByTestId('loss-viewing')).not.toBeInTheDocument();
  });

  it('redraws from scratch when a new run replaces the history', () => {
    render(<LossChart />);
    appendRun(
      0,
      falling(0, 400).map((loss) => loss * 2),
    );
    act(() => {
      runHistory.clear();
      appendTo(runHistory, 0, [0.05, 0.04, 0.03]);
      setLab({
        historyVersion: labState().historyVersion + 2,
        run: { ...labState().run, runId: 1 },
      });
    });
    expect(yTicks().at(-1)?.label).toBe('0.05');
  });
});

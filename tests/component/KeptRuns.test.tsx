// @vitest-environment jsdom
import { act, cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { formatLoss } from '../../src/components/format';
import { GhostLayer, type GhostFrame } from '../../src/components/LossChart/ghostLayer';
import { assignStyleSlots, GHOST_STYLES } from '../../src/components/LossChart/ghostStyles';
import { LossChart } from '../../src/components/LossChart/LossChart';
import { keepRun } from '../../src/store/actions';
import { HISTORY_PARAM_COUNT } from '../../src/store/history';
import type { KeptRun } from '../../src/core/lossCurve';
import { runHistory } from '../../src/store/runHistory';
import { labState, resetLab, setLab } from '../helpers/resetLab';
import { seriesPoints } from './LossChartDrawing';

const falling = (top: number, count: number, from = 0) =>
  Array.from({ length: count }, (_, i) => top / (1 + (from + i) / 100));

/** Replaces the live history with `losses` at epochs from..from+n-1, as a new frame would. */
function setHistory(losses: readonly number[], from = 0, clear = true): void {
  act(() => {
    if (clear) runHistory.clear();
    const params = new Float64Array(losses.length * HISTORY_PARAM_COUNT);
    runHistory.appendBatch(from, losses.length, Float64Array.from(losses), params);
    setLab({ historyVersion: labState().historyVersion + 1 });
  });
}

/** Keeps the current history as a run trained at `rate`. */
function keepAt(rate: number): void {
  act(() => {
    setLab({ settings: { ...labState().settings, learningRate: rate } });
    keepRun();
  });
}

const ghosts = () => screen.queryAllByTestId('loss-ghost');
const legend = () => screen.getByRole('list', { name: 'Kept runs' });
/** The pixel columns a path visits (x of every point). */
const pathXs = (path: Element) =>
  [...(path.getAttribute('d') ?? '').matchAll(/([\d.]+),[\d.-]+/g)].map((match) => Number(match[1]));
const tickLabels = (testId: string) =>
  [...screen.getByTestId(testId).querySelectorAll('.loss-tick')].map((tick) => tick.textContent);

describe('Compare runs on the Loss curve', () => {
  beforeEach(() => {
    resetLab();
  });
  afterEach(cleanup);

  it('Keep run is disabled until there is a curve (two epochs or more), then keeps it as a ghost with a legend entry', async () => {
    const user = userEvent.setup();
    render(<LossChart />);
    const keep = screen.getByRole('button', { name: 'Keep run' });
    expect(keep).toBeDisabled();
    setHistory([0.3]); // only the starting loss: a point, not a curve
    expect(keep).toBeDisabled();
    const losses = falling(0.25, 300);
    setHistory(losses);
    expect(keep).toBeEnabled();
    await user.click(keep);
    expect(ghosts()).toHaveLength(1);
    const entry = within(legend()).getByText('rate 0.1, seed 42').closest('li')!;
    expect(entry).toHaveTextContent(`final loss ${formatLoss(losses[299]!)} at epoch 299`);
  });

  it('keeps two runs: two dashed ghosts behind the live curve, two labelled legend entries', () => {
    render(<LossChart />);
    setHistory(falling(0.25, 300));
    keepAt(0.1);
    setHistory(falling(0.2, 300).map((loss) => loss / 2));
    keepAt(1);
    setHistory(falling(0.22, 50));
    expect(ghosts().map((path) => path.getAttribute('data-label'))).toEqual([
      'rate 0.1, seed 42',
      'rate 1, seed 42',
    ]);
    for (const path of ghosts()) expect(pathXs(path).length).toBeGreaterThan(100);
    const [first, second] = ghosts();
    // Told apart without colour too: different dash patterns; and drawn before (behind) the live curve.
    expect(first!.getAttribute('stroke-dasharray')).not.toBe(second!.getAttribute('stroke-dasharray'));
    expect(first!.getAttribute('stroke')).not.toBe(second!.getAttribute('stroke'));
    const live = screen.getByTestId('loss-line');
    expect(first!.compareDocumentPosition(live) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    const entries = within(legend()).getAllByRole('listitem');
    expect(entries.map((item) => item.querySelector('.kept-run-label')?.textContent)).toEqual([
      'rate 0.1, seed 42',
      'rate 1, seed 42',
    ]);
  });

  it('Remove <label> removes that ghost and its entry; the other keeps its colour', async () => {
    const user = userEvent.setup();
    render(<LossChart />);
    setHistory(falling(0.25, 300));
    keepAt(0.1);
    keepAt(1);
    const colourOfRate1 = ghosts()[1]!.getAttribute('stroke');
    await user.click(screen.getByRole('button', { name: 'Remove rate 0.1, seed 42' }));
    expect(ghosts().map((path) => path.getAttribute('data-label'))).toEqual(['rate 1, seed 42']);
    expect(ghosts()[0]!.getAttribute('stroke')).toBe(colourOfRate1);
    expect(within(legend()).getAllByRole('listitem')).toHaveLength(1);
    expect(screen.queryByRole('button', { name: 'Remove rate 0.1, seed 42' })).not.toBeInTheDocument();
    expect(labState().keptRuns.map((run) => run.label)).toEqual(['rate 1, seed 42']);
  });

  it('shows at most five ghosts: a sixth kept run drops the oldest', () => {
    render(<LossChart />);
    setHistory(falling(0.25, 300));
    for (const rate of [0.01, 0.03, 0.1, 0.3, 1, 3]) keepAt(rate);
    expect(ghosts()).toHaveLength(5);
    expect(within(legend()).getAllByRole('listitem')).toHaveLength(5);
    expect(screen.queryByText('rate 0.01, seed 42')).not.toBeInTheDocument();
    expect(screen.getByText('rate 3, seed 42')).toBeInTheDocument();
    const dashes = new Set(ghosts().map((path) => path.getAttribute('stroke-dasharray')));
    expect(dashes.size).toBe(5);
  });

  it('the axes reach a longer kept run: its last epoch and its losses stay on the chart', async () => {
    const user = userEvent.setup();
    render(<LossChart />);
    const long = falling(0.5, 5000);
    long[4999] = 1e-4; // the kept run ends far lower than the live run goes
    setHistory(long);
    keepAt(0.1);
    setHistory(falling(0.05, 100)); // a new, short run with small losses
    expect(tickLabels('loss-x-axis').at(-1)).toBe('5,000');
    expect(Math.max(...pathXs(ghosts()[0]!))).toBe(521); // the last of 522 columns
    const live = seriesPoints(screen.getByTestId('loss-line'));
    expect(live.length).toBeGreaterThan(2);
    expect(Math.max(...live.map(([x]) => x))).toBeLessThan(15);
    expect(tickLabels('loss-y-axis').at(-1)).toBe('0.5');
    await user.click(screen.getByRole('button', { name: 'Log' }));
    expect(tickLabels('loss-y-axis')[0]).toBe('1e-4');
  });

  it('ghosts stay on the chart after Reset empties the live history', () => {
    render(<LossChart />);
    setHistory(falling(0.25, 300));
    keepAt(0.1);
    act(() => {
      runHistory.clear();
      setLab({ historyVersion: labState().historyVersion + 1 });
    });
    expect(ghosts()).toHaveLength(1);
    expect(screen.queryByText(/No epochs yet/)).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Keep run' })).toBeDisabled();
  });

  it('training frames never re-read a kept run, not even when the y axis changes', async () => {
    const user = userEvent.setup();
    render(<LossChart />);
    let reads = 0;
    const counted = (values: Float64Array) =>
      new Proxy(values, {
        get(target, key) {
          if (typeof key === 'string' && /^\d+$/.test(key)) reads++;
          return Reflect.get(target, key) as unknown;
        },
      });
    const epochs = Float64Array.from({ length: 2000 }, (_, i) => i);
    const kept: KeptRun = {
      id: 99,
      label: 'counted',
      epochs,
      losses: counted(Float64Array.from(falling(0.3, 2000))),
    };
    setHistory(falling(0.25, 200));
    act(() => {
      setLab({ keptRuns: [kept] });
    });
    const before = ghosts()[0]!.getAttribute('d');
    reads = 0;
    for (let frame = 0; frame < 10; frame++)
      setHistory(falling(0.25, 20, 200 + 20 * frame), 200 + 20 * frame, false);
    expect(reads).toBe(0);
    expect(ghosts()[0]!.getAttribute('d')).toBe(before);
    await user.click(screen.getByRole('button', { name: 'Log' }));
    expect(reads).toBe(0); // the path is rebuilt from the cached columns
    expect(ghosts()[0]!.getAttribute('d')).not.toBe(before);
  });
});

describe('ghost layer and styles (pure)', () => {
  const run = (id: number, count = 500): KeptRun => ({
    id,
    label: `run ${id}`,
    epochs: Float64Array.from({ length: count }, (_, i) => i),
    losses: Float64Array.from(falling(0.3, count)),
  });
  const frame: GhostFrame = { width: 300, domainEnd: 500, mode: 'linear', yLow: 0, yHigh: 0.3, height: 170 };

  it('computes a run’s columns once per width and x domain, its path once per y axis', () => {
    const layer = new GhostLayer();
    const runs = [run(1), run(2)];
    layer.paths(runs, frame);
    expect(layer.stats).toEqual({ columnComputes: 2, pathBuilds: 2 });
    layer.paths(runs, frame);
    expect(layer.stats).toEqual({ columnComputes: 2, pathBuilds: 2 });
    layer.paths(runs, { ...frame, mode: 'log', yLow: 0.001, yHigh: 1 });
    expect(layer.stats).toEqual({ columnComputes: 2, pathBuilds: 4 });
    layer.paths([...runs, run(3)], { ...frame, mode: 'log', yLow: 0.001, yHigh: 1 });
    expect(layer.stats).toEqual({ columnComputes: 3, pathBuilds: 5 });
    layer.paths(runs, { ...frame, domainEnd: 600 });
    expect(layer.stats.columnComputes).toBe(5);
  });

  it('a new kept run takes a style nobody wears; removing one never restyles the others', () => {
    const first = assignStyleSlots(new Map(), [run(1), run(2), run(3)]);
    expect([...first.values()]).toEqual([0, 1, 2]);
    const afterRemove = assignStyleSlots(first, [run(1), run(3)]);
    expect(afterRemove.get(3)).toBe(2);
    const afterKeep = assignStyleSlots(afterRemove, [run(1), run(3), run(4), run(5)]);
    expect([afterKeep.get(1), afterKeep.get(3), afterKeep.get(4), afterKeep.get(5)]).toEqual([0, 2, 1, 3]);
    expect(new Set(GHOST_STYLES.map((style) => style.dash)).size).toBe(GHOST_STYLES.length);
  });
});

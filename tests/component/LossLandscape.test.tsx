// @vitest-environment jsdom
import { act, cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LossLandscape } from '../../src/components/LossLandscape/LossLandscape';
import { MARGIN, MAX_WIDTH } from '../../src/components/LossLandscape/layout';
import { PARAM_COUNT, W5, W6 } from '../../src/core/network';
import { ARTICLE_SHIFT } from '../../src/core/scaling';
import { INITIAL_RUN } from '../../src/store/runStore';
import { runHistory } from '../../src/store/runHistory';
import { resetLab, setLab } from '../helpers/resetLab';

const ALL_ONES = [1, 1, 1, 1, 1, 1, 0, 0, 0];
/** jsdom cannot measure, so the figure takes its fallback width, 420 px: a 348 px square plot. */
const PLOT = MAX_WIDTH - MARGIN.left - MARGIN.right;

function showParams(values: number[]): void {
  act(() => {
    setLab({ run: { ...INITIAL_RUN, params: Float64Array.from(values), scaling: ARTICLE_SHIFT } });
  });
}

function currentPoint(container: HTMLElement): { cx: number; cy: number } {
  const dot = container.querySelector('circle.landscape-current');
  if (!dot) throw new Error('no current point');
  return { cx: Number(dot.getAttribute('cx')), cy: Number(dot.getAttribute('cy')) };
}

function axisTitle(container: HTMLElement, axis: 'x' | 'y'): string | null | undefined {
  return container.querySelector(`.landscape-axis-title[data-axis="${axis}"]`)?.textContent;
}

function tickLabels(container: HTMLElement): string[] {
  return Array.from(container.querySelectorAll('.landscape-axis text:not(.landscape-axis-title)')).map(
    (node) => node.textContent ?? '',
  );
}

beforeEach(() => {
  resetLab();
});
afterEach(() => cleanup());

describe('the Loss landscape figure', () => {
  it('shows w5 against w6 by default, with labelled axes and the loss where the network is', () => {
    showParams(ALL_ONES);
    const { container } = render(<LossLandscape />);
    const figure = screen.getByRole('figure', { name: 'Loss landscape' });
    expect(within(figure).getByLabelText('Parameter on x')).toHaveValue(String(W5));
    expect(within(figure).getByLabelText('Parameter on y')).toHaveValue(String(W6));
    expect(axisTitle(container, 'x')).toBe('w5 (weight h1 → o1)');
    expect(axisTitle(container, 'y')).toBe('w6 (weight h2 → o1)');
    // The article's untrained loss with every weight 1: 0.5071183179.
    expect(figure).toHaveTextContent('Now: w5 = 1, w6 = 1, loss 0.507');
    expect(figure).toHaveTextContent(/other seven parameters at their current values/);
    // Ten filled bands (the lowest is the background), darker lower, as the legend says.
    expect(container.querySelectorAll('path.landscape-band')).toHaveLength(9);
    expect(within(figure).getByRole('list', { name: 'Legend' })).toHaveTextContent('darker is lower');
  });

  it('changes the axes when another parameter is chosen, and never shows one parameter twice', async () => {
    const user = userEvent.setup();
    showParams(ALL_ONES);
    const { container } = render(<LossLandscape />);
    await user.selectOptions(screen.getByLabelText('Parameter on x'), 'w1');
    expect(axisTitle(container, 'x')).toBe('w1 (weight x1 → h1)');
    expect(axisTitle(container, 'y')).toBe('w6 (weight h2 → o1)');
    await user.selectOptions(screen.getByLabelText('Parameter on y'), 'b3');
    expect(axisTitle(container, 'y')).toBe('b3 (bias of o1)');
    expect(screen.getByRole('figure', { name: 'Loss landscape' })).toHaveTextContent('Now: w1 = 1, b3 = 0');
    // Choosing the parameter already on the other axis swaps the two.
    await user.selectOptions(screen.getByLabelText('Parameter on y'), 'w1');
    expect(screen.getByLabelText('Parameter on x')).toHaveDisplayValue('b3');
    expect(axisTitle(container, 'x')).toBe('b3 (bias of o1)');
    expect(axisTitle(container, 'y')).toBe('w1 (weight x1 → h1)');
  });

  it('marks the current point, which moves over a fixed grid until it nears the edge', () => {
    showParams(ALL_ONES);
    const { container } = render(<LossLandscape />);
    // The window is centred on the point when computed.
    expect(currentPoint(container)).toEqual({ cx: PLOT / 2, cy: PLOT / 2 });
    const ticks = tickLabels(container);
    // w5 up by 1 in a 6-wide window: a sixth of the plot to the right; the grid (and axes) stay.
    showParams([1, 1, 1, 1, 2, 1, 0, 0, 0]);
    expect(currentPoint(container).cx).toBeCloseTo(PLOT / 2 + PLOT / 6, 9);
    expect(currentPoint(container).cy).toBeCloseTo(PLOT / 2, 9);
    expect(tickLabels(container)).toEqual(ticks);
    // Another parameter moving more than 0.05 redraws the grid around the point.
    showParams([1.5, 1, 1, 1, 2, 1, 0, 0, 0]);
    expect(currentPoint(container)).toEqual({ cx: PLOT / 2, cy: PLOT / 2 });
    expect(tickLabels(container)).not.toEqual(ticks);
  });

  it('draws the training path through the sampled history, from its start to now', () => {
    const epochs = 3000;
    const params = new Float64Array(epochs * PARAM_COUNT);
    for (let e = 0; e < epochs; e++) {
      params.set(ALL_ONES, e * PARAM_COUNT);
      params[e * PARAM_COUNT + W5] = 1 - e / 1000; // from 1 down to about -2
      params[e * PARAM_COUNT + W6] = 1 + e / 1000;
    }
    runHistory.appendBatch(0, epochs, new Float64Array(epochs), params);
    showParams(ALL_ONES);
    const { container } = render(<LossLandscape />);
    act(() => {
      setLab({ historyVersion: runHistory.version });
    });
    const path = container.querySelector('path.landscape-path');
    const d = path?.getAttribute('d') ?? '';
    expect(path).toHaveAttribute('data-points', '500');
    expect(d.match(/[ML]/g)).toHaveLength(500);
    expect(d.match(/M/g)).toHaveLength(1);
    // It starts at the first record, (1, 1): the window's centre.
    expect(d.startsWith(`M${PLOT / 2},${PLOT / 2}L`)).toBe(true);
    const start = container.querySelector('g.landscape-start');
    expect(start).toHaveAttribute('transform', `translate(${PLOT / 2},${PLOT / 2})`);
  });

  it('explains itself when there is no valid row to measure the loss on', () => {
    showParams(ALL_ONES);
    act(() => {
      setLab({ people: [] });
    });
    const { container } = render(<LossLandscape />);
    expect(screen.getByText(/No valid rows in the table/)).toBeInTheDocument();
    expect(container.querySelectorAll('path.landscape-band')).toHaveLength(0);
  });
});

// @vitest-environment jsdom
import '@vitest/web-worker';
import { act, cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { traceSample } from '../../src/core/backward';
import { PARAM_NAMES } from '../../src/core/network';
import { ARTICLE_SHIFT } from '../../src/core/scaling';
import { applySgdStep } from '../../src/core/sgd';
import { weightWidth } from '../../src/viz/colorScales';
import { toneColor } from '../../src/components/NetworkDiagram/phaseStyle';
import { beforeAfter } from '../../src/components/NetworkDiagram/stepPhaseView';
import { setStepPhase } from '../../src/store/actions';
import type { StepPhase } from '../../src/core/stepPhases';
import { NetworkDiagram } from '../../src/components/NetworkDiagram/NetworkDiagram';
import { EDGE_LABEL_MIN_WIDTH, networkLayout } from '../../src/components/NetworkDiagram/layout';
import { parseParamValue } from '../../src/components/NetworkDiagram/paramValue';
import { INITIAL_RUN } from '../../src/store/runStore';
import { connectTrainer } from '../../src/store/trainerBridge';
import { waitForState } from '../helpers/waitForState';
import { labState, resetLab, setLab } from '../helpers/resetLab';
import { FakeResizeObserver } from '../helpers/fakeResizeObserver';

const ALL_ONES = [1, 1, 1, 1, 1, 1, 0, 0, 0];
const RANDOM = [0.31, -1.2, 0.87, 0.05, -0.44, 1.9, 0.12, -0.6, 0.25];

function showParams(values: number[], selectedRow: number | null = 0): void {
  setLab({
    run: { ...INITIAL_RUN, params: Float64Array.from(values), scaling: ARTICLE_SHIFT },
    selectedRow,
  });
}

/** The text a neuron shows inside its circle. */
function neuronValue(id: string): string {
  const neuron = screen.getByRole('img', { name: new RegExp(`^${id}\\b`) });
  return neuron.querySelector('.neuron-value')!.textContent ?? '';
}

beforeEach(() => {
  resetLab();
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('the Network figure', () => {
  it('shows the article’s forward values for Alice with all weights 1 and biases 0', () => {
    showParams(ALL_ONES, 0);
    render(<NetworkDiagram />);
    const figure = screen.getByRole('figure', { name: 'Network' });
    expect(figure).toHaveTextContent('Showing Alice (row 1)');
    expect(neuronValue('h1')).toBe('0.0474'); // 0.04742587317756678
    expect(neuronValue('h2')).toBe('0.0474');
    expect(neuronValue('o1')).toBe('0.524'); // 0.5236951740839997
    expect(neuronValue('x1')).toBe('-2'); // 133 lb - 135
    expect(within(figure).getByText('weight 133 lb')).toBeInTheDocument();
  });

  it('names every weight and bias with its value, and prints weights next to the edges when wide', () => {
    showParams(RANDOM, 0);
    render(<NetworkDiagram />);
    expect(
      screen.getByRole('button', { name: 'w2 = -1.2, weight x2 → h1. Press Enter to edit' }),
    ).toBeVisible();
    expect(
      screen.getByRole('button', { name: 'w6 = 1.9, weight h2 → o1. Press Enter to edit' }),
    ).toBeVisible();
    expect(screen.getByRole('button', { name: 'b2 = -0.6, bias of h2. Press Enter to edit' })).toBeVisible();
    // jsdom cannot measure, so the figure lays out at its 720 px fallback: wide enough for labels.
    expect(screen.getByText('w5 = -0.44', { selector: 'text' })).toBeInTheDocument();
  });

  it('on a phone-wide figure a weight’s value shows only while its edge is hovered or focused', async () => {
    const user = userEvent.setup();
    // jsdom cannot lay out; pretend the figure measured 375 px, as the observer reports after layout.
    vi.stubGlobal('ResizeObserver', FakeResizeObserver);
    vi.spyOn(HTMLElement.prototype, 'getBoundingClientRect').mockReturnValue({ width: 375 } as DOMRect);
    showParams(RANDOM);
    render(<NetworkDiagram />);
    act(() => FakeResizeObserver.latest!.report());
    expect(screen.queryByText('w4 = 0.05', { selector: 'text' })).not.toBeInTheDocument();
    await user.hover(screen.getByRole('button', { name: /^w4 = / }));
    expect(screen.getByText('w4 = 0.05', { selector: 'text' })).toBeInTheDocument();
    await user.unhover(screen.getByRole('button', { name: /^w4 = / }));
    expect(screen.queryByText('w4 = 0.05', { selector: 'text' })).not.toBeInTheDocument();
    screen.getByRole('button', { name: /^w3 = / }).focus();
    expect(await screen.findByText('w3 = 0.87', { selector: 'text' })).toBeInTheDocument();
  });

  it('the symmetric-start note appears for all-ones and not for random weights', () => {
    showParams(ALL_ONES);
    const { rerender } = render(<NetworkDiagram />);
    expect(screen.getByText(/stay identical forever/)).toBeInTheDocument();
    showParams(RANDOM);
    rerender(<NetworkDiagram />);
    expect(screen.queryByText(/stay identical forever/)).not.toBeInTheDocument();
    expect(screen.queryByText(/drift apart/)).not.toBeInTheDocument();
  });

  it('twin hidden neurons with w5 ≠ w6 are called equal for now, not identical forever', () => {
    // w1 = w3, w2 = w4, b1 = b2, but w5 = 1 and w6 = 2: h1 and h2 get different gradients.
    showParams([1, 1, 1, 1, 1, 2, 0, 0, 0]);
    render(<NetworkDiagram />);
    expect(screen.getByRole('note')).toHaveTextContent(/equal now, but w5 ≠ w6 .* they will drift apart/);
    expect(screen.queryByText(/stay identical forever/)).not.toBeInTheDocument();
  });

  it('picking another person in the figure shows their values', async () => {
    const user = userEvent.setup();
    showParams(ALL_ONES, 0);
    render(<NetworkDiagram />);
    await user.selectOptions(screen.getByRole('combobox', { name: 'Person shown' }), 'Bob');
    expect(labState().selectedRow).toBe(1);
    expect(screen.getByRole('figure', { name: 'Network' })).toHaveTextContent('Showing Bob (row 2)');
    // Bob (25, 6): h = sigmoid(31), o1 = sigmoid(2 * sigmoid(31)) = 0.8808
    expect(neuronValue('x1')).toBe('25');
    expect(neuronValue('h1')).toBe('1');
    expect(neuronValue('o1')).toBe('0.881');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Person shown' }), 'Next or just trained');
    expect(labState().selectedRow).toBeNull();
  });

  it('a bad value explains itself and keeps what was typed; Escape cancels', async () => {
    const user = userEvent.setup();
    showParams(RANDOM);
    render(<NetworkDiagram />);
    await user.click(screen.getByRole('button', { name: /^b1 = / }));
    const input = screen.getByRole('textbox', { name: 'New value for b1' });
    await user.clear(input);
    await user.type(input, 'abc{Enter}');
    expect(input).toHaveValue('abc');
    expect(input).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByRole('alert')).toHaveTextContent('“abc” is not a number');
    await user.clear(input);
    await user.type(input, '2e7{Enter}');
    expect(screen.getByRole('alert')).toHaveTextContent('between -1,000,000 and 1,000,000');
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('textbox', { name: 'New value for b1' })).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: /^b1 = 0.12,/ })).toHaveFocus();
  });
});

describe('editing a weight reaches the training worker', () => {
  let disconnect: () => void = () => {};
  afterEach(() => disconnect());

  it('focus w1, Enter, type 0.5, Enter: the worker takes 0.5 as w1', async () => {
    const user = userEvent.setup();
    disconnect = connectTrainer(
      () => new Worker(new URL('../../src/worker/training.worker.ts', import.meta.url), { type: 'module' }),
    );
    await waitForState((state) => state.run.runId === 1);
    render(<NetworkDiagram />);
    const edge = screen.getByRole('button', { name: /^w1 = .*weight x1 → h1/ });
    edge.focus();
    await user.keyboard('{Enter}');
    const input = screen.getByRole('textbox', { name: 'New value for w1' });
    expect(input).toHaveFocus();
    await user.clear(input);
    await user.type(input, '0.5{Enter}');
    const state = await waitForState((s) => s.run.params[0] === 0.5);
    expect(state.run.params[0]).toBe(0.5);
    expect(await screen.findByRole('button', { name: /^w1 = 0.5, weight x1 → h1/ })).toHaveFocus();
  });
});

describe('layout and parsing', () => {
  it('fits 340 px to 1900 px: every neuron and label stays inside the figure', () => {
    for (const width of [340, 375, 559, 560, 1024, 1900]) {
      const layout = networkLayout(width);
      expect(layout.width).toBe(width);
      expect(layout.showEdgeLabels).toBe(width >= EDGE_LABEL_MIN_WIDTH);
      for (const neuron of layout.neurons) {
        expect(neuron.x - layout.radius).toBeGreaterThanOrEqual(0);
        expect(neuron.x + layout.radius).toBeLessThanOrEqual(width);
        expect(neuron.note.y - layout.fontSize).toBeGreaterThanOrEqual(0);
        expect(neuron.note.y + layout.fontSize).toBeLessThanOrEqual(layout.height);
      }
    }
  });

  it('wires the edges as the article does', () => {
    const wiring = networkLayout(800).edges.map((edge) => `${edge.name}:${edge.from}->${edge.to}`);
    expect(wiring).toEqual(['w1:x1->h1', 'w2:x2->h1', 'w3:x1->h2', 'w4:x2->h2', 'w5:h1->o1', 'w6:h2->o1']);
  });

  it('accepts numbers and explains everything else', () => {
    expect(parseParamValue(' -1.5e-1 ')).toEqual({ ok: true, value: -0.15 });
    for (const bad of ['', 'abc', 'Infinity', 'NaN', '1e400', '1000001', '1,5']) {
      expect(parseParamValue(bad).ok).toBe(false);
    }
  });
});

/** Names of what the shown phase lights: parameters by name, neurons by id, in figure order. */
function lit(attribute = 'data-phase-active'): string[] {
  const figure = screen.getByRole('figure', { name: 'Network' });
  return Array.from(figure.querySelectorAll(`[${attribute}]`)).map((element) => {
    const param = element.getAttribute('data-param');
    return param === null ? element.querySelector('.neuron-name')!.textContent : PARAM_NAMES[Number(param)]!;
  });
}

/** The wave stage of a weight, bias or neuron (the order the phase lights them in). */
function stageOf(name: string): number {
  const figure = screen.getByRole('figure', { name: 'Network' });
  const param = PARAM_NAMES.indexOf(name as (typeof PARAM_NAMES)[number]);
  const element =
    param >= 0
      ? figure.querySelector<SVGGElement>(`[data-param="${param}"]`)!
      : screen.getByRole('img', { name: new RegExp(`^${name}\\b`) });
  return Number(element.style.getPropertyValue('--phase-stage'));
}

/** The text an edge prints next to its line. */
function edgeLabel(name: string): string {
  return screen.getByRole('button', { name: new RegExp(`^${name} = `) }).querySelector('.edge-label')!
    .textContent;
}

function showPhase(phase: StepPhase | null): void {
  act(() => setStepPhase(phase));
}

const HIDDEN_LAYER = ['w1', 'w2', 'w3', 'w4', 'b1', 'b2'];
const OUTPUT_LAYER = ['w5', 'w6', 'b3'];

describe('one SGD step on the figure (All ones, Alice)', () => {
  beforeEach(() => showParams(ALL_ONES, 0));

  it('with no phase shown nothing is lit and the live weights show', () => {
    render(<NetworkDiagram />);
    expect(lit()).toEqual([]);
    expect(screen.getByRole('figure', { name: 'Network' }).querySelector('.phase-badge')).toBeNull();
    expect(edgeLabel('w1')).toBe('w1 = 1');
  });

  it('forward: a wave lights the inputs, w1–w4 with b1, b2, then h1, h2, then w5, w6, b3, then o1', () => {
    render(<NetworkDiagram />);
    showPhase('forward');
    expect(lit()).toEqual([...PARAM_NAMES.slice(0, 6), 'x1', 'x2', 'h1', 'h2', 'o1', 'b1', 'b2', 'b3']);
    for (const name of ['x1', 'x2']) expect(stageOf(name)).toBe(0);
    for (const name of HIDDEN_LAYER) expect(stageOf(name)).toBe(1);
    for (const name of ['h1', 'h2']) expect(stageOf(name)).toBe(2);
    for (const name of OUTPUT_LAYER) expect(stageOf(name)).toBe(3);
    expect(stageOf('o1')).toBe(4);
    expect(['x1', 'x2', 'h1', 'h2', 'o1'].map(neuronValue)).toEqual([
      '-2',
      '-1',
      '0.0474',
      '0.0474',
      '0.524',
    ]);
    // Arrowheads point from the inputs to the output.
    const w1 = screen.getByRole('button', { name: /^w1 = 1, weight x1 → h1/ });
    expect(w1.querySelector('.edge-arrow')).toHaveAttribute(
      'marker-end',
      expect.stringMatching(/arrow-flow/),
    );
    expect(w1.querySelector('.edge-arrow')).not.toHaveAttribute('marker-start');
    expect(edgeLabel('w5')).toBe('w5 = 1');
  });

  it('loss: only o1 is lit, with the loss and dL/dypred beside it', () => {
    render(<NetworkDiagram />);
    showPhase('loss');
    expect(lit()).toEqual(['o1']);
    const badge = screen.getByRole('note', { name: /^L = / });
    expect(badge).toHaveTextContent('L = (1 − 0.524)² = 0.227');
    expect(badge).toHaveTextContent('dL/dypred = −0.953');
  });

  it('backward: the output layer first, then the hidden one, each edge with its gradient, w1’s path marked', () => {
    render(<NetworkDiagram />);
    showPhase('backward');
    expect(lit()).toEqual([...PARAM_NAMES.slice(0, 6), 'x1', 'h1', 'h2', 'o1', 'b1', 'b2', 'b3']);
    expect(lit('data-phase-path')).toEqual(['w1', 'w5', 'x1', 'h1', 'o1']);
    expect(stageOf('o1')).toBe(0);
    for (const name of OUTPUT_LAYER) expect(stageOf(name)).toBe(1);
    for (const name of ['h1', 'h2']) expect(stageOf(name)).toBe(2);
    for (const name of HIDDEN_LAYER) expect(stageOf(name)).toBe(3);
    expect(edgeLabel('w1')).toBe('dL/dw1 = 0.0215');
    expect(edgeLabel('w2')).toBe('dL/dw2 = 0.0107');
    expect(edgeLabel('w5')).toBe('dL/dw5 = −0.0113');
    expect(screen.getByRole('button', { name: /^b3 = / })).toHaveTextContent('dL/db3 = −0.238');
    expect(screen.getByRole('button', { name: /^b1 = / })).toHaveTextContent('dL/db1 = −0.0107');
    const w1 = screen.getByRole('button', {
      name: 'w1 = 1, weight x1 → h1; gradient dL/dw1 = 0.0215. Press Enter to edit',
    });
    // Arrowheads point back to the inputs; the halo takes the gradient's sign colour.
    expect(w1.querySelector('.edge-arrow')).toHaveAttribute(
      'marker-start',
      expect.stringMatching(/arrow-positive/),
    );
    expect(w1.querySelector('.edge-arrow')).not.toHaveAttribute('marker-end');
    const w5 = screen.getByRole('button', { name: /^w5 = / });
    expect(w5.querySelector<SVGLineElement>('.edge-flow')!.style.stroke).toBe(toneColor('negative'));
    expect(w1.querySelector<SVGLineElement>('.edge-flow')!.style.stroke).toBe(toneColor('positive'));
    expect(screen.getByRole('note', { name: 'dL/dypred = −0.953' })).toBeInTheDocument();
    expect(screen.getByText('dypred/dh1 = 0.249')).toBeInTheDocument();
    expect(screen.getByRole('img', { name: /^h1: .*; dypred\/dh1 = 0\.249$/ })).toBeInTheDocument();
  });

  it('update: every weight and bias shows before → after (change), and is drawn at its new value', () => {
    render(<NetworkDiagram />);
    showPhase('update');
    expect(lit()).toEqual([...PARAM_NAMES.slice(0, 6), 'b1', 'b2', 'b3']);
    expect(edgeLabel('w1')).toBe('1 → 0.998 (−0.00215)');
    expect(edgeLabel('w2')).toBe('1 → 0.999 (−0.00107)');
    // +0.00113 would read `1 → 1` at 3 digits: one more digit tells them apart.
    expect(edgeLabel('w5')).toBe('1 → 1.001 (+0.00113)');
    expect(screen.getByRole('button', { name: /^b3 = / })).toHaveTextContent('b3: 0 → 0.0238 (+0.0238)');
    const w1 = screen.getByRole('button', {
      name: /^w1 = 0\.9979, weight x1 → h1; updated 1 → 0\.998, change −0\.00215/,
    });
    const line = w1.querySelector<SVGLineElement>('.edge-line')!;
    expect(Number.parseFloat(line.style.strokeWidth)).toBeCloseTo(
      weightWidth(1 - 0.1 * 0.02146953526581111),
      6,
    );
  });

  it('after `Step sample`, the phases show the step just taken: before it until the update, after it then', () => {
    const before = Float64Array.from(ALL_ONES);
    const trace = traceSample(before, -2, -1, 1);
    const after = Float64Array.from(before);
    applySgdStep(after, trace.grad, 0.1);
    setLab({
      run: {
        ...INITIAL_RUN,
        params: after,
        scaling: ARTICLE_SHIFT,
        sample: { row: 0, ...trace, paramsBefore: before },
      },
      selectedRow: 0,
    });
    render(<NetworkDiagram />);
    expect(edgeLabel('w1')).toBe('w1 = 0.9979'); // no phase: the live weights, after the step
    expect(neuronValue('o1')).toBe('0.53'); // and the live output, 0.5298
    showPhase('forward');
    expect(edgeLabel('w1')).toBe('w1 = 1');
    expect(neuronValue('o1')).toBe('0.524');
    showPhase('backward');
    expect(edgeLabel('w1')).toBe('dL/dw1 = 0.0215');
    showPhase('update');
    expect(edgeLabel('w1')).toBe('1 → 0.998 (−0.00215)');
    showPhase(null);
    expect(lit()).toEqual([]);
    expect(edgeLabel('w1')).toBe('w1 = 0.9979');
  });

  it('before → after gets just enough digits to differ', () => {
    expect(beforeAfter(1, 0.9978530465)).toBe('1 → 0.998');
    expect(beforeAfter(1, 1.0011269)).toBe('1 → 1.001');
    expect(beforeAfter(-0.5, -0.5)).toBe('−0.5 → −0.5');
  });
});

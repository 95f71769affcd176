// @vitest-environment jsdom
import '@vitest/web-worker';
import { act, cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ARTICLE_ARCHITECTURE, paramCount, paramNames, type Architecture } from '../../src/core/architecture';
import { traceSample } from '../../src/core/backward';
import { ARTICLE_SHIFT } from '../../src/core/scaling';
import { activationColor } from '../../src/viz/colorScales';
import { placeEdgeLabels } from '../../src/components/NetworkDiagram/edgeLabels';
import { boxAround, boxesOverlap } from '../../src/components/NetworkDiagram/geometry';
import { networkLayout } from '../../src/components/NetworkDiagram/layout';
import { NetworkDiagram } from '../../src/components/NetworkDiagram/NetworkDiagram';
import { setArchitecture, setStepPhase } from '../../src/store/actions';
import { useLab } from '../../src/store/labStore';
import { INITIAL_RUN } from '../../src/store/runStore';
import { connectTrainer } from '../../src/store/trainerBridge';
import { labState, resetLab, setLab } from '../helpers/resetLab';
import { waitForState } from '../helpers/waitForState';

/** Shows `params` as the run of `architecture`, following Alice (row 0). */
function showNetwork(architecture: Architecture, params: Float64Array): void {
  setLab({
    run: { ...INITIAL_RUN, architecture, params, scaling: ARTICLE_SHIFT },
    settings: { ...labState().settings, architecture },
    selectedRow: 0,
  });
}

const EIGHT: Architecture = { ...ARTICLE_ARCHITECTURE, hidden: 8 };
/** Distinct, spread-out values for every parameter of an 8-neuron network. */
const EIGHT_PARAMS = Float64Array.from({ length: paramCount(8) }, (_, i) => ((i * 7) % 13) / 6 - 1);

beforeEach(() => {
  resetLab();
  // jsdom has no 2D canvas: the maps skip drawing, as they do wherever getContext gives null.
  vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(null);
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe('the figure’s layout for 1 to 8 hidden neurons', () => {
  it('keeps every neuron, note and map inside the figure, and no two neurons or maps touch', () => {
    for (let hidden = 1; hidden <= 8; hidden++) {
      for (const width of [340, 375, 720, 1440]) {
        const layout = networkLayout(width, hidden);
        const where = `H = ${hidden} at ${width} px`;
        expect(
          layout.neurons.map((spot) => spot.id),
          where,
        ).toEqual(['x1', 'x2', ...Array.from({ length: hidden }, (_, j) => `h${j + 1}`), 'o1']);
        expect(layout.edges, where).toHaveLength(3 * hidden);
        expect(layout.maps, where).toHaveLength(hidden);
        const { radius } = layout;
        for (const spot of layout.neurons) {
          expect(spot.x - radius, where).toBeGreaterThanOrEqual(0);
          expect(spot.x + radius, where).toBeLessThanOrEqual(width);
          expect(spot.note.y - layout.fontSize, where).toBeGreaterThanOrEqual(0);
          expect(spot.note.y + layout.fontSize, where).toBeLessThanOrEqual(layout.height);
        }
        const boxes = [
          ...layout.neurons.map((spot) => boxAround(spot, 2 * radius, 2 * radius)),
          ...layout.maps.map((map) => ({
            left: map.left,
            top: map.top,
            right: map.left + map.width,
            bottom: map.top + map.height,
          })),
        ];
        for (const map of layout.maps) {
          expect(map.left + map.width, where).toBeLessThanOrEqual(width);
          expect(map.top, where).toBeGreaterThanOrEqual(0);
        }
        boxes.forEach((box, i) =>
          boxes.slice(i + 1).forEach((other) => expect(boxesOverlap(box, other), where).toBe(false)),
        );
      }
    }
  });

  it('prints an edge’s value only where there is room: a crowded edge shows it on hover and focus', () => {
    const article = networkLayout(720, 2);
    expect(article.edges.every((edge) => edge.labelled && edge.phaseLabelled)).toBe(true);
    const eight = networkLayout(900, 8);
    const labelled = eight.edges.filter((edge) => edge.labelled);
    expect(labelled.length).toBeGreaterThan(4);
    expect(labelled.length).toBeLessThan(eight.edges.length);
  });

  it('places labels greedily: clear of each other, of other edges and of obstacles, else none', () => {
    const bounds = { left: 0, top: 0, right: 400, bottom: 400 };
    const line = (y: number, name: string) => ({ start: { x: 0, y }, end: { x: 400, y }, name });
    // Far apart: every line gets its label, in the middle.
    const spread = placeEdgeLabels([line(100, 'w1'), line(300, 'w2')], [], bounds, 200, 12);
    expect(spread.map((placement) => placement.labelled)).toEqual([true, true]);
    expect(spread[0]!.label).toEqual({ x: 200, y: 100 });
    // Four pixels apart: the second label moves along its line, clear of the first…
    const staggered = placeEdgeLabels([line(100, 'w1'), line(104, 'w2')], [], bounds, 50, 12);
    expect(staggered.map((placement) => placement.labelled)).toEqual([true, true]);
    expect(staggered[1]!.label.x).not.toBe(200);
    // …but on short lines there is nowhere else to go: only the first keeps its label.
    const short = (y: number, name: string) => ({ start: { x: 150, y }, end: { x: 250, y }, name });
    const crowded = placeEdgeLabels([short(100, 'w1'), short(104, 'w2')], [], bounds, 50, 12);
    expect(crowded.map((placement) => placement.labelled)).toEqual([true, false]);
    // An obstacle in the middle moves the label along its line.
    const blocked = placeEdgeLabels(
      [line(100, 'w1')],
      [{ left: 150, top: 60, right: 250, bottom: 140 }],
      bounds,
      200,
      12,
    );
    expect(blocked[0]!.labelled).toBe(true);
    expect(Math.abs(blocked[0]!.label.x - 200)).toBeGreaterThan(50);
    // A crossing edge through the label's place is avoided too.
    const crossing = placeEdgeLabels(
      [line(100, 'w1'), { start: { x: 200, y: 0 }, end: { x: 200, y: 400 }, name: 'w2' }],
      [],
      bounds,
      200,
      12,
    );
    expect(crossing[0]!.labelled).toBe(true);
    expect(crossing[0]!.label.x).not.toBe(200);
  });
});

describe('the Network figure with 8 hidden neurons', () => {
  it('draws all 33 weights and biases as editable buttons, h1 … h8 and a map for each', () => {
    showNetwork(EIGHT, EIGHT_PARAMS);
    render(<NetworkDiagram />);
    const figure = screen.getByRole('figure', { name: 'Network' });
    const editable = within(figure).getAllByRole('button', { name: /Press Enter to edit$/ });
    expect(editable).toHaveLength(33);
    const names = paramNames(8);
    expect(editable.map((button) => button.getAttribute('aria-label')!.split(' = ')[0]).sort()).toEqual(
      [...names].sort(),
    );
    expect(
      within(figure).getByRole('button', { name: /^w24 = .*, weight h8 → o1\. Press Enter to edit$/ }),
    ).toBeInTheDocument();
    expect(within(figure).getByRole('button', { name: /^b9 = .*, bias of o1\./ })).toBeInTheDocument();
    for (let j = 1; j <= 8; j++) {
      expect(within(figure).getByRole('img', { name: new RegExp(`^h${j}: sigmoid output `) })).toBeVisible();
      expect(within(figure).getByRole('img', { name: new RegExp(`^Map of h${j}'s output`) })).toBeVisible();
    }
    expect(within(figure).getAllByRole('img', { name: /^Map of / })).toHaveLength(8);
  });

  it('shows each hidden neuron’s output for Alice, as the engine computes it', () => {
    showNetwork(EIGHT, EIGHT_PARAMS);
    render(<NetworkDiagram />);
    // Alice under the article shift: x = (-2, -1).
    const sum = EIGHT_PARAMS[14]! * -2 + EIGHT_PARAMS[15]! * -1 + EIGHT_PARAMS[24 + 7]!;
    const h8 = 1 / (1 + Math.exp(-sum));
    const shown = screen.getByRole('img', { name: /^h8: / }).querySelector('.neuron-value')!.textContent;
    expect(Number(shown)).toBeCloseTo(h8, 2);
  });

  it('calls out eight twins from an all-ones start', () => {
    const ones = new Float64Array(paramCount(8)).fill(1).fill(0, 24);
    showNetwork(EIGHT, ones);
    render(<NetworkDiagram />);
    expect(screen.getByText(/^All 8 hidden neurons have identical weights in and out/)).toHaveTextContent(
      'stay identical forever',
    );
  });
});

describe('the activation on the figure', () => {
  it('colours tanh neurons over −1 to 1, names the activation, and shows its own legend', () => {
    const tanh: Architecture = { ...ARTICLE_ARCHITECTURE, hidden: 3, activation: 'tanh' };
    // h1's sum for Alice (-2, -1): 0.25 · -2 + 0 · -1 + 0 = -0.5.
    const params = Float64Array.from([0.25, 0, 1, 0, 0, 0, 1, 1, 1, 0, 0, 0, 0]);
    showNetwork(tanh, params);
    render(<NetworkDiagram />);
    const h1 = screen.getByRole('img', { name: /^h1: tanh output -0\.462 for Alice$/ });
    const expected = activationColor((Math.tanh(-0.5) + 1) / 2);
    expect(h1.querySelector('circle.neuron-circle')).toHaveAttribute('fill', expected);
    // On the sigmoid's 0..1 scale a negative output would take the bottom colour instead.
    expect(expected).not.toBe(activationColor(0));
    expect(h1.querySelector('.neuron-glyph title')).toHaveTextContent('tanh');
    expect(screen.getByRole('img', { name: /^Hidden neuron \(tanh\) output colours/ })).toBeInTheDocument();
    expect(screen.getByRole('img', { name: /^o1: output \(the prediction\)/ })).toBeInTheDocument();
  });
});

describe('the table’s units on the figure', () => {
  it('notes the inputs and ranges the maps in kg and cm when the table is metric', () => {
    const people = useLab
      .getState()
      .people.map((person, row) => (row === 0 ? { ...person, weight: '60.3', height: '165.1' } : person));
    setLab({ people, settings: { ...labState().settings, units: 'metric' } });
    showNetwork(ARTICLE_ARCHITECTURE, Float64Array.from([1, 1, 1, 1, 1, 1, 0, 0, 0]));
    render(<NetworkDiagram />);
    const figure = screen.getByRole('figure', { name: 'Network' });
    expect(within(figure).getByText('weight 60.3 kg')).toBeInTheDocument();
    expect(within(figure).getByText('height 165.1 cm')).toBeInTheDocument();
    // 60.3 kg is 132.94 lb: scaled by the article's shift (−135), x1 = −2.06.
    expect(
      within(figure).getByRole('img', { name: /^x1 \(weight\) of Alice: 60\.3 kg, scaled to -2\.06$/ }),
    ).toBeVisible();
    expect(within(figure).getByRole('img', { name: /^Map of h1's output/ })).toHaveAccessibleName(
      /over weight \([\d.]+–[\d.]+ kg\) and height \([\d.]+–[\d.]+ cm\)/,
    );
  });
});

describe('the hidden maps during a phase of the Math view', () => {
  it('show the explained step’s network (before it, then after it on update), not the live one', () => {
    // The live network is high for light, short people; the step explained started high for heavy, tall.
    const before = Float64Array.from([1, 1, 1, 1, 1, 1, 0, 0, 0]);
    const live = Float64Array.from([-1, -1, 1, 1, 1, 1, 0, 0, 0]);
    setLab({
      run: {
        ...INITIAL_RUN,
        params: live,
        scaling: ARTICLE_SHIFT,
        sample: { row: 0, ...traceSample(before, -2, -1, 1), paramsBefore: before },
      },
      selectedRow: 0,
    });
    render(<NetworkDiagram />);
    const h1Map = () => screen.getByRole('img', { name: /^Map of h1's output/ });
    expect(h1Map()).toHaveAccessibleName(/high for light, short people$/);
    for (const phase of ['forward', 'loss', 'backward'] as const) {
      act(() => setStepPhase(phase));
      expect(h1Map(), phase).toHaveAccessibleName(/high for heavy, tall people$/);
    }
    // The step's "after" is the live network the worker reported once the step was taken.
    act(() => setStepPhase('update'));
    expect(h1Map()).toHaveAccessibleName(/high for light, short people$/);
    act(() => setStepPhase(null));
    expect(h1Map()).toHaveAccessibleName(/high for light, short people$/);
  });
});

describe('the update phase with mini-batches', () => {
  it('shows this sample’s share of the batch’s step and keeps each parameter where it was', () => {
    const batches: Architecture = { ...ARTICLE_ARCHITECTURE, update: 'mini-batch', batchSize: 2 };
    showNetwork(batches, Float64Array.from([1, 1, 1, 1, 1, 1, 0, 0, 0]));
    render(<NetworkDiagram />);
    act(() => setStepPhase('update'));
    // Alice's dL/dw1 from all ones is the article's 0.0215: her share is −0.1 ÷ 2 × 0.0215.
    const w1 = screen.getByRole('button', { name: /^w1 = 1, weight x1 → h1; this sample's share/ });
    expect(w1.querySelector('.edge-label')).toHaveTextContent('share −0.00107');
    expect(screen.getByRole('figure', { name: 'Network' })).toHaveTextContent(
      'it moves once the batch is done',
    );
  });
});

describe('editing a parameter of a bigger network reaches the worker', () => {
  let disconnect: () => void = () => {};
  afterEach(() => disconnect());

  it('with 8 hidden neurons, w24 set to 0.75 in the figure is the worker’s w24', async () => {
    const user = userEvent.setup();
    disconnect = connectTrainer(
      () => new Worker(new URL('../../src/worker/training.worker.ts', import.meta.url), { type: 'module' }),
    );
    await waitForState((state) => state.run.runId === 1);
    act(() => setArchitecture({ hidden: 8 }));
    await waitForState((state) => state.run.params.length === 33);
    render(<NetworkDiagram />);
    await user.click(screen.getByRole('button', { name: /^w24 = .*weight h8 → o1/ }));
    const input = screen.getByRole('textbox', { name: 'New value for w24' });
    await user.clear(input);
    await user.type(input, '0.75{Enter}');
    const state = await waitForState((s) => s.run.params[23] === 0.75);
    expect(state.run.params).toHaveLength(33);
    expect(await screen.findByRole('button', { name: /^w24 = 0.75, weight h8 → o1/ })).toHaveFocus();
  });
});

// @vitest-environment jsdom
import '@vitest/web-worker';
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ARTICLE_ARCHITECTURE, type Architecture } from '../../src/core/architecture';
import { networkParamNames } from '../../src/core/layerNames';
import { networkParamCount, withHiddenSizes } from '../../src/core/layerShape';
import { ARTICLE_SHIFT } from '../../src/core/scaling';
import { boxAround, boxesOverlap } from '../../src/components/NetworkDiagram/geometry';
import { networkLayout } from '../../src/components/NetworkDiagram/layout';
import { NetworkDiagram } from '../../src/components/NetworkDiagram/NetworkDiagram';
import { INITIAL_RUN } from '../../src/store/runStore';
import { connectTrainer } from '../../src/store/trainerBridge';
import { labState, resetLab, setLab } from '../helpers/resetLab';
import { waitForState } from '../helpers/waitForState';

let disconnect: () => void = () => {};

const DEEP: Architecture = withHiddenSizes({ ...ARTICLE_ARCHITECTURE, activation: 'tanh' }, [3, 4, 2]);
const DEEP_PARAMS = Float64Array.from({ length: networkParamCount(DEEP) }, (_, i) => ((i * 7) % 13) / 6 - 1);

function showNetwork(architecture: Architecture, params: Float64Array): void {
  setLab({
    run: { ...INITIAL_RUN, architecture, params, scaling: ARTICLE_SHIFT },
    settings: { ...labState().settings, architecture },
    selectedRow: 0,
  });
}

beforeEach(() => {
  resetLab();
  vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(null);
});
afterEach(() => {
  cleanup();
  disconnect();
  disconnect = () => {};
  vi.restoreAllMocks();
});

describe('the Network figure with several hidden layers', () => {
  it('names each hidden neuron by its layer, and every weight and bias is an editable button', () => {
    showNetwork(DEEP, DEEP_PARAMS);
    render(<NetworkDiagram />);
    const figure = screen.getByRole('figure', { name: 'Network' });
    for (const [layer, count] of [
      [1, 3],
      [2, 4],
      [3, 2],
    ] as const) {
      for (let neuron = 1; neuron <= count; neuron++) {
        expect(
          within(figure).getByRole('img', {
            name: new RegExp(`^Layer ${layer}, neuron ${neuron}: tanh output`),
          }),
        ).toBeInTheDocument();
      }
    }
    expect(within(figure).queryByRole('img', { name: /^Layer 4/ })).toBeNull();
    // A map of every hidden neuron's output over the plane, named by its layer too.
    const maps = within(figure).getAllByRole('img', { name: /^Map of / });
    expect(maps).toHaveLength(3 + 4 + 2);
    expect(
      within(figure).getByRole('img', { name: /^Map of Layer 2, neuron 4's output/ }),
    ).toBeInTheDocument();
    const editable = within(figure).getAllByRole('button', { name: /Press Enter to edit$/ });
    expect(editable).toHaveLength(networkParamCount(DEEP));
    expect(editable.map((b) => b.getAttribute('aria-label')!.split(' = ')[0]).sort()).toEqual(
      networkParamNames(DEEP).sort(),
    );
    expect(
      within(figure).getByRole('button', {
        name: /^w8 = .*, weight Layer 1, neuron 2 → Layer 2, neuron 1\./,
      }),
    ).toBeInTheDocument();
  });

  it('edits a deep weight with Enter, as on the 2-2-1', async () => {
    setLab({ settings: { ...labState().settings, architecture: DEEP } });
    disconnect = connectTrainer(
      () => new Worker(new URL('../../src/worker/training.worker.ts', import.meta.url), { type: 'module' }),
    );
    await waitForState((s) => s.run.params.length === networkParamCount(DEEP));
    render(<NetworkDiagram />);
    const user = userEvent.setup();
    const weight = screen.getByRole('button', { name: /^w20 = / });
    weight.focus();
    await user.keyboard('{Enter}');
    const editor = screen.getByRole('textbox', { name: /w20/ });
    await user.clear(editor);
    await user.type(editor, '0.75{Enter}');
    await waitForState((s) => s.run.params[19] === 0.75);
  });

  it.each([375, 720, 1440])('lays out 4 × 8 at %i px with every neuron inside and none touching', (width) => {
    const layout = networkLayout(width, [8, 8, 8, 8]);
    expect(layout.neurons).toHaveLength(2 + 32 + 1);
    expect(layout.edges).toHaveLength(2 * 8 + 3 * 64 + 8);
    expect(layout.radius).toBeGreaterThanOrEqual(11);
    // Every map inside the figure and clear of every neuron.
    for (const map of layout.maps) {
      const box = { left: map.left, top: map.top, right: map.left + map.width, bottom: map.top + map.height };
      expect(box.left).toBeGreaterThanOrEqual(0);
      expect(box.right).toBeLessThanOrEqual(layout.width);
      for (const spot of layout.neurons) {
        expect(boxesOverlap(box, boxAround(spot, 2 * layout.radius, 2 * layout.radius))).toBe(false);
      }
    }
    const boxes = layout.neurons.map((spot) => boxAround(spot, 2 * layout.radius, 2 * layout.radius));
    for (const box of boxes) {
      expect(box.left).toBeGreaterThanOrEqual(0);
      expect(box.right).toBeLessThanOrEqual(layout.width);
      expect(box.top).toBeGreaterThanOrEqual(0);
      expect(box.bottom).toBeLessThanOrEqual(layout.height);
    }
    for (let a = 0; a < boxes.length; a++) {
      for (let b = a + 1; b < boxes.length; b++) expect(boxesOverlap(boxes[a]!, boxes[b]!)).toBe(false);
    }
  });
});

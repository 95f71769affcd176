// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ARTICLE_SHIFT } from '../../src/core/scaling';
import { NetworkDiagram } from '../../src/components/NetworkDiagram/NetworkDiagram';
import { hiddenGrid } from '../../src/components/NetworkDiagram/hiddenGrid';
import { INITIAL_RUN } from '../../src/store/runStore';
import { resetLab, setLab } from '../helpers/resetLab';

const ALL_ONES = Float64Array.from([1, 1, 1, 1, 1, 1, 0, 0, 0]);
const ARTICLE_NET = { hidden: 2, activation: 'sigmoid' } as const;

beforeEach(() => {
  resetLab();
  // jsdom has no 2D canvas: the maps skip drawing, as they do wherever getContext gives null.
  vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(null);
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe('hiddenGrid', () => {
  // A grid whose cell centres land on 133 lb and 65 in exactly.
  const xDomain = [132, 134] as const; // one column, centre 133
  const yDomain = [50, 80] as const; // three rows of 10 in: centres 75, 65, 55 from the top

  it('gives the article’s h1 for Alice (133 lb, 65 in) with all ones and the article shift', () => {
    const out = new Float32Array(3);
    hiddenGrid(ALL_ONES, ARTICLE_NET, ARTICLE_SHIFT, xDomain, yDomain, 1, 3, 0, out);
    // Row 1 is 65 in: x1 = -2, x2 = -1, h1 = sigmoid(-3).
    expect(out[1]).toBeCloseTo(0.04742587317756678, 6);
    // Row 0 is the tallest (75 in): x2 = 9, h1 = sigmoid(7).
    expect(out[0]).toBeCloseTo(1 / (1 + Math.exp(-7)), 6);
  });

  it('reads h2 from w3, w4 and b2 only', () => {
    const params = Float64Array.from([0, 0, 2, -1, 0, 0, 0, 0.5, 0]);
    const out = new Float32Array(3);
    hiddenGrid(params, ARTICLE_NET, ARTICLE_SHIFT, xDomain, yDomain, 1, 3, 1, out);
    // 2·(-2) − 1·(-1) + 0.5 = -2.5
    expect(out[1]).toBeCloseTo(1 / (1 + Math.exp(2.5)), 6);
    hiddenGrid(params, ARTICLE_NET, ARTICLE_SHIFT, xDomain, yDomain, 1, 3, 0, out);
    expect(out[1]).toBeCloseTo(0.5, 6);
  });
});

describe('the hidden-neuron maps', () => {
  it('shows a labelled map for h1 and h2 inside the Network figure', () => {
    setLab({ run: { ...INITIAL_RUN, params: ALL_ONES, scaling: ARTICLE_SHIFT } });
    render(<NetworkDiagram />);
    const figure = screen.getByRole('figure', { name: 'Network' });
    const h1 = within(figure).getByRole('img', { name: /^Map of h1's output over weight \(\d+–\d+ lb\)/ });
    const h2 = within(figure).getByRole('img', { name: /^Map of h2's output/ });
    expect(h1).toHaveAccessibleName(/high for heavy, tall people$/);
    expect(h2).toHaveAttribute('tabindex', '0');
    expect(h2.getAttribute('aria-label')).toMatch(/height \(\d+–\d+ in\)/);
  });

  it('describes where a neuron is high from the signs of its weights', () => {
    const params = Float64Array.from([-1, -1, 1, 0, 1, 1, 0, 0, 0]);
    setLab({ run: { ...INITIAL_RUN, params, scaling: ARTICLE_SHIFT } });
    render(<NetworkDiagram />);
    expect(
      screen.getByRole('img', { name: /^Map of h1.*high for light, short people$/ }),
    ).toBeInTheDocument();
    expect(screen.getByRole('img', { name: /^Map of h2.*high for heavy people$/ })).toBeInTheDocument();
  });
});

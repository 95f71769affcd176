import { describe, expect, it } from 'vitest';
import {
  COLOR_STEPS,
  discreteColorTable,
  outputColorTable,
  paintGrid,
} from '../../src/components/DecisionBoundary/colors';

describe('Discretize output colours', () => {
  it('paint every output in one of two colours, split at 0.5, with NaN still grey', () => {
    // (0.5 itself lies on the drawn 0.5 line; the table resolves outputs to 1/255, so it is left out.)
    const grid = Float32Array.from([0, 0.2, 0.49, 0.498, 0.51, 0.8, 1, 1.5, -1, Number.NaN]);
    const pixels = new Uint32Array(grid.length);
    paintGrid(grid, discreteColorTable(), pixels);
    const continuous = outputColorTable();
    const [below, above, grey] = [continuous[0], continuous[COLOR_STEPS - 1], continuous[COLOR_STEPS]];
    expect(Array.from(pixels)).toEqual([below, below, below, below, above, above, above, above, below, grey]);
    expect(below).not.toBe(above);
  });
});

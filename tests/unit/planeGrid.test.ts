import { describe, expect, it } from 'vitest';
import { IDENTITY_SCALING, type Scaling } from '../../src/core/scaling';
import { fillPlaneGrid } from '../../src/viz/planeGrid';

describe('fillPlaneGrid', () => {
  it('samples each cell at its centre, laid out like an image: row 0 is the top (the tallest)', () => {
    const out = new Float64Array(4);
    fillPlaneGrid(IDENTITY_SCALING, [0, 4], [0, 2], 2, 2, out, (x1, x2) => x1 * 10 + x2);
    // Centres: x 1 and 3; y 1.5 on the top row, 0.5 on the bottom row.
    expect(Array.from(out)).toEqual([11.5, 31.5, 10.5, 30.5]);
  });

  it('hands the cell its inputs scaled as the model sees them', () => {
    const standardized: Scaling = { offset: [100, 50], scale: [10, 5] };
    const seen: [number, number][] = [];
    fillPlaneGrid(standardized, [100, 120], [50, 60], 1, 1, new Float32Array(1), (x1, x2) => {
      seen.push([x1, x2]);
      return 0;
    });
    // The one cell's centre is (110 lb, 55 in): one scale above each offset.
    expect(seen).toEqual([[1, 1]]);
  });

  it('visits every cell once, whatever the grid size', () => {
    const cols = 7;
    const rows = 5;
    const out = new Float32Array(cols * rows).fill(Number.NaN);
    let calls = 0;
    fillPlaneGrid(IDENTITY_SCALING, [0, 7], [0, 5], cols, rows, out, () => ++calls);
    expect(calls).toBe(cols * rows);
    expect(new Set(out).size).toBe(cols * rows);
  });
});

import { describe, expect, it } from 'vitest';
import { boundaryLayout, halfGrid } from '../../src/viz/planeLayout';

describe('halfGrid', () => {
  it('covers the same plot with half as many cells each way, never fewer than two', () => {
    const layout = boundaryLayout(720);
    const half = halfGrid(layout);
    expect(half.cols).toBe(Math.ceil(layout.cols / 2));
    expect(half.rows).toBe(Math.ceil(layout.rows / 2));
    expect(half.cols * half.rows).toBeLessThan((layout.cols * layout.rows) / 3);
    expect(halfGrid({ cols: 3, rows: 2 })).toEqual({ cols: 2, rows: 2 });
  });
});

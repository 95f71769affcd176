import { describe, expect, it } from 'vitest';
import { IDENTITY_SCALING, type Scaling } from '../../src/core/scaling';
import { walkPlaneGrid } from '../../src/viz/planeGrid';

/** Every cell the walk hands out, as `index: x1, x2`, in the order it hands them out. */
function cellsOf(
  scaling: Scaling,
  xDomain: [number, number],
  yDomain: [number, number],
  cols: number,
  rows: number,
) {
  const cells: string[] = [];
  walkPlaneGrid(scaling, xDomain, yDomain, cols, rows, (rowStart, x1, x2) => {
    for (let i = 0; i < cols; i++) cells.push(`${rowStart + i}: ${x1[i]}, ${x2}`);
  });
  return cells;
}

describe('walkPlaneGrid', () => {
  it('samples each cell at its centre, laid out like an image: row 0 is the top (the tallest)', () => {
    // Centres: x 1 and 3; y 1.5 on the top row (cells 0 and 1), 0.5 on the bottom row (cells 2 and 3).
    expect(cellsOf(IDENTITY_SCALING, [0, 4], [0, 2], 2, 2)).toEqual([
      '0: 1, 1.5',
      '1: 3, 1.5',
      '2: 1, 0.5',
      '3: 3, 0.5',
    ]);
  });

  it('hands each cell its inputs scaled as the model sees them', () => {
    const standardized: Scaling = { offset: [100, 50], scale: [10, 5] };
    // The one cell's centre is (110 lb, 55 in): one scale above each offset.
    expect(cellsOf(standardized, [100, 120], [50, 60], 1, 1)).toEqual(['0: 1, 1']);
  });

  it('covers every cell once, whatever the grid size, also after a wider grid', () => {
    expect(cellsOf(IDENTITY_SCALING, [0, 9], [0, 1], 9, 1)).toHaveLength(9);
    const cells = cellsOf(IDENTITY_SCALING, [0, 7], [0, 5], 7, 5);
    expect(cells.map((cell) => Number(cell.split(':')[0]))).toEqual(Array.from({ length: 35 }, (_, i) => i));
    expect(cells[34]).toBe('34: 6.5, 0.5');
  });
});

import { interpolateViridis, scaleSequential } from 'd3';
import type { CheckedTable } from '../core/checkedTable';

/**
 * A numeric target's colours: the output over the plane, and each row's target, on one sequential
 * scale (viridis: colour-blind safe, and it reads in greyscale, low dark to high light) spanning the
 * table's targets. Fixed by the table, not by the network, so a colour means the same value all run.
 */
export interface TargetRange {
  readonly low: number;
  readonly high: number;
}

/** The smallest and largest valid target; a constant (or empty) column gets a span of 1 around it. */
export function targetRange(table: CheckedTable): TargetRange {
  let low = Infinity;
  let high = -Infinity;
  for (let i = 0; i < table.count; i++) {
    const value = table.targets[i]!;
    if (value < low) low = value;
    if (value > high) high = value;
  }
  if (!(high > low)) {
    const centre = Number.isFinite(low) ? low : 0;
    return { low: centre - 0.5, high: centre + 0.5 };
  }
  return { low, high };
}

/** Where `value` lies in the range, 0 at its low end and 1 at its high end (beyond: past 0 or 1). */
export function rangeFraction(range: TargetRange, value: number): number {
  return (value - range.low) / (range.high - range.low);
}

/** Rewrites a grid of outputs as fractions of the range, in place (the heatmap paints 0..1). */
export function normalizeGrid(grid: Float32Array, range: TargetRange): void {
  for (let k = 0; k < grid.length; k++) grid[k] = rangeFraction(range, grid[k]!);
}

/** The colour of a fraction of the range, the ends clamped. */
export const targetColor = scaleSequential(interpolateViridis).domain([0, 1]).clamp(true);

/** A point's fill for a numeric target (its own value's colour); undefined keeps the class colours. */
export function pointFill(target: number, range: TargetRange | null): string | undefined {
  return range === null || Number.isNaN(target) ? undefined : targetColor(rangeFraction(range, target));
}

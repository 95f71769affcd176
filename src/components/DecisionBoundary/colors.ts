import { interpolatePuOr } from '../../viz/colorRamps';
import { rgb } from 'd3-color';
import { scaleDiverging } from 'd3-scale';
import type { Gender } from '../../core/dataset';

/** How far along the purple–orange scale the heatmap goes from its pale centre (1 = the darkest ends). */
const HEATMAP_REACH = 0.5;

/**
 * The network's output in (0, 1) on the lab's colour-blind-safe purple–orange scale, centred at the
 * 0.5 decision: purple towards 0 (Male), pale at 0.5, orange towards 1 (Female). The heatmap keeps to
 * the lighter half of the scale, so the people, drawn in its darkest colours, stand out on it.
 */
export const outputColor = scaleDiverging<string>()
  .domain([0, 0.5, 1])
  .interpolator((t: number) => interpolatePuOr(0.5 + (t - 0.5) * HEATMAP_REACH))
  .clamp(true);

/** Point fills: the dark ends of the same scale, so a point's colour names its class. */
export const GENDER_COLOR: Readonly<Record<Gender, string>> = {
  F: interpolatePuOr(0.95),
  M: interpolatePuOr(0.05),
};

/** Entries in the colour lookup table: enough that neighbouring cells never band visibly. */
export const COLOR_STEPS = 256;

/**
 * `colorOf` (`outputColor` unless told) sampled into packed RGBA words (in the platform's byte order, written through a
 * Uint32Array view of ImageData), so painting a frame is one table read per cell. The last entry is
 * for NaN (a diverged run): neutral grey.
 */
export function outputColorTable(colorOf: (fraction: number) => string = outputColor): Uint32Array {
  const bytes = new Uint8ClampedArray((COLOR_STEPS + 1) * 4);
  for (let k = 0; k <= COLOR_STEPS; k++) {
    const color = k === COLOR_STEPS ? rgb(160, 160, 160) : rgb(colorOf(k / (COLOR_STEPS - 1)));
    bytes.set([color.r, color.g, color.b, 255], k * 4);
  }
  return new Uint32Array(bytes.buffer);
}

/**
 * `Discretize output`: the same table with two colours, split at 0.5 (as TensorFlow Playground does):
 * the ends the heatmap reaches on either side. NaN stays grey.
 */
export function discreteColorTable(): Uint32Array {
  const table = outputColorTable();
  const [below, above] = [table[0]!, table[COLOR_STEPS - 1]!];
  // Entry k stands for the output k / (COLOR_STEPS - 1): exactly 0.5 falls between two entries.
  for (let k = 0; k < COLOR_STEPS; k++) table[k] = k / (COLOR_STEPS - 1) > 0.5 ? above : below;
  return table;
}

/** Paints every grid value as a colour word; allocation-free. */
export function paintGrid(grid: ArrayLike<number>, table: Uint32Array, pixels: Uint32Array): void {
  const top = COLOR_STEPS - 1;
  for (let k = 0; k < grid.length; k++) {
    const value = grid[k]!;
    // NaN fails both comparisons and takes the grey entry.
    const index =
      value >= 0 && value <= 1 ? Math.round(value * top) : value > 1 ? top : value < 0 ? 0 : COLOR_STEPS;
    pixels[k] = table[index]!;
  }
}

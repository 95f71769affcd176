import { scaleLinear } from 'd3';
import { checkTable } from '../core/checkedTable';
import type { Person } from '../core/dataset';
import type { Measure } from '../core/units';

/** Space around the plot for tick labels and axis titles. */
export const MARGIN = { top: 12, right: 16, bottom: 44, left: 52 } as const;
/** One grid cell per this many screen pixels: cheap to compute, smooth once scaled up. */
export const CELL_PX = 4;
export const MAX_HEIGHT = 420;

export interface BoundaryLayout {
  readonly width: number;
  readonly height: number;
  /** The plot area inside the margins, in px. */
  readonly plotWidth: number;
  readonly plotHeight: number;
  /** The output grid's size in cells. */
  readonly cols: number;
  readonly rows: number;
}

/** Height about 0.7 × width, capped, so the plane stays in view on a projector too. */
export function boundaryLayout(width: number): BoundaryLayout {
  const height = Math.min(MAX_HEIGHT, Math.round(width * 0.7));
  const plotWidth = Math.max(40, width - MARGIN.left - MARGIN.right);
  const plotHeight = Math.max(40, height - MARGIN.top - MARGIN.bottom);
  return {
    width,
    height,
    plotWidth,
    plotHeight,
    cols: Math.max(2, Math.ceil(plotWidth / CELL_PX)),
    rows: Math.max(2, Math.ceil(plotHeight / CELL_PX)),
  };
}

/** The heatmap grid at half the resolution (cells twice as wide and tall): a page short of frame time. */
export function halfGrid(layout: Pick<BoundaryLayout, 'cols' | 'rows'>): { cols: number; rows: number } {
  return { cols: Math.max(2, Math.ceil(layout.cols / 2)), rows: Math.max(2, Math.ceil(layout.rows / 2)) };
}

export type Domain = readonly [number, number];

/** The smallest plane shown, in lb and in: every ordinary adult fits without rescaling. */
export const MIN_WEIGHT_DOMAIN: Domain = [90, 200];
export const MIN_HEIGHT_DOMAIN: Domain = [55, 80];
const PADDING = 0.15;

export interface DataExtent {
  readonly weightLow: number;
  readonly weightHigh: number;
  readonly heightLow: number;
  readonly heightHigh: number;
}

/** The valid rows' weight and height ranges, as the model sees them (NaN when no row is valid). */
export function dataExtent(people: readonly Person[], measure: Measure = 'imperial'): DataExtent {
  const { count, weights, heights } = checkTable(people, measure);
  let weightLow = Infinity;
  let weightHigh = -Infinity;
  let heightLow = Infinity;
  let heightHigh = -Infinity;
  for (let i = 0; i < count; i++) {
    weightLow = Math.min(weightLow, weights[i]!);
    weightHigh = Math.max(weightHigh, weights[i]!);
    heightLow = Math.min(heightLow, heights[i]!);
    heightHigh = Math.max(heightHigh, heights[i]!);
  }
  if (weightLow > weightHigh) return { weightLow: NaN, weightHigh: NaN, heightLow: NaN, heightHigh: NaN };
  return { weightLow, weightHigh, heightLow, heightHigh };
}

/** Domain ends are rounded out to multiples of this, so the frame starts and ends on round values. */
const ROUND_TO = 5;

/** The data's range padded by 15% of its span, at least `minimum`, rounded outwards. */
export function paddedDomain(low: number, high: number, minimum: Domain): Domain {
  if (!(low <= high)) return minimum;
  const pad = (high - low) * PADDING;
  const from = Math.max(0, Math.min(minimum[0], low - pad));
  const to = Math.max(minimum[1], high + pad);
  return [Math.floor(from / ROUND_TO) * ROUND_TO, Math.ceil(to / ROUND_TO) * ROUND_TO];
}

/**
 * An imported column's domain: its range padded by 15% and made nice, negative values included (the
 * lab knows no sensible minimum for another file's numbers). A single value gets a unit either side.
 */
export function plainDomain(low: number, high: number): Domain {
  if (!(low <= high)) return [0, 1];
  const pad = high > low ? (high - low) * PADDING : Math.max(1, Math.abs(low) * PADDING);
  const [from = low - pad, to = high + pad] = scaleLinear()
    .domain([low - pad, high + pad])
    .nice()
    .domain();
  return [from, to];
}

/** A pointer position in the plot's pixels (inside the margins), whatever size CSS draws the SVG at. */
export function plotPixels(svg: SVGSVGElement | null, clientX: number, clientY: number): [number, number] {
  const box = svg?.getBoundingClientRect();
  // jsdom reports a zero box: the layout size is the drawn size there.
  const ratio = svg && box && box.width > 0 ? svg.width.baseVal.value / box.width : 1;
  return [
    (clientX - (box?.left ?? 0)) * ratio - MARGIN.left,
    (clientY - (box?.top ?? 0)) * ratio - MARGIN.top,
  ];
}

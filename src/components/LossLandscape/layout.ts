import { scaleLinear, type ScaleLinear } from 'd3-scale';
import type { Domain } from './landscapeGrid';

/** Space around the plot for tick labels and axis titles. */
export const MARGIN = { top: 12, right: 16, bottom: 46, left: 56 } as const;
/** The figure is square-ish and never wider than this: a landscape needs no more to be read. */
export const MAX_WIDTH = 420;
const MIN_PLOT = 80;

export interface LandscapeLayout {
  readonly width: number;
  readonly height: number;
  /** The square plot's side, in px. */
  readonly plotSize: number;
}

export function landscapeLayout(available: number): LandscapeLayout {
  const width = Math.min(MAX_WIDTH, available);
  const plotSize = Math.max(MIN_PLOT, width - MARGIN.left - MARGIN.right);
  return {
    width: plotSize + MARGIN.left + MARGIN.right,
    height: plotSize + MARGIN.top + MARGIN.bottom,
    plotSize,
  };
}

export interface LandscapeScales {
  readonly x: ScaleLinear<number, number>;
  readonly y: ScaleLinear<number, number>;
}

/** Parameter values to plot pixels; larger y values are higher up. */
export function landscapeScales(xDomain: Domain, yDomain: Domain, plotSize: number): LandscapeScales {
  return {
    x: scaleLinear().domain(xDomain).range([0, plotSize]),
    y: scaleLinear().domain(yDomain).range([plotSize, 0]),
  };
}

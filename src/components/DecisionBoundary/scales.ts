import { scaleLinear, type ScaleLinear } from 'd3-scale';
import type { Domain } from '../../viz/planeLayout';

export interface PlaneScales {
  /** Weight (lb) → px from the plot's left edge. */
  readonly x: ScaleLinear<number, number>;
  /** Height (in) → px from the plot's top edge (taller is higher up). */
  readonly y: ScaleLinear<number, number>;
}

export function planeScales(
  xDomain: Domain,
  yDomain: Domain,
  plotWidth: number,
  plotHeight: number,
): PlaneScales {
  return {
    x: scaleLinear().domain(xDomain).range([0, plotWidth]),
    y: scaleLinear().domain(yDomain).range([plotHeight, 0]),
  };
}

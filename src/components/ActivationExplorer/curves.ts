/**
 * The explorer's plot as D3 lays it out: scales over a z range that holds the focused z, and SVG paths
 * of f, f' and the tangent at that z (React draws them).
 */
import { extent, line, range, scaleLinear, type ScaleLinear } from 'd3';
import { activationSlope, activationValue, type NeuronActivation } from '../../core/activationShape';

export const PLOT_MARGIN = { top: 10, right: 12, bottom: 34, left: 44 } as const;
export const PLOT_HEIGHT = 200;
export const MAX_PLOT_WIDTH = 520;

/** The z range shown: ±6 (where sigmoid and tanh have bent flat), widened to hold z, at most ±30. */
export function zRange(z: number): number {
  const reach = Number.isFinite(z) ? Math.ceil(Math.abs(z)) + 1 : 0;
  return Math.max(6, Math.min(reach, 30));
}

export interface ActivationPlot {
  readonly width: number;
  readonly x: ScaleLinear<number, number>;
  readonly y: ScaleLinear<number, number>;
  readonly value: string;
  readonly slope: string;
  readonly tangent: string;
  /** Where the focused z sits, clamped to the plot (a z past ±30 shows at the edge). */
  readonly point: { readonly x: number; readonly y: number; readonly clamped: boolean };
}

const SAMPLES = 241;

export function activationPlot(kind: NeuronActivation, z: number, available: number): ActivationPlot {
  const width = Math.max(200, Math.min(MAX_PLOT_WIDTH, available));
  const reach = zRange(z);
  const zs = range(SAMPLES).map((k) => -reach + (2 * reach * k) / (SAMPLES - 1));
  const values = zs.map((v) => activationValue(kind, v));
  const slopes = zs.map((v) => activationSlope(kind, v));
  const [low, high] = extent([0, ...values, ...slopes]) as [number, number];
  const x = scaleLinear()
    .domain([-reach, reach])
    .range([PLOT_MARGIN.left, width - PLOT_MARGIN.right]);
  const y = scaleLinear()
    .domain([low, high])
    .nice()
    .range([PLOT_HEIGHT - PLOT_MARGIN.bottom, PLOT_MARGIN.top]);
  const path = (ys: readonly number[]) =>
    line<number>()
      .x((k) => x(zs[k]!))
      .y((k) => y(ys[k]!))(range(SAMPLES)) ?? '';
  const shown = Math.max(-reach, Math.min(reach, Number.isFinite(z) ? z : 0));
  const at = activationValue(kind, shown);
  const tilt = activationSlope(kind, shown);
  const span = reach / 3;
  const ends = [shown - span, shown + span];
  const tangent =
    line<number>()
      .x((v) => x(v))
      .y((v) => y(at + tilt * (v - shown)))(ends) ?? '';
  return {
    width,
    x,
    y,
    value: path(values),
    slope: path(slopes),
    tangent,
    point: { x: x(shown), y: y(at), clamped: shown !== z },
  };
}

import { format } from 'd3-format';
import { scaleLinear, scaleLog, type ScaleContinuousNumeric, type ScaleLinear } from 'd3-scale';
import type { LossExtent } from './columns';

/** How the loss axis is drawn. */
export type LossScaleMode = 'linear' | 'log';

/** The x axis never spans fewer epochs than this, so the first few epochs do not fill the width. */
export const MIN_EPOCH_DOMAIN = 10;

/**
 * Nice x-domain ends, per decade. Each step grows the domain by at most 1.5x, so the curve always
 * fills at least two thirds of the width, yet the domain changes (and the columns are recomputed)
 * only ~8 times per tenfold growth of the run: O(log n) recomputes in all.
 */
const DOMAIN_STEPS = [1, 1.5, 2, 3, 4, 5, 6, 8, 10];

/** The smallest nice domain end that holds `lastEpoch`. */
export function epochDomainEnd(lastEpoch: number): number {
  if (!(lastEpoch > MIN_EPOCH_DOMAIN)) return MIN_EPOCH_DOMAIN;
  const decade = 10 ** Math.floor(Math.log10(lastEpoch));
  for (const step of DOMAIN_STEPS) {
    // Rounded so that 3 * 0.1 style float noise cannot make the end fall one step short.
    const end = Math.round(step * decade);
    if (end >= lastEpoch) return end;
  }
  return 10 * decade;
}

export function epochScale(domainEnd: number, width: number) {
  return scaleLinear().domain([0, domainEnd]).range([0, width]);
}

export type LossScale = ScaleContinuousNumeric<number, number>;

/**
 * The y domain: linear from 0 to a nice top above the largest loss; log from the decade below the
 * smallest positive loss to the decade above the largest. Both change in steps, not every frame.
 */
export function lossDomain(mode: LossScaleMode, extent: LossExtent): [number, number] {
  const high = extent.max > 0 ? extent.max : 1;
  if (mode === 'linear') {
    return scaleLinear().domain([0, high]).nice().domain() as [number, number];
  }
  const low = Number.isFinite(extent.minPositive) ? extent.minPositive : high / 10;
  let lowExponent = Math.floor(Math.log10(low));
  const highExponent = Math.ceil(Math.log10(high));
  if (lowExponent >= highExponent) lowExponent = highExponent - 1;
  return [10 ** lowExponent, 10 ** highExponent];
}

/** Loss to a y pixel (0 at the top). Log clamps, so a loss of exactly 0 sits on the bottom edge. */
export function lossScale(mode: LossScaleMode, domain: readonly [number, number], height: number): LossScale {
  const scale = mode === 'linear' ? scaleLinear() : scaleLog().clamp(true);
  return scale.domain(domain).range([height, 0]);
}

/** The accuracy axis on the right: 0 to 100 % of the rows on the right side of 0.5. */
export function accuracyScale(height: number): ScaleLinear<number, number> {
  return scaleLinear().domain([0, 1]).range([height, 0]);
}

/** Accuracy ticks every 25 %, or only 0, 50 and 100 % on a short plot. */
export function accuracyTicks(height: number): Tick[] {
  const step = height < 120 ? 0.5 : 0.25;
  const ticks: Tick[] = [];
  for (let value = 0; value <= 1 + 1e-9; value += step) {
    ticks.push({ value, label: `${Math.round(value * 100)}%` });
  }
  return ticks;
}

export interface Tick {
  value: number;
  label: string;
}

/** About one tick per `spacing` px; on a log axis only powers of ten, thinned to fit. */
export function lossTicks(mode: LossScaleMode, scale: LossScale, height: number, spacing = 40): Tick[] {
  const count = Math.max(2, Math.floor(height / spacing));
  if (mode === 'linear') {
    const label = scale.tickFormat(count);
    return scale.ticks(count).map((value) => ({ value, label: label(value) }));
  }
  const [low, high] = scale.domain() as [number, number];
  const first = Math.round(Math.log10(low));
  const last = Math.round(Math.log10(high));
  const every = Math.max(1, Math.ceil((last - first) / count));
  const ticks: Tick[] = [];
  for (let exponent = last; exponent >= first; exponent -= every) {
    ticks.push({ value: 10 ** exponent, label: formatPowerOfTen(exponent) });
  }
  return ticks.reverse();
}

/** `0.001` for everyday decades, `1e-7` beyond, so a label stays short. */
export function formatPowerOfTen(exponent: number): string {
  if (exponent >= -3 && exponent <= 3) return String(Number((10 ** exponent).toPrecision(1)));
  return `1e${exponent}`;
}

const compactCount = format('~s');
const groupedCount = format(',');

/** Epoch ticks from D3; large epochs in SI form (`200k`, `1.5M`) so labels stay narrow. */
export function epochTicks(domainEnd: number, width: number, spacing = 90): Tick[] {
  const scale = epochScale(domainEnd, width);
  const count = Math.max(2, Math.floor(width / spacing));
  return scale
    .ticks(count)
    .filter((value) => Number.isInteger(value))
    .map((value) => ({ value, label: value >= 100_000 ? compactCount(value) : groupedCount(value) }));
}

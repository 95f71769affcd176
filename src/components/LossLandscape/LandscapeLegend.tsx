import { memo } from 'react';
import { formatLoss } from '../format';
import { CurrentMark, PathMark, StartMark } from './marks';

const SWATCH = 14;

interface LandscapeLegendProps {
  /** The bands' lower edges and colours, lowest first. */
  bands: readonly { threshold: number; color: string }[];
  max: number;
}

/** What the colours and marks mean; the bands step by equal loss ratios, not equal amounts. */
export const LandscapeLegend = memo(function LandscapeLegend({ bands, max }: LandscapeLegendProps) {
  const first = bands[0];
  return (
    <ul className="landscape-legend" aria-label="Legend">
      {first ? (
        <li className="landscape-legend-bands">
          <svg width={bands.length * SWATCH} height={SWATCH} aria-hidden="true">
            {bands.map((band, k) => (
              <rect key={k} x={k * SWATCH} width={SWATCH} height={SWATCH} fill={band.color} />
            ))}
          </svg>
          <span>
            loss from {formatLoss(first.threshold)} (darkest) to {formatLoss(max)} (lightest): darker is
            lower; each band spans the same loss ratio
          </span>
        </li>
      ) : null}
      <li>
        <svg width={18} height={18} viewBox="-9 -9 18 18" aria-hidden="true">
          <CurrentMark />
        </svg>
        where the network is now
      </li>
      <li>
        <svg width={28} height={12} aria-hidden="true">
          <PathMark d="M2,6H26" />
        </svg>
        the training path
      </li>
      <li>
        <svg width={18} height={18} viewBox="-9 -9 18 18" aria-hidden="true">
          <StartMark />
        </svg>
        where it started
      </li>
    </ul>
  );
});

import { memo, useId } from 'react';
import { formatValue } from '../format';
import { targetColor, type TargetRange } from '../../viz/targetScale';

const BAR_WIDTH = 160;
const STOPS = [0, 0.25, 0.5, 0.75, 1];

/**
 * The legend for a numeric target: the colour bar with the values it stands for, from the table's
 * smallest target to its largest. Memoised: it changes only with the table's range.
 */
export const TargetLegend = memo(function TargetLegend({
  range,
  name,
}: {
  range: TargetRange;
  name: string;
}) {
  const gradientId = `target-${useId().replace(/[^a-zA-Z0-9]/g, '')}`;
  const valueAt = (fraction: number) => formatValue(range.low + fraction * (range.high - range.low), 3);
  return (
    <ul className="boundary-legend" aria-label="Legend">
      <li className="boundary-legend-bar">
        <svg width={BAR_WIDTH + 24} height={28} aria-hidden="true">
          <defs>
            <linearGradient id={gradientId}>
              {STOPS.map((value) => (
                <stop key={value} offset={value} stopColor={targetColor(value)} />
              ))}
            </linearGradient>
          </defs>
          <g transform="translate(12,0)">
            <rect width={BAR_WIDTH} height={10} rx={2} fill={`url(#${gradientId})`} />
            {[0, 0.5, 1].map((fraction) => (
              <g key={fraction} transform={`translate(${fraction * BAR_WIDTH},0)`}>
                <line y1={10} y2={14} />
                <text y={25} textAnchor="middle">
                  {valueAt(fraction)}
                </text>
              </g>
            ))}
          </g>
        </svg>
        <span>
          predicted {name}, from {valueAt(0)} (dark) to {valueAt(1)} (light); each point is coloured by its
          own {name}
        </span>
      </li>
    </ul>
  );
});

import { memo, useId, type ReactNode } from 'react';
import { outputColor } from './colors';
import { Marker, POINT_RADIUS, WrongRing } from './PeoplePoints';
import type { PlaneWords } from '../../viz/planeWords';

const BAR_WIDTH = 140;
const STOPS = [0, 0.125, 0.25, 0.375, 0.5, 0.625, 0.75, 0.875, 1];

function OutputBar({ words }: { words: PlaneWords }) {
  const gradientId = `boundary-${useId().replace(/[^a-zA-Z0-9]/g, '')}`;
  return (
    <li className="boundary-legend-bar">
      <svg width={BAR_WIDTH + 16} height={28} aria-hidden="true">
        <defs>
          <linearGradient id={gradientId}>
            {STOPS.map((value) => (
              <stop key={value} offset={value} stopColor={outputColor(value)} />
            ))}
          </linearGradient>
        </defs>
        <g transform="translate(8,0)">
          <rect width={BAR_WIDTH} height={10} rx={2} fill={`url(#${gradientId})`} />
          {[0, 0.5, 1].map((value) => (
            <g key={value} transform={`translate(${value * BAR_WIDTH},0)`}>
              <line y1={10} y2={14} />
              <text y={25} textAnchor="middle">
                {value}
              </text>
            </g>
          ))}
        </g>
      </svg>
      <span>
        output: purple → {words.classes.M}, orange → {words.classes.F}
      </span>
    </li>
  );
}

function Swatch({ children }: { children: ReactNode }) {
  const size = POINT_RADIUS * 2 + 16;
  return (
    <svg width={size} height={size} viewBox={`${-size / 2} ${-size / 2} ${size} ${size}`} aria-hidden="true">
      {children}
    </svg>
  );
}

/** What the marks mean; every distinction is also made without colour (shape, dashes). Memoised: it
 * changes only with the class names, so training frames skip it. */
export const Legend = memo(function Legend({ words }: { words: PlaneWords }) {
  return (
    <ul className="boundary-legend" aria-label="Legend">
      <OutputBar words={words} />
      <li>
        <Swatch>
          <Marker gender="F" />
        </Swatch>
        {words.classes.F} (circle)
      </li>
      <li>
        <Swatch>
          <Marker gender="M" />
        </Swatch>
        {words.classes.M} (square)
      </li>
      <li>
        <Swatch>
          <circle className="point-shape" r={POINT_RADIUS} fill="none" />
        </Swatch>
        solid outline: on the right side
      </li>
      <li>
        <Swatch>
          <WrongRing gender="F" />
          <circle className="point-shape" r={POINT_RADIUS} fill="none" />
        </Swatch>
        red dashed ring: on the wrong side
      </li>
      <li>
        <svg width={28} height={12} aria-hidden="true">
          <path className="boundary-line-halo" d="M2,6H26" />
          <path className="boundary-line" d="M2,6H26" />
        </svg>
        the 0.5 boundary
      </li>
    </ul>
  );
});

import { memo } from 'react';
import { MARGIN, type LandscapeScales } from './layout';

interface LandscapeAxesProps {
  scales: LandscapeScales;
  plotSize: number;
  xTitle: string;
  yTitle: string;
}

/** The chosen parameters' values along the bottom and up the left: ticks from D3, drawn by React.
 * Memoised: the scales change only when the grid is recomputed, not per training frame. */
export const LandscapeAxes = memo(function LandscapeAxes({
  scales,
  plotSize,
  xTitle,
  yTitle,
}: LandscapeAxesProps) {
  const tickCount = Math.max(2, Math.floor(plotSize / 60));
  const xFormat = scales.x.tickFormat(tickCount);
  const yFormat = scales.y.tickFormat(tickCount);
  return (
    <g className="landscape-axes">
      <rect className="landscape-frame" width={plotSize} height={plotSize} aria-hidden="true" />
      <g className="landscape-axis" transform={`translate(0,${plotSize})`}>
        {scales.x.ticks(tickCount).map((value) => (
          <g key={value} transform={`translate(${scales.x(value)},0)`} aria-hidden="true">
            <line y2={5} />
            <text y={18} textAnchor="middle">
              {xFormat(value)}
            </text>
          </g>
        ))}
        <text className="landscape-axis-title" data-axis="x" x={plotSize / 2} y={38} textAnchor="middle">
          {xTitle}
        </text>
      </g>
      <g className="landscape-axis">
        {scales.y.ticks(tickCount).map((value) => (
          <g key={value} transform={`translate(0,${scales.y(value)})`} aria-hidden="true">
            <line x2={-5} />
            <text x={-8} dy="0.32em" textAnchor="end">
              {yFormat(value)}
            </text>
          </g>
        ))}
        <text
          className="landscape-axis-title"
          data-axis="y"
          transform={`translate(${14 - MARGIN.left},${plotSize / 2}) rotate(-90)`}
          textAnchor="middle"
        >
          {yTitle}
        </text>
      </g>
    </g>
  );
});

import { memo } from 'react';
import type { PlaneScales } from './scales';
import { MARGIN } from './layout';

interface AxesProps {
  scales: PlaneScales;
  plotWidth: number;
  plotHeight: number;
}

/** Weight along the bottom, height up the left: ticks from D3, drawn by React. Memoised: the scales
 * only change when the data's extent or the figure's size does, never per training frame. */
export const Axes = memo(function Axes({ scales, plotWidth, plotHeight }: AxesProps) {
  const xTicks = scales.x.ticks(Math.max(2, Math.floor(plotWidth / 70)));
  const yTicks = scales.y.ticks(Math.max(2, Math.floor(plotHeight / 45)));
  return (
    <g className="boundary-axes" aria-hidden="true">
      <rect className="boundary-frame" width={plotWidth} height={plotHeight} />
      <g className="boundary-axis" transform={`translate(0,${plotHeight})`}>
        {xTicks.map((value) => (
          <g key={value} transform={`translate(${scales.x(value)},0)`}>
            <line y2={5} />
            <text y={18} textAnchor="middle">
              {value}
            </text>
          </g>
        ))}
        <text className="boundary-axis-title" x={plotWidth / 2} y={36} textAnchor="middle">
          Weight (lb)
        </text>
      </g>
      <g className="boundary-axis">
        {yTicks.map((value) => (
          <g key={value} transform={`translate(0,${scales.y(value)})`}>
            <line x2={-5} />
            <text x={-8} dy="0.32em" textAnchor="end">
              {value}
            </text>
          </g>
        ))}
        <text
          className="boundary-axis-title"
          transform={`translate(${14 - MARGIN.left},${plotHeight / 2}) rotate(-90)`}
          textAnchor="middle"
        >
          Height (in)
        </text>
      </g>
    </g>
  );
});

import { memo } from 'react';
import { epochScale, epochTicks, lossScale, lossTicks, type LossScaleMode } from './lossScales';

interface LossAxesProps {
  /** Plot area size in px (inside the margins). */
  width: number;
  height: number;
  domainEnd: number;
  mode: LossScaleMode;
  yLow: number;
  yHigh: number;
  /** Space left of the plot for tick labels and the y title. */
  marginLeft: number;
}

/**
 * Both axes with grid lines, ticks from D3 and rendered by React. Props are plain numbers so this
 * re-renders only when a domain steps, not on every training frame.
 */
export const LossAxes = memo(function LossAxes({
  width,
  height,
  domainEnd,
  mode,
  yLow,
  yHigh,
  marginLeft,
}: LossAxesProps) {
  const x = epochScale(domainEnd, width);
  const y = lossScale(mode, [yLow, yHigh], height);
  const xTicks = epochTicks(domainEnd, width);
  const yTicks = lossTicks(mode, y, height);
  return (
    <g className="loss-axes">
      <g className="loss-axis loss-axis-y" data-testid="loss-y-axis">
        {yTicks.map((tick) => (
          <g key={tick.value} className="loss-tick" transform={`translate(0,${y(tick.value)})`}>
            <line className="loss-grid" x2={width} />
            <text x={-8} dy="0.32em" textAnchor="end">
              {tick.label}
            </text>
          </g>
        ))}
        <text
          className="loss-axis-title"
          transform={`translate(${12 - marginLeft},${height / 2}) rotate(-90)`}
        >
          Loss (MSE)
        </text>
      </g>
      <g className="loss-axis loss-axis-x" transform={`translate(0,${height})`} data-testid="loss-x-axis">
        <line className="loss-domain" x2={width} />
        {xTicks.map((tick) => (
          <g key={tick.value} className="loss-tick" transform={`translate(${x(tick.value)},0)`}>
            <line y2={5} />
            <text y={18} textAnchor="middle">
              {tick.label}
            </text>
          </g>
        ))}
        <text className="loss-axis-title" x={width / 2} y={34}>
          Epoch
        </text>
      </g>
    </g>
  );
});

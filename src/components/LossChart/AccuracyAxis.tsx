import { memo } from 'react';
import { accuracyScale, accuracyTicks } from './lossScales';

interface AccuracyAxisProps {
  /** Plot area size in px (inside the margins). */
  width: number;
  height: number;
  /** Space right of the plot for the tick labels and the title. */
  marginRight: number;
}

/** The right-hand axis of the accuracy series: 0 to 100 %, fixed, so it renders once per size. */
export const AccuracyAxis = memo(function AccuracyAxis({ width, height, marginRight }: AccuracyAxisProps) {
  const y = accuracyScale(height);
  return (
    <g
      className="loss-axis loss-axis-accuracy"
      data-testid="accuracy-axis"
      transform={`translate(${width},0)`}
    >
      <line className="loss-domain" y2={height} />
      {accuracyTicks(height).map((tick) => (
        <g key={tick.value} className="loss-tick" transform={`translate(0,${y(tick.value)})`}>
          <line x2={5} />
          <text x={8} dy="0.32em" textAnchor="start">
            {tick.label}
          </text>
        </g>
      ))}
      <text className="loss-axis-title" transform={`translate(${marginRight - 10},${height / 2}) rotate(90)`}>
        Accuracy
      </text>
    </g>
  );
});

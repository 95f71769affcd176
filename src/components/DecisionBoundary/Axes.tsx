import { scaleLinear } from 'd3-scale';
import { memo, useMemo } from 'react';
import { fromModel } from '../../core/units';
import type { PlaneScales } from './scales';
import { MARGIN } from '../../viz/planeLayout';
import type { PlaneWords } from '../../viz/planeWords';

interface AxesProps {
  scales: PlaneScales;
  plotWidth: number;
  plotHeight: number;
  words: PlaneWords;
}

/** One axis's ticks in the table's units: round kg and cm, not converted round lb and in. */
function shownTicks(scale: PlaneScales['x'], toShown: (model: number) => number, count: number) {
  const [from = 0, to = 1] = scale.domain();
  const shown = scaleLinear()
    .domain([toShown(from), toShown(to)])
    .range(scale.range());
  const format = shown.tickFormat(count);
  return shown.ticks(count).map((value) => ({ value, at: shown(value), text: format(value) }));
}

/** Weight along the bottom, height up the left: ticks from D3, drawn by React. Memoised: the scales
 * only change when the data's extent or the figure's size does, never per training frame. */
export const Axes = memo(function Axes({ scales, plotWidth, plotHeight, words }: AxesProps) {
  const { measure } = words;
  const xTicks = useMemo(
    () =>
      shownTicks(scales.x, (v) => fromModel(measure, 'weight', v), Math.max(2, Math.floor(plotWidth / 70))),
    [scales.x, measure, plotWidth],
  );
  const yTicks = useMemo(
    () =>
      shownTicks(scales.y, (v) => fromModel(measure, 'height', v), Math.max(2, Math.floor(plotHeight / 45))),
    [scales.y, measure, plotHeight],
  );
  return (
    <g className="boundary-axes" aria-hidden="true">
      <rect className="boundary-frame" width={plotWidth} height={plotHeight} />
      <g className="boundary-axis" transform={`translate(0,${plotHeight})`}>
        {xTicks.map(({ value, at, text }) => (
          <g key={value} transform={`translate(${at},0)`}>
            <line y2={5} />
            <text y={18} textAnchor="middle">
              {text}
            </text>
          </g>
        ))}
        <text className="boundary-axis-title" x={plotWidth / 2} y={36} textAnchor="middle">
          {words.xTitle}
        </text>
      </g>
      <g className="boundary-axis">
        {yTicks.map(({ value, at, text }) => (
          <g key={value} transform={`translate(0,${at})`}>
            <line x2={-5} />
            <text x={-8} dy="0.32em" textAnchor="end">
              {text}
            </text>
          </g>
        ))}
        <text
          className="boundary-axis-title"
          transform={`translate(${14 - MARGIN.left},${plotHeight / 2}) rotate(-90)`}
          textAnchor="middle"
        >
          {words.yTitle}
        </text>
      </g>
    </g>
  );
});

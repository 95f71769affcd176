import { useId } from 'react';
import type { NeuronActivation } from '../../core/activationShape';
import { activationPlot, PLOT_HEIGHT, PLOT_MARGIN } from './curves';

/** f(z), f'(z) and the tangent at the focused z, with axes; the plot is clipped to its frame. */
export function ActivationPlot({
  kind,
  z,
  width: available,
  label,
}: {
  readonly kind: NeuronActivation;
  readonly z: number;
  readonly width: number;
  readonly label: string;
}) {
  const clipId = useId();
  const plot = activationPlot(kind, z, available);
  const { x, y, width } = plot;
  const bottom = PLOT_HEIGHT - PLOT_MARGIN.bottom;
  const right = width - PLOT_MARGIN.right;
  return (
    <svg
      className="activation-plot"
      width={width}
      height={PLOT_HEIGHT}
      viewBox={`0 0 ${width} ${PLOT_HEIGHT}`}
      role="img"
      aria-label={label}
    >
      <defs>
        <clipPath id={clipId}>
          <rect
            x={PLOT_MARGIN.left}
            y={PLOT_MARGIN.top}
            width={right - PLOT_MARGIN.left}
            height={bottom - PLOT_MARGIN.top}
          />
        </clipPath>
      </defs>
      <g className="activation-axes" aria-hidden="true">
        {x.ticks(7).map((tick) => (
          <g key={`x${tick}`} transform={`translate(${x(tick)},0)`}>
            <line y1={PLOT_MARGIN.top} y2={bottom} className="activation-grid" />
            <text y={bottom + 16} textAnchor="middle">
              {tick}
            </text>
          </g>
        ))}
        {y.ticks(5).map((tick) => (
          <g key={`y${tick}`} transform={`translate(0,${y(tick)})`}>
            <line x1={PLOT_MARGIN.left} x2={right} className="activation-grid" />
            <text x={PLOT_MARGIN.left - 6} dy="0.32em" textAnchor="end">
              {tick}
            </text>
          </g>
        ))}
        <text x={(PLOT_MARGIN.left + right) / 2} y={PLOT_HEIGHT - 4} textAnchor="middle">
          z (the neuron’s sum)
        </text>
      </g>
      <g clipPath={`url(#${clipId})`} aria-hidden="true">
        <path className="activation-value" d={plot.value} />
        <path className="activation-slope" d={plot.slope} />
        <path className="activation-tangent" d={plot.tangent} />
        <circle className="activation-point" cx={plot.point.x} cy={plot.point.y} r={5} />
      </g>
    </svg>
  );
}

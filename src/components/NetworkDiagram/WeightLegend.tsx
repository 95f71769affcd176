import { rgb, scaleLinear } from 'd3';
import { memo, useId } from 'react';
import type { HiddenActivation } from '../../core/architecture';
import { WEIGHT_DOMAIN_LIMIT, activationColor, weightColor } from '../../viz/colorScales';
import { RELU_COLOR_MAX, activationDomain, activationName, neuronFill } from '../../viz/activationScale';
import { rangeFraction, targetColor, type TargetRange } from '../../viz/targetScale';
import { formatValue } from '../format';
import './WeightLegend.css';

interface GradientLegendProps {
  title: string;
  description: string;
  colorAt: (value: number) => string;
  domain: readonly [number, number];
  ticks: readonly { value: number; label: string }[];
}

const BAR_WIDTH = 140;
const BAR_HEIGHT = 10;
const STOPS = 9;

/** A small colour bar with ticks, drawn from the very scale the figure uses. */
function GradientLegend({ title, description, colorAt, domain, ticks }: GradientLegendProps) {
  // useId's characters are not all valid in url(#...); keep letters and digits.
  const gradientId = `legend-${useId().replace(/[^a-zA-Z0-9]/g, '')}`;
  const x = scaleLinear().domain(domain).range([0, BAR_WIDTH]);
  const stops = Array.from(
    { length: STOPS },
    (_, i) => domain[0] + ((domain[1] - domain[0]) * i) / (STOPS - 1),
  );
  return (
    <div className="color-legend" role="img" aria-label={description}>
      <span className="color-legend-title" aria-hidden="true">
        {title}
      </span>
      <svg width={BAR_WIDTH + 16} height={BAR_HEIGHT + 18} aria-hidden="true">
        <defs>
          <linearGradient id={gradientId}>
            {stops.map((value) => (
              <stop key={value} offset={`${x(value) / BAR_WIDTH}`} stopColor={colorAt(value)} />
            ))}
          </linearGradient>
        </defs>
        <g transform="translate(8,0)">
          <rect width={BAR_WIDTH} height={BAR_HEIGHT} rx={2} fill={`url(#${gradientId})`} />
          {ticks.map(({ value, label }) => (
            <g key={value} transform={`translate(${x(value)},0)`}>
              <line className="color-legend-tick" y1={BAR_HEIGHT} y2={BAR_HEIGHT + 4} />
              <text className="color-legend-label" y={BAR_HEIGHT + 15}>
                {label}
              </text>
            </g>
          ))}
        </g>
      </svg>
    </div>
  );
}

const LIMIT = WEIGHT_DOMAIN_LIMIT;

/** Names the hues from the scale itself, so the spoken description can never disagree with the picture. */
function hueName(value: number): string {
  const color = rgb(weightColor(value));
  return color.b > color.r ? 'purple' : 'orange';
}

/** The weight colour scale; reuse it wherever weights appear. Memoised: it never changes with training. */
export const WeightLegend = memo(function WeightLegend() {
  return (
    <GradientLegend
      title="weight"
      description={`Weight colours: ${hueName(-LIMIT)} for negative, ${hueName(LIMIT)} for positive, pale near 0, full colour at ±${LIMIT} and beyond; thicker lines for larger |weight|.`}
      colorAt={(value) => weightColor(value)}
      domain={[-LIMIT, LIMIT]}
      ticks={[
        { value: -LIMIT, label: `-${LIMIT}` },
        { value: 0, label: '0' },
        { value: LIMIT, label: `+${LIMIT}` },
      ]}
    />
  );
});

/** The ticks of an activation's colour bar: its ends and middle (ReLU's top end reads `4+`). */
function activationTicks(kind: HiddenActivation): { value: number; label: string }[] {
  const [low, high] = activationDomain(kind);
  const middle = (low + high) / 2;
  return [
    { value: low, label: String(low) },
    { value: middle, label: String(middle) },
    { value: high, label: kind === 'relu' ? `${high}+` : String(high) },
  ];
}

const HIDDEN_RANGE: Readonly<Record<HiddenActivation, string>> = {
  sigmoid: 'near 0 to near 1',
  tanh: 'near −1 to near 1',
  relu: `0 to ${RELU_COLOR_MAX} and beyond`,
};

/**
 * The activation colour scale for neuron outputs. With sigmoid hidden neurons one bar serves every neuron
 * (0 to 1); tanh (−1 to 1) and ReLU (0 and up) put the same colours on their own range, so the hidden
 * layer gets its own bar beside the output's.
 */
export const ActivationLegend = memo(function ActivationLegend({
  hidden = 'sigmoid',
  outputRange = null,
}: {
  readonly hidden?: HiddenActivation;
  /** A linear output's colours span the table's targets (as on the Decision boundary), not 0..1. */
  readonly outputRange?: TargetRange | null;
}) {
  const output = outputRange ? (
    <LinearOutputLegend range={outputRange} />
  ) : (
    <GradientLegend
      title={hidden === 'sigmoid' ? 'output' : 'o1 output'}
      description="Neuron output colours: dark blue near 0, yellow near 1."
      colorAt={(value) => activationColor(value)}
      domain={[0, 1]}
      ticks={activationTicks('sigmoid')}
    />
  );
  if (hidden === 'sigmoid' && !outputRange) return output;
  const name = activationName(hidden);
  return (
    <>
      <GradientLegend
        title={`hidden output (${name})`}
        description={`Hidden neuron (${name}) output colours: dark blue to yellow from ${HIDDEN_RANGE[hidden]}.`}
        colorAt={(value) => neuronFill(hidden, value)}
        domain={activationDomain(hidden)}
        ticks={activationTicks(hidden)}
      />
      {output}
    </>
  );
});

/** The colour bar of a linear output: the targets' colours from the table's smallest to its largest. */
function LinearOutputLegend({ range }: { readonly range: TargetRange }) {
  const low = formatValue(range.low, 3);
  const high = formatValue(range.high, 3);
  return (
    <GradientLegend
      title="o1 output"
      description={`Output (prediction) colours: dark purple at ${low} to yellow at ${high}, the table's targets.`}
      colorAt={(value) => targetColor(rangeFraction(range, value))}
      domain={[range.low, range.high]}
      ticks={[
        { value: range.low, label: low },
        { value: range.high, label: high },
      ]}
    />
  );
}

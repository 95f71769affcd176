import { weightColor } from '../../viz/colorScales';
import type { Feature } from '../../core/features';
import type { LayeredShape } from '../../core/layerShape';
import { formatExact, formatValue } from '../format';
import { activateOnKey, describeParam, paramLabel } from './editTarget';
import type { Point } from './layout';
import { highlightAttributes, toneColor } from './phaseStyle';
import type { ParamPhase } from './stepPhaseView';

interface BiasProps {
  /** The network's hidden layers, which decide the parameter's name and role. */
  network: LayeredShape;
  /** The network's inputs, which name and describe its weights (x1, x2 unless told). */
  features?: readonly Feature[];
  param: number;
  value: number;
  at: Point;
  /** The figure's width: a long label shifts left to stay inside it. */
  figureWidth: number;
  fontSize: number;
  onEdit: (param: number) => void;
  /** What the shown phase of the SGD step does to this bias; null when no phase is shown. */
  phase?: ParamPhase | null;
}

/** The label a bias shows: `b1 = 0`, or the phase's own (`dL/db1 = −0.0107`, `b1: 0 → 0.00107 (…)`). */
function biasText(name: string, value: number, phase: ParamPhase | null | undefined): string {
  if (!phase?.label) return `${name} = ${formatValue(value)}`;
  // The gradient label already names it; the update's "before → after" does not.
  return phase.label.includes(name) ? phase.label : `${name}: ${phase.label}`;
}

/** A neuron's bias, printed next to it with a swatch of its colour; click or Enter to edit it. */
export function Bias({
  network,
  features,
  param,
  value: liveValue,
  at,
  figureWidth,
  fontSize,
  onEdit,
  phase,
}: BiasProps) {
  const open = () => onEdit(param);
  const value = phase ? phase.value : liveValue;
  const size = fontSize * 0.8;
  const { name } = describeParam(network, param, features);
  const text = biasText(name, value, phase);
  // Rough text width, so the focus ring and hit area cover the label; monospace digits keep it close.
  const width = text.length * fontSize * 0.52 + size + 16;
  const height = fontSize * 1.6;
  const x = Math.max(width / 2 + 2, Math.min(figureWidth - width / 2 - 2, at.x));
  const outline = phase?.active && phase.tone ? toneColor(phase.tone) : undefined;
  return (
    <g
      className="network-bias"
      role="button"
      tabIndex={0}
      aria-label={paramLabel(network, param, value, phase?.spoken, features)}
      data-param={param}
      onClick={open}
      onKeyDown={activateOnKey(open)}
      {...highlightAttributes(phase)}
    >
      <title>{`${name} = ${formatExact(value)}`}</title>
      <rect
        className="bias-box"
        x={x - width / 2}
        y={at.y - height / 2}
        width={width}
        height={height}
        rx={height / 2}
        style={outline ? { stroke: outline } : undefined}
      />
      <rect
        className="bias-swatch"
        x={x - width / 2 + 8}
        y={at.y - size / 2}
        width={size}
        height={size}
        rx={2}
        style={{ fill: weightColor(value) ?? 'var(--muted)' }}
      />
      <text className="bias-label" x={x + size / 2 + 2} y={at.y} dy="0.35em" fontSize={fontSize * 0.85}>
        {text}
      </text>
    </g>
  );
}

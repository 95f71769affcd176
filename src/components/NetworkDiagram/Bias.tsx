import { memo } from 'react';
import { formatExact } from '../format';
import { activateOnKey } from './editTarget';
import type { Point } from './layout';
import { highlightAttributes, toneColor } from './phaseStyle';
import type { ParamPhase } from './stepPhaseView';

interface BiasProps {
  param: number;
  /** The bias's name (`b1`). */
  name: string;
  /** The accessible name: the value as printed, whose bias it is, how to edit it. */
  ariaLabel: string;
  /** The value as printed (`0.1234`): a redraw during training skips a bias whose text is unchanged. */
  shown: string;
  /** The swatch's colour (paramLook.ts). */
  swatch: string;
  /** The exact value for the tooltip; only a hovered or focused bias has one. */
  exact: number | null;
  at: Point;
  /** The figure's width: a long label shifts left to stay inside it. */
  figureWidth: number;
  fontSize: number;
  onEdit: (param: number) => void;
  /** What the shown phase of the SGD step does to this bias; null when no phase is shown. */
  phase: ParamPhase | null;
}

/** The label a bias shows: `b1 = 0`, or the phase's own (`dL/db1 = −0.0107`, `b1: 0 → 0.00107 (…)`). */
function biasText(name: string, shown: string, phase: ParamPhase | null): string {
  if (!phase?.label) return `${name} = ${shown}`;
  // The gradient label already names it; the update's "before → after" does not.
  return phase.label.includes(name) ? phase.label : `${name}: ${phase.label}`;
}

/**
 * A neuron's bias, printed next to it with a swatch of its colour; click or Enter to edit it. Memoised
 * on what it shows, like Edge.
 */
export const Bias = memo(function Bias({
  param,
  name,
  ariaLabel,
  shown,
  swatch,
  exact,
  at,
  figureWidth,
  fontSize,
  onEdit,
  phase,
}: BiasProps) {
  const open = () => onEdit(param);
  const size = fontSize * 0.8;
  const text = biasText(name, shown, phase);
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
      aria-label={ariaLabel}
      data-param={param}
      onClick={open}
      onKeyDown={activateOnKey(open)}
      {...highlightAttributes(phase)}
    >
      {exact !== null ? <title>{`${name} = ${formatExact(exact)}`}</title> : null}
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
        style={{ fill: swatch }}
      />
      <text className="bias-label" x={x + size / 2 + 2} y={at.y} dy="0.35em" fontSize={fontSize * 0.85}>
        {text}
      </text>
    </g>
  );
});

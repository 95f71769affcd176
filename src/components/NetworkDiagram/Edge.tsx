import { useState } from 'react';
import type { Feature } from '../../core/features';
import type { LayeredShape } from '../../core/layerShape';
import { weightColor, weightWidth } from '../../viz/colorScales';
import { formatExact, formatValue } from '../format';
import { arrowId } from './ArrowMarkers';
import { activateOnKey, paramLabel } from './editTarget';
import { labelOffset, type EdgeSpot } from './layout';
import { highlightAttributes, toneColor } from './phaseStyle';
import type { ParamPhase } from './stepPhaseView';

interface EdgeProps {
  edge: EdgeSpot;
  /** The network's hidden layers, which decide the parameter's name and role. */
  network: LayeredShape;
  /** The network's inputs, which name and describe its weights (x1, x2 unless told). */
  features?: readonly Feature[];
  value: number;
  /** Print the value next to the line even when it is not hovered or focused. */
  alwaysLabelled: boolean;
  fontSize: number;
  onEdit: (param: number) => void;
  /** What the shown phase of the SGD step does on this edge; null when no phase is shown. */
  phase?: ParamPhase | null;
  /** Prefix of the figure's arrowhead markers. */
  arrowPrefix?: string;
  /** Too narrow for values: print only the weight's name (w1), its value on hover, focus or tap. */
  nameOnly?: boolean;
}

/** One weight: a line whose width follows |w| and colour its sign; hover, focus, click or Enter to edit it. */
export function Edge({
  edge,
  network,
  features,
  value: liveValue,
  alwaysLabelled,
  fontSize,
  onEdit,
  phase,
  arrowPrefix,
  nameOnly = false,
}: EdgeProps) {
  const [hovered, setHovered] = useState(false);
  const [focused, setFocused] = useState(false);
  const { start, end, label } = edge;
  // During a phase the edge shows the step's value (before it, or after it in the update phase).
  const value = phase ? phase.value : liveValue;
  const stroke = weightColor(value) ?? 'var(--muted)';
  const strokeWidth = Number.isFinite(value) ? weightWidth(Math.abs(value)) : 1;
  const open = () => onEdit(edge.param);
  const active = hovered || focused;
  const short = nameOnly && !active;
  const labelText = short ? edge.name : (phase?.label ?? `${edge.name} = ${formatValue(value)}`);
  const labelSize = short ? fontSize : fontSize * 0.85;
  // Monospace: each character is about 0.6em wide.
  const shift = labelOffset(edge.normal, labelText.length * labelSize * 0.6, labelSize * 1.2, strokeWidth);
  const line = { x1: start.x, y1: start.y, x2: end.x, y2: end.y };
  const flow = phase?.active ? phase.flow : null;
  const arrow = arrowPrefix ? `url(#${arrowId(arrowPrefix, phase?.tone ?? 'flow')})` : undefined;
  const attributes = highlightAttributes(phase);
  return (
    <g
      className={`network-edge${active ? ' is-active' : ''}`}
      role="button"
      tabIndex={0}
      aria-label={paramLabel(network, edge.param, value, phase?.spoken, features)}
      data-param={edge.param}
      onClick={open}
      onKeyDown={activateOnKey(open)}
      onPointerEnter={() => setHovered(true)}
      onPointerLeave={() => setHovered(false)}
      onFocus={() => setFocused(true)}
      onBlur={() => setFocused(false)}
      {...attributes}
    >
      <title>{`${edge.name} = ${formatExact(value)}`}</title>
      <line className="edge-focus-ring" {...line} strokeWidth={strokeWidth + 10} />
      {/* A halo under the line carries the phase's flow: accent forward, the gradient's sign backward. */}
      {flow ? (
        <line
          className={`edge-flow edge-flow-${flow}`}
          {...line}
          pathLength={1}
          style={phase?.tone ? { stroke: toneColor(phase.tone) } : undefined}
          strokeWidth={strokeWidth + (phase?.onPath ? 10 : 6)}
        />
      ) : null}
      {/* A faint casing keeps a near-zero (near-white) weight visible as a connection. */}
      <line className="edge-casing" {...line} strokeWidth={strokeWidth + 2} />
      {/* Inline style, not attributes, so the update phase can transition width and colour. */}
      <line className="edge-line" {...line} style={{ stroke, strokeWidth }} />
      {/* Arrowheads only: the line itself is not painted. */}
      {flow ? (
        <line
          className="edge-arrow"
          {...line}
          markerEnd={flow === 'forward' ? arrow : undefined}
          markerStart={flow === 'backward' ? arrow : undefined}
        />
      ) : null}
      {/* A wide invisible line so a thin edge is still easy to hover and tap. */}
      <line className="edge-hit" {...line} strokeWidth={Math.max(18, strokeWidth + 10)} />
      {alwaysLabelled || active ? (
        <text
          className="edge-label"
          x={label.x + shift.x}
          y={label.y + shift.y}
          dy="0.35em"
          fontSize={labelSize}
        >
          {labelText}
        </text>
      ) : null}
    </g>
  );
}

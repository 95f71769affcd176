import { memo } from 'react';
import { formatExact } from '../format';
import { arrowId } from './ArrowMarkers';
import { activateOnKey } from './editTarget';
import { labelOffset, type EdgeSpot } from './layout';
import { highlightAttributes, toneColor } from './phaseStyle';
import type { ParamPhase } from './stepPhaseView';

interface EdgeProps {
  edge: EdgeSpot;
  /** The accessible name: the value as printed, what the weight connects, how to edit it. */
  ariaLabel: string;
  /** The printed label (`w7 = 0.1234`, the name alone, or a phase's), or null for none. */
  labelText: string | null;
  /** Whether the label is the name alone (printed larger: it is all there is to read). */
  nameOnly: boolean;
  /** The line's colour and width, rounded to what can be seen (paramLook.ts). */
  stroke: string;
  strokeWidth: number;
  /** Hovered or focused: drawn on top of the others, its exact value in a tooltip. */
  active: boolean;
  /** The exact value for the tooltip; only an active edge has one (its digits change every epoch). */
  exact: number | null;
  fontSize: number;
  onEdit: (param: number) => void;
  /** What the shown phase of the SGD step does on this edge; null when no phase is shown. */
  phase: ParamPhase | null;
  /** Prefix of the figure's arrowhead markers. */
  arrowPrefix?: string;
}

/**
 * One weight: a line whose width follows |w| and colour its sign; hover, focus, click or Enter to edit it.
 * Memoised on what it shows, so a redraw during training skips every edge whose picture is unchanged
 * (NetworkDiagram passes only rounded, visible quantities).
 */
export const Edge = memo(function Edge({
  edge,
  ariaLabel,
  labelText,
  nameOnly,
  stroke,
  strokeWidth,
  active,
  exact,
  fontSize,
  onEdit,
  phase,
  arrowPrefix,
}: EdgeProps) {
  const { start, end, label } = edge;
  const open = () => onEdit(edge.param);
  const labelSize = nameOnly ? fontSize : fontSize * 0.85;
  const line = { x1: start.x, y1: start.y, x2: end.x, y2: end.y };
  const flow = phase?.active ? phase.flow : null;
  const arrow = arrowPrefix ? `url(#${arrowId(arrowPrefix, phase?.tone ?? 'flow')})` : undefined;
  const attributes = highlightAttributes(phase);
  // Monospace: each character is about 0.6em wide.
  const shift = labelText
    ? labelOffset(edge.normal, labelText.length * labelSize * 0.6, labelSize * 1.2, strokeWidth)
    : null;
  return (
    <g
      className={`network-edge${active ? ' is-active' : ''}`}
      role="button"
      tabIndex={0}
      aria-label={ariaLabel}
      data-param={edge.param}
      onClick={open}
      onKeyDown={activateOnKey(open)}
      {...attributes}
    >
      {exact !== null ? <title>{`${edge.name} = ${formatExact(exact)}`}</title> : null}
      {/* Only a hovered or focused edge can show its ring (CSS paints it on keyboard focus). */}
      {active ? <line className="edge-focus-ring" {...line} strokeWidth={strokeWidth + 10} /> : null}
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
      {labelText && shift ? (
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
});

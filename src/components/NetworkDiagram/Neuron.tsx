import { memo } from 'react';
import { formatExact } from '../format';
import { ActivationGlyph } from './ActivationGlyph';
import { neuronFill, neuronInk, type Activation } from '../../viz/activationScale';
import { textOn } from '../../viz/colorScales';
import { rangeFraction, targetColor, type TargetRange } from '../../viz/targetScale';
import { FEATURE_SYMBOLS, isFeature } from '../../core/features';
import type { NeuronSpot } from './layout';
import { fitNote } from './noteFit';
import { highlightAttributes } from './phaseStyle';
import type { Highlight } from './stepPhaseView';

interface NeuronProps {
  spot: NeuronSpot;
  radius: number;
  fontSize: number;
  /** The value shown inside the circle (already formatted), or null when there is nothing to show. */
  shown: string | null;
  /** The exact value, for the hover title; only a hovered neuron has one (its digits change every epoch). */
  exact: number | null;
  /** The neuron's activation function, drawn as a glyph; null for an input or a linear output. */
  kind: Activation | null;
  /** The circle's fill and the ink on it (neuronColors). */
  fill: string;
  ink: string;
  /** The accessible description, e.g. "h1: sigmoid output 0.0474 for Alice". */
  description: string;
  /** Text outside the circle (the raw input), on the side no edge crosses; kept inside the figure. */
  note?: string;
  /** The figure's width, which the note stays within. */
  figureWidth: number;
  /** Whether the shown phase of the SGD step touches this neuron; null when no phase is shown. */
  highlight?: Highlight | null;
}

/**
 * The circle's fill and the ink on it: by the activation's range, or by a linear output's targets;
 * unfilled without a value.
 */
export function neuronColors(
  kind: Activation | null,
  range: TargetRange | undefined,
  value: number | null,
): { fill: string; ink: string } {
  const blank = { fill: 'var(--surface)', ink: 'var(--text)' };
  if (value === null || !Number.isFinite(value)) return blank;
  if (range) {
    const level = Math.min(1, Math.max(0, rangeFraction(range, value)));
    return { fill: targetColor(level), ink: textOn(level) };
  }
  return kind === null ? blank : { fill: neuronFill(kind, value), ink: neuronInk(kind, value) };
}

/**
 * One neuron: a circle filled by its output on its activation's range, its name and value inside.
 * Memoised on what it shows (the value as printed, its colours), so a redraw skips unchanged neurons.
 */
export const Neuron = memo(function Neuron(props: NeuronProps) {
  const { spot, radius, fontSize, shown, exact, kind, fill, ink, description, note, highlight } = props;
  const fitted = note ? fitNote(note, spot.note.x, props.figureWidth, fontSize * 0.85) : null;
  // Long values (9.06e-10) shrink to stay inside the circle.
  const valueSize = fontSize * 0.8 * Math.min(1, 6.5 / Math.max(1, (shown ?? '').length));
  // a feature input is named as it is written (x1², x1·x2, sin x1), smaller when the name is long
  const name = isFeature(spot.id) ? FEATURE_SYMBOLS[spot.id] : (spot.name ?? spot.id);
  const nameSize = fontSize * Math.min(1, 4 / Math.max(2, name.length));
  return (
    <g
      className={`network-neuron neuron-${spot.column}`}
      data-neuron-id={spot.id}
      role="img"
      aria-label={description}
      {...highlightAttributes(highlight)}
    >
      {exact !== null ? <title>{`${name} = ${formatExact(exact)}`}</title> : null}
      <circle className="neuron-circle" cx={spot.x} cy={spot.y} r={radius} fill={fill} />
      <text className="neuron-name" x={spot.x} y={spot.y} dy="-0.25em" fontSize={nameSize} fill={ink}>
        {name}
      </text>
      <text className="neuron-value" x={spot.x} y={spot.y} dy="1.05em" fontSize={valueSize} fill={ink}>
        {shown ?? '—'}
      </text>
      {kind !== null ? <ActivationGlyph kind={kind} centre={spot} radius={radius} /> : null}
      {fitted ? (
        <text className="neuron-note" x={fitted.x} y={spot.note.y} dy="0.35em" fontSize={fitted.fontSize}>
          {fitted.text}
        </text>
      ) : null}
    </g>
  );
});

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
  /** The exact value, for the hover title. */
  exact: number | null;
  /** The neuron's activation function; null for an input (scaled lb and in, kept neutral). */
  kind: Activation | null;
  /** The value the circle is filled by (its output); null leaves it unfilled. */
  activation: number | null;
  /** The accessible description, e.g. "h1: sigmoid output 0.0474 for Alice". */
  description: string;
  /** Text outside the circle (the raw input), on the side no edge crosses; kept inside the figure. */
  note?: string;
  /** The figure's width, which the note stays within. */
  figureWidth: number;
  /** Whether the shown phase of the SGD step touches this neuron; null when no phase is shown. */
  highlight?: Highlight | null;
  /** A linear output's colour range (the table's targets), used instead of an activation's range. */
  range?: TargetRange;
}

/** The circle's fill and the ink on it: by the activation's range, or by a linear output's targets. */
function neuronColors(kind: Activation | null, range: TargetRange | undefined, value: number | null) {
  if (value === null || !Number.isFinite(value)) return null;
  if (range) {
    const level = Math.min(1, Math.max(0, rangeFraction(range, value)));
    return { fill: targetColor(level), ink: textOn(level) };
  }
  return kind === null ? null : { fill: neuronFill(kind, value), ink: neuronInk(kind, value) };
}

/** One neuron: a circle filled by its output on its activation's range, its name and value inside. */
export function Neuron(props: NeuronProps) {
  const { spot, radius, fontSize, shown, exact, kind, activation, description, note, highlight } = props;
  const fitted = note ? fitNote(note, spot.note.x, props.figureWidth, fontSize * 0.85) : null;
  const colors = neuronColors(kind, props.range, activation);
  const fill = colors?.fill ?? 'var(--surface)';
  const ink = colors?.ink ?? 'var(--text)';
  // Long values (9.06e-10) shrink to stay inside the circle.
  const valueSize = fontSize * 0.8 * Math.min(1, 6.5 / Math.max(1, (shown ?? '').length));
  // a feature input is named as it is written (x1², x1·x2, sin x1), smaller when the name is long
  const name = isFeature(spot.id) ? FEATURE_SYMBOLS[spot.id] : (spot.name ?? spot.id);
  const nameSize = fontSize * Math.min(1, 4 / Math.max(2, name.length));
  return (
    <g
      className={`network-neuron neuron-${spot.column}`}
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
}

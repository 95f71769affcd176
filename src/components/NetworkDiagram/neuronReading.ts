import { hiddenOutputSlot, outputSlot } from '../../core/bufferLayout';
import { checkPerson, type Person } from '../../core/dataset';
import { FEATURE_SYMBOLS, featureValue, isFeature } from '../../core/features';
import { hiddenNeuronName } from '../../core/layerNames';
import type { LayeredShape } from '../../core/layerShape';
import { fromModel } from '../../core/units';
import type { PlaneWords } from '../../viz/planeWords';
import { formatValue } from '../format';
import { activationName, type Activation } from '../../viz/activationScale';
import type { TargetRange } from '../../viz/targetScale';
import type { NeuronSpot } from './layout';

/** Whose values a neuron shows: the focus person's live trace, or the step being explained. */
export interface NeuronSource {
  readonly person: Person;
  /** Scaled inputs, as the network sees them. */
  readonly x1: number;
  readonly x2: number;
  /** Forward buffer (core/bufferLayout.ts: each hidden sum and output, then the output's). */
  readonly forward: Float64Array;
}

export interface NeuronReading {
  value: number | null;
  /** The activation the value came out of; null for inputs (scaled lb and in, not coloured). */
  kind: Activation | null;
  /** A linear output's colour range (the table's targets); it has no activation to colour it by. */
  range?: TargetRange;
  note?: string;
  description: string;
}

/** What the figure reads its neurons with: the network, the table's words (units, names) and whose values. */
export interface ReadingContext {
  /** Hidden neurons over all the layers. */
  readonly hidden: number;
  /** The network's layers, which name a hidden neuron ("Layer 2, neuron 1" in a deeper network). */
  readonly architecture?: LayeredShape;
  readonly activation: Activation;
  /** The table's units or an imported file's column names, as the plane words them. */
  readonly words: PlaneWords;
  /** The person's name, as the figure shows it. */
  readonly who: string;
  /** Set when the output is linear: the table's targets' range, which its colour spans. */
  readonly outputRange?: TargetRange | null;
}

/** `weight`, `height`, or an imported column's name, for the input's note. */
function inputName(words: PlaneWords, field: 'weight' | 'height'): string {
  if (words.measure === 'plain') return field === 'weight' ? words.xTitle : words.yTitle;
  return field;
}

/** A neuron's value, its note outside the circle and its accessible description. */
export function readNeuron(
  spot: NeuronSpot,
  context: ReadingContext,
  source: NeuronSource | null,
): NeuronReading {
  const { id } = spot;
  const { hidden, activation, words, who } = context;
  if (id === 'x1' || id === 'x2') {
    const field = id === 'x1' ? 'weight' : 'height';
    // The person as the model reads them (lb, in), shown back in the table's own units.
    const raw = source ? checkPerson(source.person, words.measure) : null;
    const model = raw?.valid ? raw[field] : null;
    const value = source ? (id === 'x1' ? source.x1 : source.x2) : null;
    const name = inputName(words, field);
    const rawText = model === null ? '—' : words.value(field, fromModel(words.measure, field, model));
    const scaled = value === null ? '' : `, scaled to ${formatValue(value, 3)}`;
    return {
      value,
      kind: null,
      note: `${name} ${rawText}`,
      description: `${id} (${name}) of ${who}: ${rawText}${scaled}`,
    };
  }
  if (isFeature(id)) {
    // a feature input beyond x1, x2: worked out from the scaled inputs, no raw measurement of its own
    const value = source ? featureValue(id, source.x1, source.x2) : null;
    const shown = value === null ? 'not available' : formatValue(value, 3);
    return {
      value,
      kind: null,
      description: `${FEATURE_SYMBOLS[id]} (from the scaled inputs) of ${who}: ${shown}`,
    };
  }
  const isOutput = spot.hidden === null;
  const slot = isOutput ? outputSlot(hidden) : hiddenOutputSlot(spot.hidden);
  const value = source ? (source.forward[slot] ?? null) : null;
  const kind: Activation = isOutput ? 'sigmoid' : activation;
  const what = isOutput ? 'output (the prediction)' : `${activationName(kind)} output`;
  const shown = value === null ? 'not available' : formatValue(value, 3);
  const name =
    isOutput || context.architecture === undefined ? id : hiddenNeuronName(context.architecture, spot.hidden);
  const description = `${name}: ${what} ${shown} for ${who}`;
  const range = isOutput ? context.outputRange : null;
  return range ? { value, kind: null, range, description } : { value, kind, description };
}

import { hiddenOutputSlot, outputSlot } from '../../core/bufferLayout';
import { checkPerson, type Person } from '../../core/dataset';
import { formatValue } from '../format';
import { activationName, type Activation } from './activationScale';
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
  note?: string;
  description: string;
}

/** A neuron's value, its note outside the circle and its accessible description. */
export function readNeuron(
  spot: NeuronSpot,
  hidden: number,
  activation: Activation,
  source: NeuronSource | null,
  who: string,
): NeuronReading {
  const { id } = spot;
  if (id === 'x1' || id === 'x2') {
    const raw = source ? checkPerson(source.person) : null;
    const value = source ? (id === 'x1' ? source.x1 : source.x2) : null;
    const measure = id === 'x1' ? 'weight' : 'height';
    const rawText = raw ? (id === 'x1' ? `${raw.weight} lb` : `${raw.height} in`) : '—';
    const scaled = value === null ? '' : `, scaled to ${formatValue(value, 3)}`;
    return {
      value,
      kind: null,
      note: `${measure} ${rawText}`,
      description: `${id} (${measure}) of ${who}: ${rawText}${scaled}`,
    };
  }
  const isOutput = spot.hidden === null;
  const slot = isOutput ? outputSlot(hidden) : hiddenOutputSlot(spot.hidden);
  const value = source ? (source.forward[slot] ?? null) : null;
  const kind: Activation = isOutput ? 'sigmoid' : activation;
  const what = isOutput ? 'output (the prediction)' : `${activationName(kind)} output`;
  const shown = value === null ? 'not available' : formatValue(value, 3);
  return { value, kind, description: `${id}: ${what} ${shown} for ${who}` };
}

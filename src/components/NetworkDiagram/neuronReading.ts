import { checkPerson, type Person } from '../../core/dataset';
import { H1, H2, O1 } from '../../core/forward';
import { formatValue } from '../format';
import type { NeuronId } from './layout';

/** Whose values a neuron shows: the focus person's live trace, or the step being explained. */
export interface NeuronSource {
  readonly person: Person;
  /** Scaled inputs, as the network sees them. */
  readonly x1: number;
  readonly x2: number;
  /** Forward buffer (see core/forward: SUM_H1, H1, ...). */
  readonly forward: Float64Array;
}

export interface NeuronReading {
  value: number | null;
  /** Inputs are scaled lb and in, not outputs in (0, 1), so they are not coloured by activation. */
  isOutput: boolean;
  note?: string;
  description: string;
}

/** A neuron's value, its note outside the circle and its accessible description. */
export function readNeuron(id: NeuronId, source: NeuronSource | null, who: string): NeuronReading {
  if (id === 'x1' || id === 'x2') {
    const raw = source ? checkPerson(source.person) : null;
    const value = source ? (id === 'x1' ? source.x1 : source.x2) : null;
    const measure = id === 'x1' ? 'weight' : 'height';
    const rawText = raw ? (id === 'x1' ? `${raw.weight} lb` : `${raw.height} in`) : '—';
    const scaled = value === null ? '' : `, scaled to ${formatValue(value, 3)}`;
    return {
      value,
      isOutput: false,
      note: `${measure} ${rawText}`,
      description: `${id} (${measure}) of ${who}: ${rawText}${scaled}`,
    };
  }
  const slot = id === 'h1' ? H1 : id === 'h2' ? H2 : O1;
  const value = source ? source.forward[slot]! : null;
  const what = id === 'o1' ? 'output (the prediction)' : 'output';
  const shown = value === null ? 'not available' : formatValue(value, 3);
  return { value, isOutput: true, description: `${id}: ${what} ${shown} for ${who}` };
}

import type { NeuronNote } from '../../core/activationShape';
import { formatValue } from '../format';

/** The explorer's note in words, for neuron `name` and the person `who`; '' when there is none. */
export function noteWords(note: NeuronNote, name: string, who: string): string {
  if (note === null) return '';
  switch (note.kind) {
    case 'saturated':
      return (
        `Saturated: f′(z) = ${formatValue(note.slope, 2)}, under ${formatValue(note.limit)} (4 % of its steepest). ` +
        `Every gradient through ${name} is multiplied by it, so ${who}’s step barely moves ${name}’s weights.`
      );
    case 'dead':
      return (
        `Dead ReLU: z ≤ 0 for all ${note.rows} training row${note.rows === 1 ? '' : 's'}, so f′ = 0 for every one: ` +
        `no gradient reaches ${name} and its weights have stopped learning. Other starting weights, a smaller ` +
        'learning rate or Tanh can keep a neuron alive.'
      );
    case 'inactive':
      return (
        `Off for ${who}: z ≤ 0, so f′ = 0 and this step leaves ${name}’s input weights alone; ` +
        'other rows still turn it on.'
      );
  }
}

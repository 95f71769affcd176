import type { Params } from '../../core/network';
import { hiddenSymmetry } from './symmetry';

/** Calls out the article's symmetric start: twin hidden neurons, and why random weights break the tie. */
export function SymmetryCallout({ params }: { readonly params: Params }) {
  const symmetry = hiddenSymmetry(params);
  if (symmetry === 'none') return null;
  return (
    <div className="math-callout" role="note" aria-label="Symmetric start">
      <h3 className="math-callout-title">h1 and h2 are identical</h3>
      {symmetry === 'forever' ? (
        <p>
          w1 = w3, w2 = w4, b1 = b2 and w5 = w6, so h1 and h2 compute exactly the same value for every person.
          They therefore get identical gradients, take identical steps, and stay identical forever: the
          network trains as if it had a single hidden neuron. That is why networks start from random weights:
          different starting values break the symmetry and let each hidden neuron learn something of its own.
          Try <strong>Initial weights: Random</strong>.
        </p>
      ) : (
        <p>
          w1 = w3, w2 = w4 and b1 = b2, so h1 and h2 compute the same value right now. But w5 ≠ w6, so their
          gradients differ, and training will pull them apart.
        </p>
      )}
    </div>
  );
}

import type { Params } from '../../core/network';
import { hiddenSymmetry } from '../MathView/symmetry';

/**
 * Calls out twin hidden neurons, with the Math view's own test: only when w1 = w3, w2 = w4, b1 = b2
 * *and* w5 = w6 do h1 and h2 get the same gradients and stay identical forever; with w5 ≠ w6 they are
 * equal now but drift apart.
 */
export function SymmetryNote({ params }: { readonly params: Params }) {
  const symmetry = hiddenSymmetry(params);
  if (symmetry === 'none') return null;
  return (
    <p className="network-note" role="note">
      {symmetry === 'forever'
        ? 'h1 and h2 have identical weights in and out (w1 = w3, w2 = w4, b1 = b2, w5 = w6), so they get identical gradients and stay identical forever (the symmetric start).'
        : 'h1 and h2 have identical incoming weights and biases (w1 = w3, w2 = w4, b1 = b2), so they are equal now, but w5 ≠ w6 gives them different gradients: they will drift apart.'}
    </p>
  );
}

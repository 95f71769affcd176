import { hiddenFromParamCount } from '../../core/architecture';
import type { Params } from '../../core/network';
import { hiddenTwins, twinEquations, twinNames, type TwinGroup } from '../../viz/symmetry';

function sentence(group: TwinGroup, hidden: number, inputs: number): string {
  const who = twinNames(group, hidden);
  // `h1 and h2 …` keeps the lab's lower-case names; only `All 8 hidden neurons …` starts with a capital.
  const capitalised = who.startsWith('all') ? `A${who.slice(1)}` : who;
  const equations = twinEquations(group, hidden, group.forever, inputs);
  const spelt = equations ? ` (${equations.join(', ')})` : '';
  if (group.forever) {
    return `${capitalised} have identical weights in and out${spelt}, so they get identical gradients and stay identical forever (the symmetric start).`;
  }
  const outputs = equations
    ? `${twinEquations(group, hidden, true, inputs)!.at(-1)!.replace(' = ', ' ≠ ')} gives`
    : 'different weights to o1 give';
  return `${capitalised} have identical incoming weights and biases${spelt}, so they are equal now, but ${outputs} them different gradients: they will drift apart.`;
}

/**
 * Calls out twin hidden neurons, with the Math view's own test: only with identical incoming weights and
 * bias *and* the same weight to the output do two hidden neurons get the same gradients and stay
 * identical forever; with different weights to the output they are equal now but drift apart.
 */
export function SymmetryNote({ params, inputs = 2 }: { readonly params: Params; readonly inputs?: number }) {
  const hidden = hiddenFromParamCount(params.length, inputs) ?? 0;
  const twins = hiddenTwins(params, inputs);
  if (twins.length === 0) return null;
  return (
    <p className="network-note" role="note">
      {twins.map((group) => sentence(group, hidden, inputs)).join(' ')}
    </p>
  );
}

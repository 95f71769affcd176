import { hiddenFromParamCount } from '../../core/architecture';
import type { Params } from '../../core/network';
import { hiddenTwins, twinEquations, twinNames, type TwinGroup } from '../../viz/symmetry';

/** The callout's text for one set of twins; for the article's pair, the article's words. */
function Twins({
  group,
  hidden,
  inputs,
}: {
  readonly group: TwinGroup;
  readonly hidden: number;
  readonly inputs: number;
}) {
  const who = twinNames(group, hidden);
  const equations = twinEquations(group, hidden, group.forever, inputs);
  const spelt = equations ? `${equations.slice(0, -1).join(', ')} and ${equations.at(-1)}` : null;
  const single = group.neurons.length === 2 && hidden === 2 ? 'a single hidden neuron' : 'one hidden neuron';
  if (group.forever) {
    return (
      <p>
        {spelt
          ? `${spelt}, so ${who}`
          : `${who.charAt(0).toUpperCase()}${who.slice(1)} have identical weights in and out, so they`}{' '}
        compute exactly the same value for every person. They therefore get identical gradients, take
        identical steps, and stay identical forever: the network trains as if it had{' '}
        {group.neurons.length === hidden ? single : `${single} where it has ${group.neurons.length}`}. That is
        why networks start from random weights: different starting values break the symmetry and let each
        hidden neuron learn something of its own. Try <strong>Initial weights: Random</strong>.
      </p>
    );
  }
  const outputs = twinEquations(group, hidden, true, inputs)?.at(-1)?.replace(' = ', ' ≠ ');
  return (
    <p>
      {spelt
        ? `${spelt}, so ${who}`
        : `${who.charAt(0).toUpperCase()}${who.slice(1)} have identical incoming weights and biases, so they`}{' '}
      compute the same value right now. But {outputs ?? 'their weights to o1 differ'}, so their gradients
      differ, and training will pull them apart.
    </p>
  );
}

/** Calls out the symmetric start: twin hidden neurons, and why random weights break the tie. */
export function SymmetryCallout({
  params,
  inputs = 2,
}: {
  readonly params: Params;
  readonly inputs?: number;
}) {
  const hidden = hiddenFromParamCount(params.length, inputs) ?? 0;
  const twins = hiddenTwins(params, inputs);
  if (twins.length === 0) return null;
  const first = twins[0]!;
  return (
    <div className="math-callout" role="note" aria-label="Symmetric start">
      <h3 className="math-callout-title">
        {twins.length === 1
          ? `${twinNames(first, hidden).replace(/^all/, 'All')} are identical`
          : 'Some hidden neurons are identical'}
      </h3>
      {twins.map((group) => (
        <Twins
          key={`${group.forever}:${group.neurons.join()}`}
          group={group}
          hidden={hidden}
          inputs={inputs}
        />
      ))}
    </div>
  );
}

import type { ReactNode } from 'react';
import type { StepPhase } from '../../store/labStore';
import { Term } from '../Glossary/Term';

/** Each phase in plain words, shown under the phase indicator. */
const EXPLANATIONS: Readonly<Record<StepPhase, ReactNode>> = {
  forward: (
    <>
      The person’s scaled weight and height flow through the network. Each hidden{' '}
      <Term name="neuron">neuron</Term> weighs them, adds its <Term name="bias">bias</Term> and applies the{' '}
      <Term name="sigmoid">sigmoid</Term>; the output neuron does the same with h1 and h2. Nothing is learned
      yet: this is the network’s guess, ypred.
    </>
  ),
  loss: (
    <>
      The guess is compared with the truth (1 for Female, 0 for Male). The <Term name="loss">loss</Term>{' '}
      squares the gap, so every miss counts as positive and big misses count much more than small ones.
    </>
  ),
  backward: (
    <>
      Backpropagation walks back from the loss to every weight and bias. For each one, the chain rule
      multiplies the slopes met along the way; the product is its <Term name="gradient">gradient</Term>: how
      much the loss would rise if that parameter grew a little.
    </>
  ),
  update: (
    <>
      Every parameter moves a little against its gradient, by <Term name="learning rate">learning rate</Term>{' '}
      × gradient, so the network is slightly less wrong about this person. That is one SGD step; an{' '}
      <Term name="epoch">epoch</Term> takes one for every person.
    </>
  ),
};

export function PhaseExplanation({ phase }: { readonly phase: StepPhase | null }) {
  return (
    <p className="math-phase-explanation">
      {phase === null
        ? 'Walk through one SGD step in four phases with Next phase, or with the Left and Right arrow keys while this view has focus.'
        : EXPLANATIONS[phase]}
    </p>
  );
}

import type { ReactNode } from 'react';
import type { StepPhase } from '../../core/stepPhases';
import { Term } from '../Glossary/Term';
import { activationName } from '../../viz/activationScale';
import { usePlaneWords } from '../common/usePlaneWords';
import type { PlaneWords } from '../../viz/planeWords';
import { hiddenList } from './FormulaLeads';
import { isPlainSgd, type MathContext } from '../../viz/mathContext';

/** The two inputs in running text: `weight and height`, or an imported file's column names. */
export function inputWords(words: PlaneWords): string {
  return words.measure === 'plain' ? `${words.xTitle} and ${words.yTitle}` : 'weight and height';
}

/**
 * Each phase in plain words, shown under the phase indicator; the article's wording for its network,
 * with an imported file's column names and label values in place of weight, height, Female and Male.
 */
function explanation(phase: StepPhase, context: MathContext, words: PlaneWords): ReactNode {
  const truth = `1 for ${words.classes.F}, 0 for ${words.classes.M}`;
  switch (phase) {
    case 'forward': {
      const activation =
        context.activation === 'sigmoid' ? (
          <Term name="sigmoid">sigmoid</Term>
        ) : (
          <Term name={context.activation === 'tanh' ? 'tanh' : 'ReLU'}>
            {activationName(context.activation)}
          </Term>
        );
      const readers = context.hidden === 2 ? 'h1 and h2' : hiddenList(context.hidden);
      return (
        <>
          The {words.who}’s scaled {inputWords(words)} flow through the network. Each hidden{' '}
          <Term name="neuron">neuron</Term> weighs them, adds its <Term name="bias">bias</Term> and applies
          the {activation}; the output neuron does the same with {readers}
          {context.activation === 'sigmoid' ? '' : ' and the sigmoid'}. Nothing is learned yet: this is the
          network’s guess, ypred.
        </>
      );
    }
    case 'loss':
      return context.loss === 'mse' ? (
        <>
          The guess is compared with the truth ({truth}). The <Term name="loss">loss</Term> squares the gap,
          so every miss counts as positive and big misses count much more than small ones.
        </>
      ) : (
        <>
          The guess is compared with the truth ({truth}). The <Term name="cross-entropy">cross-entropy</Term>{' '}
          takes minus the log of the probability given to the truth: near 0 for a confident right answer, and
          without limit for a confident wrong one.
        </>
      );
    case 'backward':
      return (
        <>
          Backpropagation walks back from the loss to every weight and bias. For each one, the chain rule
          multiplies the slopes met along the way; the product is its <Term name="gradient">gradient</Term>:
          how much the loss would rise if that parameter grew a little.
        </>
      );
    case 'update':
      return isPlainSgd(context) ? (
        <>
          Every parameter moves a little against its gradient, by{' '}
          <Term name="learning rate">learning rate</Term> × gradient, so the network is slightly less wrong
          about this person. That is one SGD step; an <Term name="epoch">epoch</Term> takes one for every
          person.
        </>
      ) : (
        <>
          Every parameter moves against its gradient, scaled by the{' '}
          <Term name="learning rate">learning rate</Term>
          {context.batch > 1 ? (
            <>
              , but only once per <Term name="mini-batch">batch</Term> of {context.batch}, by the mean of
              their gradients: this sample adds its share
            </>
          ) : null}
          {context.momentum > 0 ? (
            <>
              ; with <Term name="momentum">momentum</Term> the step also keeps {context.momentum} of the one
              before
            </>
          ) : null}
          . An <Term name="epoch">epoch</Term> goes once through every person.
        </>
      );
  }
}

export function PhaseExplanation({
  phase,
  context,
}: {
  readonly phase: StepPhase | null;
  readonly context: MathContext;
}) {
  const words = usePlaneWords();
  return (
    <p className="math-phase-explanation">
      {phase === null
        ? 'Walk through one SGD step in four phases with Next phase, or with the Left and Right arrow keys while this view has focus.'
        : explanation(phase, context, words)}
    </p>
  );
}

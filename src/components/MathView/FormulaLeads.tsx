import type { ReactNode } from 'react';
import { Term } from '../Glossary/Term';
import { activationName } from '../../viz/activationScale';
import { countWord } from '../../viz/countWord';
import { isPlainSgd, type MathContext } from '../../viz/mathContext';

/** The hidden layer's names in running text: `h1 and h2`, `h1, h2 and h3`, `h1 … h8`. */
export function hiddenList(hidden: number): string {
  if (hidden === 1) return 'h1';
  if (hidden <= 3) {
    const names = Array.from({ length: hidden }, (_, j) => `h${j + 1}`);
    return `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
  }
  return `h1 … h${hidden}`;
}

/**
 * Plain-word lead-ins of the five formulas, following the network and training of `context`; `classes`
 * names what 1 and 0 mean (Female and Male, or an imported file's label values).
 */
export function formulaLeads(
  context: MathContext,
  classes: { readonly F: string; readonly M: string },
): Record<'neuron' | 'feedforward' | 'loss' | 'backprop' | 'update', ReactNode> {
  const { hidden, activation } = context;
  const sigmoid = activation === 'sigmoid';
  const name = activationName(activation);
  const others = 4 * hidden;
  return {
    neuron: sigmoid ? (
      <>
        A <Term name="neuron">neuron</Term> weighs its inputs, adds its <Term name="bias">bias</Term> and
        squashes the sum with the <Term name="sigmoid">sigmoid</Term> f. Here, h1:
      </>
    ) : (
      <>
        A <Term name="neuron">neuron</Term> weighs its inputs, adds its <Term name="bias">bias</Term> and
        passes the sum through its activation f, here{' '}
        <Term name={activation === 'tanh' ? 'tanh' : 'ReLU'}>{name}</Term>. Here, h1:
      </>
    ),
    feedforward:
      hidden === 2 && sigmoid ? (
        <>
          <Term name="feedforward">Feedforward</Term>: h1 and h2 read the inputs, the output o1 reads h1 and
          h2. o1 is the prediction ypred (near 1: {classes.F}, near 0: {classes.M}).
        </>
      ) : (
        <>
          <Term name="feedforward">Feedforward</Term>: {hiddenList(hidden)} read
          {hidden === 1 ? 's' : ''} the inputs, the output o1 reads {hidden === 1 ? 'h1' : `all ${hidden}`}
          {sigmoid ? '' : ' through the sigmoid σ'}. o1 is the prediction ypred (near 1: {classes.F}, near 0:{' '}
          {classes.M}).
        </>
      ),
    loss:
      context.loss === 'mse' ? (
        <>
          This person’s <Term name="loss">loss</Term>: the squared gap between truth and prediction. The loss
          the lab reports is the mean of these over everyone (MSE).
        </>
      ) : (
        <>
          This person’s <Term name="cross-entropy">cross-entropy</Term>: minus the log of the probability the
          network gave the right answer, so a confident mistake costs a lot. The <Term name="loss">loss</Term>{' '}
          the lab reports is the mean of these over everyone.
        </>
      ),
    backprop: (
      <>
        One part of the <Term name="gradient">gradient</Term>: how the loss changes with w1, by the chain rule
        along w1 → h1 → ypred → L.
      </>
    ),
    update: isPlainSgd(context) ? (
      <>
        w1 takes a small step against its gradient, scaled by the{' '}
        <Term name="learning rate">learning rate</Term> η. The other {countWord(others)} parameters do the
        same (see the table).
      </>
    ) : (
      <>
        {context.batch > 1 ? (
          <>
            With a{' '}
            <Term name="mini-batch">{context.update === 'full-batch' ? 'full batch' : 'mini-batch'}</Term>,
            the parameters move once every B = {context.batch} samples, by the mean of their gradients; this
            sample adds its share.{' '}
          </>
        ) : null}
        {context.momentum > 0 ? (
          <>
            With <Term name="momentum">momentum</Term> μ, each step keeps μ of the one before, so steady
            gradients build speed.{' '}
          </>
        ) : null}
        {context.optimizer ? (
          <>
            <Term name={context.optimizer.kind === 'adam' ? 'Adam' : 'RMSProp'}>
              {context.optimizer.kind === 'adam' ? 'Adam' : 'RMSProp'}
            </Term>{' '}
            divides the gradient by its running size, so each step is about η whatever the gradient’s scale;
            the Optimizer state table holds what it remembers.{' '}
          </>
        ) : null}
        Every parameter does the same, scaled by the <Term name="learning rate">learning rate</Term> η (see
        the table).
      </>
    ),
  };
}

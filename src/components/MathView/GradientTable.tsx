import { hiddenFromParamCount } from '../../core/architecture';
import { networkParamNames, networkParamRole } from '../../core/layerNames';
import { isLayered } from '../../core/layerShape';
import type { StepRecord } from '../../store/derived';
import type { StepPhase } from '../../core/stepPhases';
import { formatExact, formatValue } from '../format';
import { hasPenalty, isPlainSgd, type MathContext } from '../../viz/mathContext';
import { MATH_DIGITS } from './numbers';
import { penalizedWeights, penaltyPush } from './penaltyTerms';

function NumberCell({ value, lit }: { readonly value: number; readonly lit: boolean }) {
  return (
    <td className={lit ? 'is-lit' : undefined} title={formatExact(value)}>
      {formatValue(value, MATH_DIGITS)}
    </td>
  );
}

/**
 * The `Gradient` table: the step for every parameter (w1 … b(H+1), 4H + 1 rows; the article's nine for
 * 2-2-1; every weight and bias of every layer in a deeper network): value before, dL/dparam, and the change. With the article's per-sample SGD the change is
 * −η × dL/dparam and the value after is shown; with mini-batches the change is this sample's share
 * −(η / B) × dL/dparam, and with momentum the gradient's push −η × dL/dparam, since the step itself also
 * depends on the other samples or the steps before. With a weight penalty a `Penalty` column adds
 * λ R'(w) for each weight (0 for the biases); per sample the change includes it, and in batches it is
 * added once per step. The backward phase lights the gradients, the update phase the change and the new
 * values.
 */
export function GradientTable({
  record,
  phase,
  context,
}: {
  readonly record: StepRecord;
  readonly phase: StepPhase | null;
  readonly context: MathContext;
}) {
  const rate = record.learningRate;
  const plain = isPlainSgd(context);
  const scale = plain || context.batch === 1 ? rate : rate / context.batch;
  const inputs = context.features.length;
  // mathContext sized the network by the step's own parameters; a 1-layer one is read from their count.
  const shape = isLayered(context)
    ? context
    : { ...context, hidden: hiddenFromParamCount(record.paramsBefore.length, inputs) ?? context.hidden };
  const names = networkParamNames(shape);
  const penalized = hasPenalty(context);
  const weights = penalizedWeights(shape);
  const pushOf = (index: number): number =>
    penalized && index < weights ? penaltyPush(context, names[index]!, record.paramsBefore[index]!).value : 0;
  const changeTitle = plain ? 'Change' : context.batch > 1 ? 'This sample’s share' : 'Gradient’s push';
  const changeRule =
    context.batch > 1 && !plain
      ? '(−η/B × dL/dparam)'
      : penalized && plain
        ? '(−η × (dL/dparam + penalty))'
        : '(−η × dL/dparam)';
  return (
    <table className="math-gradient">
      <caption>Gradient</caption>
      <thead>
        <tr>
          <th scope="col">Parameter</th>
          <th scope="col">Before</th>
          <th scope="col">dL/dparam</th>
          {penalized ? <th scope="col">Penalty (λ R′(w))</th> : null}
          <th scope="col">
            {changeTitle} <span className="math-gradient-rule">{changeRule}</span>
          </th>
          {plain ? <th scope="col">After</th> : null}
        </tr>
      </thead>
      <tbody>
        {names.map((name, index) => {
          const gradient = record.grad[index] ?? Number.NaN;
          const push = pushOf(index);
          // per sample the step takes the penalty with the gradient; in a batch it joins the mean once
          const stepped = plain ? gradient + push : gradient;
          return (
            <tr key={name}>
              <th scope="row" title={networkParamRole(shape, index, context.features)}>
                {name}
              </th>
              <NumberCell value={record.paramsBefore[index]!} lit={phase === 'forward'} />
              <NumberCell value={gradient} lit={phase === 'backward'} />
              {penalized ? <NumberCell value={push} lit={phase === 'backward'} /> : null}
              <NumberCell value={-scale * stepped} lit={phase === 'update'} />
              {plain ? (
                <NumberCell value={record.paramsAfter[index] ?? Number.NaN} lit={phase === 'update'} />
              ) : null}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

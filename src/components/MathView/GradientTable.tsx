import { hiddenFromParamCount, paramNames, paramRole } from '../../core/architecture';
import type { StepRecord } from '../../store/derived';
import type { StepPhase } from '../../core/stepPhases';
import { formatExact, formatValue } from '../format';
import { isPlainSgd, type MathContext } from '../../viz/mathContext';
import { MATH_DIGITS } from './numbers';

function NumberCell({ value, lit }: { readonly value: number; readonly lit: boolean }) {
  return (
    <td className={lit ? 'is-lit' : undefined} title={formatExact(value)}>
      {formatValue(value, MATH_DIGITS)}
    </td>
  );
}

/**
 * The `Gradient` table: the step for every parameter (w1 … b(H+1), 4H + 1 rows; the article's nine for
 * 2-2-1): value before, dL/dparam, and the change. With the article's per-sample SGD the change is
 * −η × dL/dparam and the value after is shown; with mini-batches the change is this sample's share
 * −(η / B) × dL/dparam, and with momentum the gradient's push −η × dL/dparam, since the step itself also
 * depends on the other samples or the steps before. The backward phase lights the gradients, the update
 * phase the change and the new values.
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
  const hidden = hiddenFromParamCount(record.paramsBefore.length) ?? context.hidden;
  const names = paramNames(hidden);
  const changeTitle = plain ? 'Change' : context.batch > 1 ? 'This sample’s share' : 'Gradient’s push';
  const changeRule = context.batch > 1 && !plain ? '(−η/B × dL/dparam)' : '(−η × dL/dparam)';
  return (
    <table className="math-gradient">
      <caption>Gradient</caption>
      <thead>
        <tr>
          <th scope="col">Parameter</th>
          <th scope="col">Before</th>
          <th scope="col">dL/dparam</th>
          <th scope="col">
            {changeTitle} <span className="math-gradient-rule">{changeRule}</span>
          </th>
          {plain ? <th scope="col">After</th> : null}
        </tr>
      </thead>
      <tbody>
        {names.map((name, index) => {
          const gradient = record.grad[index] ?? Number.NaN;
          return (
            <tr key={name}>
              <th scope="row" title={paramRole(hidden, index)}>
                {name}
              </th>
              <NumberCell value={record.paramsBefore[index]!} lit={phase === 'forward'} />
              <NumberCell value={gradient} lit={phase === 'backward'} />
              <NumberCell value={-scale * gradient} lit={phase === 'update'} />
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

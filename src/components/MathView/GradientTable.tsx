import { PARAM_NAMES, PARAM_ROLES } from '../../core/network';
import type { StepRecord } from '../../store/derived';
import type { StepPhase } from '../../store/labStore';
import { formatExact, formatValue } from '../format';
import { MATH_DIGITS } from './numbers';

function NumberCell({ value, lit }: { readonly value: number; readonly lit: boolean }) {
  return (
    <td className={lit ? 'is-lit' : undefined} title={formatExact(value)}>
      {formatValue(value, MATH_DIGITS)}
    </td>
  );
}

/**
 * The `Gradient` table: the step for all nine parameters (w1..b3): value before, dL/dparam, the change
 * (−η × dL/dparam) and the value after. The backward phase lights the gradients, the update phase the
 * change and the new values.
 */
export function GradientTable({
  record,
  phase,
}: {
  readonly record: StepRecord;
  readonly phase: StepPhase | null;
}) {
  const rate = record.learningRate;
  return (
    <table className="math-gradient">
      <caption>Gradient</caption>
      <thead>
        <tr>
          <th scope="col">Parameter</th>
          <th scope="col">Before</th>
          <th scope="col">dL/dparam</th>
          <th scope="col">
            Change <span className="math-gradient-rule">(−η × dL/dparam)</span>
          </th>
          <th scope="col">After</th>
        </tr>
      </thead>
      <tbody>
        {PARAM_NAMES.map((name, index) => {
          const gradient = record.grad[index]!;
          return (
            <tr key={name}>
              <th scope="row" title={PARAM_ROLES[name]}>
                {name}
              </th>
              <NumberCell value={record.paramsBefore[index]!} lit={phase === 'forward'} />
              <NumberCell value={gradient} lit={phase === 'backward'} />
              <NumberCell value={-rate * gradient} lit={phase === 'update'} />
              <NumberCell value={record.paramsAfter[index]!} lit={phase === 'update'} />
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

import { hiddenFromParamCount, paramNames, paramRole } from '../../core/architecture';
import { useDisplayedRunState } from '../../store/displayClock';
import type { MathContext } from '../../viz/mathContext';
import type { OptimizerSnapshot } from '../../worker/protocol';
import { formatExact, formatValue } from '../format';
import { MATH_DIGITS, plainNumber } from './numbers';

/** One column of the table: its heading, the rule it follows, and its value for parameter i. */
interface Column {
  readonly title: string;
  readonly rule: string;
  readonly value: (i: number) => number;
}

/** What the optimizer remembers, column by column, and a sentence on how the next step reads it. */
function columnsOf(context: MathContext, state: OptimizerSnapshot, rate: number) {
  const { optimizer } = context;
  const { velocity, firstMoment, secondMoment, steps } = state;
  if (optimizer?.kind === 'adam' && firstMoment && secondMoment) {
    const { beta1, beta2, epsilon } = optimizer;
    const correction1 = 1 - beta1 ** steps;
    const correction2 = 1 - beta2 ** steps;
    const mHat = (i: number) => firstMoment[i]! / correction1;
    const vHat = (i: number) => secondMoment[i]! / correction2;
    const columns: Column[] = [
      { title: 'm', rule: '(first moment)', value: (i) => firstMoment[i]! },
      { title: 'v', rule: '(second moment)', value: (i) => secondMoment[i]! },
      { title: 'm̂', rule: '(m / (1 − β1ᵗ))', value: mHat },
      { title: 'v̂', rule: '(v / (1 − β2ᵗ))', value: vHat },
      {
        title: 'Last step',
        rule: '(−η m̂ / (√v̂ + ε))',
        value: (i) => (-rate * mHat(i)) / (Math.sqrt(vHat(i)) + epsilon),
      },
    ];
    const lead =
      `Adam after t = ${steps} steps: m and v are each parameter's running means of its gradient and of ` +
      `its square; bias correction divides them by 1 − β1ᵗ = ${plainNumber(correction1)} and ` +
      `1 − β2ᵗ = ${plainNumber(correction2)}, which undoes their start at 0.`;
    return { columns, lead };
  }
  if (optimizer?.kind === 'rmsprop' && secondMoment) {
    const columns: Column[] = [
      { title: 's', rule: '(mean of g²)', value: (i) => secondMoment[i]! },
      {
        title: '√s + ε',
        rule: '(divides η g)',
        value: (i) => Math.sqrt(secondMoment[i]!) + optimizer.epsilon,
      },
    ];
    const lead =
      `RMSProp after ${steps} steps: s is each parameter's running mean of its squared gradient; each step ` +
      'divides η × g by √s + ε, so a parameter with large gradients takes smaller steps.';
    return { columns, lead };
  }
  if (velocity) {
    const columns: Column[] = [{ title: 'Velocity v', rule: '(the last step)', value: (i) => velocity[i]! }];
    const lead =
      `Momentum: v is each parameter's last step; the next is μ × v − η × g, with μ = ` +
      `${plainNumber(context.momentum)}, so steps that keep their direction grow.`;
    return { columns, lead };
  }
  return null;
}

/**
 * `Optimizer state`: what Momentum, RMSProp or Adam remembers for every parameter after its last step,
 * with the live numbers the next update reads (velocity; the squared-gradient mean; first and second
 * moments with their bias correction). The worker sends it with each frame; a past epoch on the
 * timeline has none recorded.
 */
export function OptimizerState({
  context,
  onScreen,
}: {
  readonly context: MathContext;
  readonly onScreen: boolean;
}) {
  const shown = useDisplayedRunState('formulas', onScreen);
  const { run } = shown;
  const state = run.optimizer ?? null;
  if (context.optimizer === undefined && context.momentum === 0) return null;
  const table =
    state === null || shown.viewEpoch !== null ? null : columnsOf(context, state, run.learningRate);
  const inputs = context.features.length;
  const count = state?.secondMoment?.length ?? state?.velocity?.length ?? 0;
  const hidden = hiddenFromParamCount(count, inputs) ?? context.hidden;
  const names = paramNames(hidden, inputs);
  return (
    <div className="math-gradient-scroll" tabIndex={0} role="group" aria-label="Optimizer state">
      {table === null ? (
        <p className="math-optimizer-lead">
          The optimizer&rsquo;s state is shown for the live run: go back to live on the timeline, or start
          training.
        </p>
      ) : (
        <table className="math-gradient">
          <caption>Optimizer state</caption>
          <thead>
            <tr>
              <th scope="col">Parameter</th>
              {table.columns.map((column) => (
                <th scope="col" key={column.title}>
                  {column.title} <span className="math-gradient-rule">{column.rule}</span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {names.slice(0, count).map((name, index) => (
              <tr key={name}>
                <th scope="row" title={paramRole(hidden, index, context.features)}>
                  {name}
                </th>
                {table.columns.map((column) => {
                  const value = column.value(index);
                  return (
                    <td key={column.title} title={formatExact(value)}>
                      {formatValue(value, MATH_DIGITS)}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {table === null ? null : <p className="math-optimizer-lead">{table.lead}</p>}
    </div>
  );
}

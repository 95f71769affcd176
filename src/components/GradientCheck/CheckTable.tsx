import type { GradientCheck } from '../../core/gradientCheck';
import { formatExact, formatValue } from '../format';
import { errorText } from './verdictWords';

/**
 * Every parameter's two gradients and their relative error; the worst row is marked, the selected one
 * lit (the panel shows its working below).
 */
export function CheckTable({
  check,
  names,
  selected,
}: {
  readonly check: GradientCheck;
  readonly names: readonly string[];
  readonly selected: number;
}) {
  return (
    <table className="gradient-check-table">
      <caption>Backprop against the centred difference</caption>
      <thead>
        <tr>
          <th scope="col">Parameter</th>
          <th scope="col">Backprop dL/dp</th>
          <th scope="col">Difference</th>
          <th scope="col">Relative error</th>
        </tr>
      </thead>
      <tbody>
        {check.params.map((param) => {
          const worst = param.index === check.worst;
          return (
            <tr
              key={param.index}
              className={param.index === selected ? 'is-selected' : undefined}
              data-agrees={param.agrees}
            >
              <th scope="row">
                {names[param.index]}
                {worst ? <span className="gradient-check-worst"> (worst)</span> : null}
              </th>
              <td title={formatExact(param.backprop)}>{formatValue(param.backprop, 6)}</td>
              <td title={formatExact(param.numeric)}>{formatValue(param.numeric, 6)}</td>
              <td title={formatExact(param.relativeError)}>{errorText(param.relativeError)}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

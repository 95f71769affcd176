import type { ParamCheck } from '../../core/gradientCheck';
import { formatExact, formatValue } from '../format';
import { errorText } from './verdictWords';

/** One parameter's check worked out: its value, h, the two losses, the two gradients and their error. */
export function ParamWorking({
  param,
  name,
  value,
}: {
  readonly param: ParamCheck;
  readonly name: string;
  readonly value: number;
}) {
  const rows: [string, string, number][] = [
    [`${name}`, formatValue(value, 6), value],
    ['h', formatValue(param.step, 3), param.step],
    [`L(${name} + h)`, formatValue(param.lossPlus, 10), param.lossPlus],
    [`L(${name} − h)`, formatValue(param.lossMinus, 10), param.lossMinus],
    ['(L(p + h) − L(p − h)) / 2h', formatValue(param.numeric, 8), param.numeric],
    ['Backprop dL/dp', formatValue(param.backprop, 8), param.backprop],
    ['Relative error', errorText(param.relativeError), param.relativeError],
  ];
  return (
    <div role="group" aria-label={`Check of ${name}`}>
      <dl className="gradient-check-working">
        {rows.map(([term, text, exact]) => (
          <div key={term}>
            <dt>{term}</dt>
            <dd title={formatExact(exact)}>{text}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}

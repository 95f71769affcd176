import { useId } from 'react';
import { DEFAULT_FEATURES, type Feature } from '../../core/features';
import { networkParamNames, networkParamRole } from '../../core/layerNames';
import { hiddenSizes, layerPlan, type LayeredShape } from '../../core/layerShape';

interface AxisPickerProps {
  label: string;
  /** The network's hidden layers: every weight and bias of every layer is offered. */
  network: LayeredShape;
  /** The network's inputs: (F + 2)H + 1 parameters with F of them (x1, x2 unless told). */
  features?: readonly Feature[];
  value: number;
  onChange: (param: number) => void;
}

/** A select of every parameter of the network (w1..w6, b1..b3 for the article's) for one axis. */
export function AxisPicker({
  label,
  network,
  features = DEFAULT_FEATURES,
  value,
  onChange,
}: AxisPickerProps) {
  const id = useId();
  const shape = { ...network, features };
  return (
    <div className="landscape-picker">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={String(value)} onChange={(event) => onChange(Number(event.currentTarget.value))}>
        {networkParamNames(shape).map((name, index) => (
          <option key={name} value={String(index)} title={networkParamRole(shape, index, features)}>
            {name}
          </option>
        ))}
      </select>
    </div>
  );
}

/** The two parameters on show. */
export interface AxisChoice {
  readonly x: number;
  readonly y: number;
}

/**
 * The pair shown first: the output layer's first two weights (the article's w5 and w6), or with one
 * neuron in the last hidden layer its output weight and the output bias.
 */
export function defaultAxes(network: LayeredShape, inputs = 2): AxisChoice {
  const plan = layerPlan(hiddenSizes(network), inputs);
  const first = plan.weightStart[plan.layers + 1]!;
  return { x: first, y: plan.sizes[plan.layers]! > 1 ? first + 1 : plan.paramCount - 1 };
}

/**
 * Puts `param` on `axis`. A landscape needs two different parameters, so choosing the one already on
 * the other axis swaps them rather than refusing.
 */
export function chooseAxis(choice: AxisChoice, axis: 'x' | 'y', param: number): AxisChoice {
  if (axis === 'x') return param === choice.y ? { x: param, y: choice.x } : { ...choice, x: param };
  return param === choice.x ? { x: choice.y, y: param } : { ...choice, y: param };
}

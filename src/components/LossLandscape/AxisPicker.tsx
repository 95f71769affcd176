import { useId } from 'react';
import { outputBiasIndex, outputWeightIndex, paramNames, paramRole } from '../../core/architecture';
import { DEFAULT_FEATURES, type Feature } from '../../core/features';

interface AxisPickerProps {
  label: string;
  /** Hidden neurons of the network: its 4H + 1 parameters are offered. */
  hidden: number;
  /** The network's inputs: (F + 2)H + 1 parameters with F of them (x1, x2 unless told). */
  features?: readonly Feature[];
  value: number;
  onChange: (param: number) => void;
}

/** A select of every parameter of the network (w1..w6, b1..b3 for the article's) for one axis. */
export function AxisPicker({ label, hidden, features = DEFAULT_FEATURES, value, onChange }: AxisPickerProps) {
  const id = useId();
  return (
    <div className="landscape-picker">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={String(value)} onChange={(event) => onChange(Number(event.currentTarget.value))}>
        {paramNames(hidden, features.length).map((name, index) => (
          <option key={name} value={String(index)} title={paramRole(hidden, index, features)}>
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
 * hidden neuron its output weight and the output bias.
 */
export function defaultAxes(hidden: number, inputs = 2): AxisChoice {
  return {
    x: outputWeightIndex(hidden, 0, inputs),
    y: hidden > 1 ? outputWeightIndex(hidden, 1, inputs) : outputBiasIndex(hidden, inputs),
  };
}

/**
 * Puts `param` on `axis`. A landscape needs two different parameters, so choosing the one already on
 * the other axis swaps them rather than refusing.
 */
export function chooseAxis(choice: AxisChoice, axis: 'x' | 'y', param: number): AxisChoice {
  if (axis === 'x') return param === choice.y ? { x: param, y: choice.x } : { ...choice, x: param };
  return param === choice.x ? { x: choice.y, y: param } : { ...choice, y: param };
}

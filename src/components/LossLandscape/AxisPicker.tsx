import { useId } from 'react';
import { PARAM_NAMES, PARAM_ROLES } from '../../core/network';

interface AxisPickerProps {
  label: string;
  value: number;
  onChange: (param: number) => void;
}

/** A select of the nine parameters (w1..w6, b1..b3) for one axis. */
export function AxisPicker({ label, value, onChange }: AxisPickerProps) {
  const id = useId();
  return (
    <div className="landscape-picker">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={String(value)} onChange={(event) => onChange(Number(event.currentTarget.value))}>
        {PARAM_NAMES.map((name, index) => (
          <option key={name} value={String(index)} title={PARAM_ROLES[name]}>
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
 * Puts `param` on `axis`. A landscape needs two different parameters, so choosing the one already on
 * the other axis swaps them rather than refusing.
 */
export function chooseAxis(choice: AxisChoice, axis: 'x' | 'y', param: number): AxisChoice {
  if (axis === 'x') return param === choice.y ? { x: param, y: choice.x } : { ...choice, x: param };
  return param === choice.x ? { x: choice.y, y: param } : { ...choice, y: param };
}

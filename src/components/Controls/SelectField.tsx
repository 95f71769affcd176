import { useId } from 'react';

interface SelectFieldProps<T extends string> {
  label: string;
  value: T;
  /** Each option's value and the words shown for it, in order. */
  options: Readonly<Record<T, string>>;
  onChange: (value: T) => void;
}

/** A labelled select over a fixed set of named options. */
export function SelectField<T extends string>({ label, value, options, onChange }: SelectFieldProps<T>) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(event) => onChange(event.currentTarget.value as T)}>
        {(Object.keys(options) as T[]).map((key) => (
          <option key={key} value={key}>
            {options[key]}
          </option>
        ))}
      </select>
    </div>
  );
}

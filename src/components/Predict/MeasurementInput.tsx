import { useId } from 'react';

interface MeasurementInputProps {
  label: string;
  value: string;
  /** What is wrong with the text, in plain words; null when it reads as a measurement. */
  error: string | null;
  onChange: (text: string) => void;
}

/** A labelled text box that keeps whatever was typed and says what is wrong with it, right below. */
export function MeasurementInput({ label, value, error, onChange }: MeasurementInputProps) {
  const id = useId();
  return (
    <div className="field predict-field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="text"
        inputMode="decimal"
        autoComplete="off"
        spellCheck={false}
        value={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        onChange={(event) => onChange(event.currentTarget.value)}
      />
      {error ? (
        <span id={`${id}-error`} className="field-error">
          {error}
        </span>
      ) : null}
    </div>
  );
}

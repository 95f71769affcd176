import { useId, useState, type ReactNode } from 'react';

export type ParseResult<T> = { ok: true; value: T } | { ok: false; message: string };

interface NumberFieldProps<T> {
  label: ReactNode;
  /** The committed value, shown when the user is not mid-edit. */
  value: T;
  format: (value: T) => string;
  /** Turns the typed text into a value, or says in plain words what is wrong with it. */
  parse: (text: string) => ParseResult<T>;
  onCommit: (value: T) => void;
  hint?: string;
  inputMode?: 'numeric' | 'decimal';
  /** `number` gives a spin button (arrow keys step it); `text` accepts anything and explains. */
  type?: 'number' | 'text';
  className?: string;
}

/** What a number box holds when the browser could not read it as a number (its `value` is then ''). */
const UNREADABLE = '\u0000unreadable';

/**
 * A text box for a number that never loses what was typed: a bad value stays in the box, marked
 * invalid with its reason next to it, and only a good value reaches the lab.
 */
export function NumberField<T>(props: NumberFieldProps<T>) {
  const { label, value, format, parse, onCommit, hint, inputMode, type = 'text', className } = props;
  const id = useId();
  const [draft, setDraft] = useState<string | null>(null);
  const unreadable = draft === UNREADABLE;
  const text = unreadable ? '' : (draft ?? format(value));
  const result = draft === null || unreadable ? null : parse(draft);
  const error = unreadable ? 'That is not a number.' : result && !result.ok ? result.message : null;
  return (
    <div className={`field ${className ?? ''}`}>
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type={type}
        inputMode={inputMode ?? 'numeric'}
        value={text}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : hint ? `${id}-hint` : undefined}
        onChange={(event) => {
          const input = event.currentTarget;
          // The browser keeps showing what was typed; we only learn that it is not a number.
          if (input.validity.badInput) return setDraft(UNREADABLE);
          const typed = input.value;
          setDraft(typed);
          const parsed = parse(typed);
          if (parsed.ok) onCommit(parsed.value);
        }}
        onBlur={() => {
          // A good value is shown as the lab formats it; a bad one stays as typed.
          if (draft !== null && !unreadable && parse(draft).ok) setDraft(null);
        }}
      />
      {error ? (
        <span id={`${id}-error`} className="field-error" role="alert">
          {error}
        </span>
      ) : hint ? (
        <span id={`${id}-hint`} className="field-hint">
          {hint}
        </span>
      ) : null}
    </div>
  );
}

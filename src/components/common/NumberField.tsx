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
 * Whether an input event is the browser stepping a number box (its arrows, the arrow keys): that gives
 * a whole value at once. Typing, pasting and deleting are InputEvents with an `inputType`.
 */
function isStep(event: Event): boolean {
  return !('inputType' in event) || event.inputType === '';
}

/**
 * A text box for a number that never loses what was typed: a bad value stays in the box, marked
 * invalid with its reason next to it, and only a good value reaches the lab. Typed text is applied
 * whole, on Enter or on leaving the box, never on a keystroke: a keystroke may be a prefix of a value
 * that will be refused (`1` of `1e309`, `10000` of `100001`).
 */
export function NumberField<T>(props: NumberFieldProps<T>) {
  const { label, value, format, parse, onCommit, hint, inputMode, type = 'text', className } = props;
  const id = useId();
  const [draft, setDraft] = useState<string | null>(null);
  const unreadable = draft === UNREADABLE;
  const text = unreadable ? '' : (draft ?? format(value));
  const result = draft === null || unreadable ? null : parse(draft);
  const error = unreadable ? 'That is not a number.' : result && !result.ok ? result.message : null;
  const apply = (typed: string | null): void => {
    if (typed === null || typed === UNREADABLE) return;
    const parsed = parse(typed);
    if (parsed.ok) onCommit(parsed.value);
  };
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
          if (isStep(event.nativeEvent)) apply(typed);
        }}
        onKeyDown={(event) => {
          if (event.key === 'Enter') apply(draft);
        }}
        onBlur={() => {
          apply(draft);
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

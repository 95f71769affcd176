import { memo, useId, useState } from 'react';
import type { Person } from '../../core/dataset';
import { updatePerson } from '../../store/actions';

/** The table's text columns; also the `data-col` that Enter navigation moves along. */
export type TextColumn = 'name' | 'weight' | 'height' | 'target';

interface CellInputProps {
  personId: string;
  row: number;
  column: TextColumn;
  /** The accessible name; it repeats per row (the column header says the same). */
  label: string;
  value: string;
  /** What is wrong with the value, in plain words; undefined when it is fine. */
  problem: string | undefined;
  inputMode?: 'text' | 'decimal';
}

/**
 * One editable cell. Every keystroke goes to the store as typed (the store keeps strings), so a bad
 * value stays visible and explains itself. An empty cell says so only once it has been left: a person
 * just added is not greeted by "Weight is empty" before anything could be typed. Memoized: props are primitives, so a frame of training or an
 * edit in another row does not re-render it.
 */
export const CellInput = memo(function CellInput(props: CellInputProps) {
  const { personId, row, column, label, value, problem, inputMode = 'text' } = props;
  const errorId = useId();
  const [left, setLeft] = useState(false);
  const shown = value.trim() === '' && !left ? undefined : problem;
  return (
    <div className={`dataset-cell dataset-cell-${column}`}>
      <input
        type="text"
        className="dataset-input"
        aria-label={label}
        value={value}
        inputMode={inputMode}
        autoComplete="off"
        spellCheck={false}
        data-row={row}
        data-col={column}
        aria-invalid={shown ? true : undefined}
        aria-describedby={shown ? errorId : undefined}
        onBlur={() => setLeft(true)}
        onChange={(event) => {
          const patch: Partial<Omit<Person, 'id'>> = { [column]: event.currentTarget.value };
          updatePerson(personId, patch);
        }}
      />
      {shown ? (
        <span id={errorId} className="dataset-error">
          {shown}
        </span>
      ) : null}
    </div>
  );
});

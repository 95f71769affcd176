import { memo, useId } from 'react';
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
 * value stays visible and explains itself. Memoized: props are primitives, so a frame of training or an
 * edit in another row does not re-render it.
 */
export const CellInput = memo(function CellInput(props: CellInputProps) {
  const { personId, row, column, label, value, problem, inputMode = 'text' } = props;
  const errorId = useId();
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
        aria-invalid={problem ? true : undefined}
        aria-describedby={problem ? errorId : undefined}
        onChange={(event) => {
          const patch: Partial<Omit<Person, 'id'>> = { [column]: event.currentTarget.value };
          updatePerson(personId, patch);
        }}
      />
      {problem ? (
        <span id={errorId} className="dataset-error">
          {problem}
        </span>
      ) : null}
    </div>
  );
});

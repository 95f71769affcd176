import { useEffect, useId, useRef } from 'react';
import { formatCount } from '../format';

interface ReplaceConfirmProps {
  /** How many rows the table has now: what the import would replace. */
  readonly rows: number;
  /** How many lines the pasted text has (a header line included). */
  readonly lines: number;
  readonly onReplace: () => void;
  readonly onCancel: () => void;
}

function plural(count: number, one: string, many: string): string {
  return `${formatCount(count)} ${count === 1 ? one : many}`;
}

/**
 * The question an import of pasted text asks before it replaces the table, in the page (not a browser
 * prompt): a paste is easy to import by mistake, and the table may be the user's own typing. Replace
 * is focused; Escape cancels. Undo puts the table back either way.
 */
export function ReplaceConfirm({ rows, lines, onReplace, onCancel }: ReplaceConfirmProps) {
  const questionId = useId();
  const replaceRef = useRef<HTMLButtonElement>(null);
  useEffect(() => replaceRef.current?.focus(), []);
  return (
    <div
      className="dataio-confirm"
      role="group"
      aria-labelledby={questionId}
      onKeyDown={(event) => {
        if (event.key !== 'Escape') return;
        event.preventDefault();
        onCancel();
      }}
    >
      <p id={questionId}>
        Replace the table’s {plural(rows, 'row', 'rows')} with the pasted text (
        {plural(lines, 'line', 'lines')})? Undo puts the table back.
      </p>
      <div className="dataio-confirm-buttons">
        <button type="button" ref={replaceRef} className="primary" onClick={onReplace}>
          Replace the table
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </div>
  );
}

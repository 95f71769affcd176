import { useCallback, type KeyboardEvent } from 'react';
import { redoTableEdit, undoTableEdit } from '../../store/actions';

/** Ctrl/Cmd+Z undoes; Ctrl/Cmd+Shift+Z and Ctrl+Y redo. */
function undoKey(event: KeyboardEvent): 'undo' | 'redo' | null {
  if (event.altKey || !(event.ctrlKey || event.metaKey)) return null;
  const key = event.key.toLowerCase();
  if (key === 'z') return event.shiftKey ? 'redo' : 'undo';
  if (key === 'y' && event.ctrlKey && !event.shiftKey) return 'redo';
  return null;
}

/**
 * Spreadsheet keys for the dataset, on the element that wraps the table: Enter moves to the same
 * column in the next row (Shift+Enter the previous one; on the last row it stays put), Tab keeps the
 * native order, and undo/redo act on the table's edits. Only keys pressed inside are taken, so native
 * undo elsewhere on the page keeps working. `focusCell` scrolls a row that is not rendered into view.
 */
export function useTableKeys(
  rowCount: number,
  focusCell: (row: number, column: string) => void,
): (event: KeyboardEvent<HTMLElement>) => void {
  return useCallback(
    (event: KeyboardEvent<HTMLElement>) => {
      const history = undoKey(event);
      if (history) {
        event.preventDefault();
        if (history === 'undo') undoTableEdit();
        else redoTableEdit();
        return;
      }
      if (event.key !== 'Enter' || event.altKey || event.ctrlKey || event.metaKey) return;
      const target = event.target;
      if (!(target instanceof HTMLInputElement || target instanceof HTMLSelectElement)) return;
      event.preventDefault();
      const row = Number(target.dataset.row) + (event.shiftKey ? -1 : 1);
      const column = target.dataset.col;
      if (!Number.isInteger(row) || row < 0 || row >= rowCount || column === undefined) return;
      focusCell(row, column);
    },
    [rowCount, focusCell],
  );
}

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

/** The same column one row down (or up); null past the first or last row. */
function cellBelow(container: HTMLElement, from: HTMLElement, step: 1 | -1): HTMLElement | null {
  const row = Number(from.dataset.row);
  const column = from.dataset.col;
  if (!Number.isInteger(row) || column === undefined) return null;
  return container.querySelector<HTMLElement>(`[data-row="${row + step}"][data-col="${column}"]`);
}

/**
 * Spreadsheet keys for the dataset, on the element that wraps the table: Enter moves to the same
 * column in the next row (Shift+Enter the previous one; on the last row it stays put), Tab keeps the
 * native order, and undo/redo act on the table's edits. Only keys pressed inside are taken, so native
 * undo elsewhere on the page keeps working.
 */
export function useTableKeys(): (event: KeyboardEvent<HTMLElement>) => void {
  return useCallback((event: KeyboardEvent<HTMLElement>) => {
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
    const next = cellBelow(event.currentTarget, target, event.shiftKey ? -1 : 1);
    if (!next) return;
    next.focus();
    if (next instanceof HTMLInputElement) next.select();
  }, []);
}

import type { Person } from '../core/dataset';

/** Typing into one cell within this long of the last keystroke stays one undo step. */
export const TYPING_BURST_MS = 1000;

/** `id.field` when exactly one cell differs between two tables, else null (a structural edit). */
export function changedCell(before: readonly Person[], after: readonly Person[]): string | null {
  if (before.length !== after.length) return null;
  let cell: string | null = null;
  for (let i = 0; i < after.length; i++) {
    const a = before[i]!;
    const b = after[i]!;
    if (a === b) continue;
    if (a.id !== b.id || cell !== null) return null;
    const fields = (['name', 'weight', 'height', 'gender'] as const).filter((field) => a[field] !== b[field]);
    if (fields.length !== 1) return null;
    cell = `${a.id}.${fields[0]}`;
  }
  return cell;
}

/**
 * Decides whether zundo saves an undo step: a burst of keystrokes in one cell makes one step (the
 * table as it was before the first keystroke); any other edit always makes its own.
 */
export function createTypingBurstGate(now: () => number = () => performance.now()) {
  let lastCell: string | null = null;
  let lastAt = -Infinity;
  return (before: readonly Person[], after: readonly Person[]): boolean => {
    const cell = changedCell(before, after);
    const at = now();
    const sameBurst = cell !== null && cell === lastCell && at - lastAt < TYPING_BURST_MS;
    lastCell = cell;
    lastAt = at;
    return !sameBurst;
  };
}

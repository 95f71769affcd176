import type { RunState } from './runStore';

/**
 * Why the views show a row: the user picked it; `Step sample` just trained it (its exact step is
 * known); `Step sample` trains it next; or the timeline shows the past, where no step is next.
 */
export type FollowReason = 'selected' | 'just-trained' | 'next' | 'past';

export interface FollowedRow {
  readonly row: number;
  readonly why: FollowReason;
}

/**
 * The row the Network figure and the Math view follow. Unless the user picked one, it is what the
 * worker says `Step sample` trains next (the trainer's own cursor and order), except right after
 * `Step sample`, when the step just taken is explained. A run that played and paused has no exact last
 * step, so it never shows the row trained last as if it came next.
 */
export function followedRow(
  selected: number | null,
  run: Pick<RunState, 'sample' | 'nextRow'>,
  viewingPast: boolean,
): FollowedRow {
  if (selected !== null) return { row: selected, why: 'selected' };
  const fallback = run.nextRow ?? 0;
  if (viewingPast) return { row: fallback, why: 'past' };
  if (run.sample?.paramsBefore) return { row: run.sample.row, why: 'just-trained' };
  return { row: fallback, why: 'next' };
}

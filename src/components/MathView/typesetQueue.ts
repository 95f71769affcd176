/**
 * Takes turns for formulas to re-typeset while training runs: one formula per turn, turns at least a
 * frame apart. Swapping all five formulas' KaTeX markup in one task costs the page about 30 ms of layout
 * on top of the typesetting (a task over the 50 ms budget); one at a time, each fits in a frame.
 */
const TURN_MS = 20;

const waiting: (() => void)[] = [];
let timer: ReturnType<typeof setTimeout> | null = null;

function takeTurn(): void {
  timer = null;
  const job = waiting.shift();
  job?.();
  if (waiting.length > 0) timer = setTimeout(takeTurn, TURN_MS);
}

/** Runs `job` on its turn; the returned function withdraws it if it has not run yet. */
export function queueTypeset(job: () => void): () => void {
  waiting.push(job);
  timer ??= setTimeout(takeTurn, 0);
  return () => {
    const at = waiting.indexOf(job);
    if (at >= 0) waiting.splice(at, 1);
  };
}

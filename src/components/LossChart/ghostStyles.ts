import type { KeptRun } from '../../core/lossCurve';

/** How one kept run's ghost is drawn: a colour and a dash, so it is told apart with or without colour. */
export interface GhostStyle {
  readonly color: string;
  readonly dash: string;
}

/**
 * Okabe–Ito's colour-blind-safe palette without its blues (the live curve is the accent blue) and its
 * yellow (too faint on white), each paired with its own dash pattern. Five: the store keeps at most five.
 */
export const GHOST_STYLES: readonly GhostStyle[] = [
  { color: '#D55E00', dash: '6 3' }, // vermillion
  { color: '#009E73', dash: '2 3' }, // bluish green
  { color: '#CC79A7', dash: '10 3 2 3' }, // reddish purple
  { color: '#E69F00', dash: '12 5' }, // orange
  { color: '#56B4E9', dash: '1 2 5 2' }, // sky blue
];

/**
 * Which style each kept run wears, by run id. A run keeps its style for as long as it is kept (removing
 * one ghost never recolours the others); a new run takes the first style no kept run is wearing.
 */
export function assignStyleSlots(
  previous: ReadonlyMap<number, number>,
  runs: readonly KeptRun[],
): Map<number, number> {
  const slots = new Map<number, number>();
  for (const run of runs) {
    const slot = previous.get(run.id);
    if (slot !== undefined) slots.set(run.id, slot);
  }
  const taken = new Set(slots.values());
  for (const run of runs) {
    if (slots.has(run.id)) continue;
    let slot = 0;
    while (taken.has(slot) && slot < GHOST_STYLES.length - 1) slot++;
    taken.add(slot);
    slots.set(run.id, slot);
  }
  return slots;
}

export function ghostStyleOf(slots: ReadonlyMap<number, number>, id: number): GhostStyle {
  return GHOST_STYLES[slots.get(id) ?? 0] ?? GHOST_STYLES[0]!;
}

import { useMemo, useState } from 'react';
import type { KeptRun } from '../../core/lossCurve';
import { GhostLayer, ghostBounds, type GhostBounds, type GhostFrame } from './ghostLayer';
import { assignStyleSlots, ghostStyleOf, type GhostStyle } from './ghostStyles';

/** The kept runs' reach on both axes; recomputed only when a run is kept or removed. */
export function useGhostBounds(runs: readonly KeptRun[]): GhostBounds {
  return useMemo(() => ghostBounds(runs), [runs]);
}

/** Each kept run's style by id, stable for as long as the run is kept. */
export function useGhostStyles(runs: readonly KeptRun[]): (id: number) => GhostStyle {
  // The previous assignment is remembered so removing a ghost never recolours the others.
  const [memory, setMemory] = useState(() => ({ runs, slots: assignStyleSlots(new Map(), runs) }));
  let current = memory;
  if (memory.runs !== runs) {
    current = { runs, slots: assignStyleSlots(memory.slots, runs) };
    setMemory(current);
  }
  const { slots } = current;
  return useMemo(() => (id: number) => ghostStyleOf(slots, id), [slots]);
}

/**
 * The ghosts' `d`s (in the order of `runs`). Only plain numbers of the frame are dependencies, so a
 * training frame that moves neither axis a step returns the same array without touching a kept run.
 */
export function useGhostPaths(runs: readonly KeptRun[], frame: GhostFrame): readonly string[] {
  const [layer] = useState(() => new GhostLayer());
  const { width, domainEnd, mode, yLow, yHigh, height } = frame;
  return useMemo(
    () => layer.paths(runs, { width, domainEnd, mode, yLow, yHigh, height }),
    [layer, runs, width, domainEnd, mode, yLow, yHigh, height],
  );
}

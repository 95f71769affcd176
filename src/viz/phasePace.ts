/** Slowest and fastest time a phase stays on screen while `Play phases` runs. */
const SLOWEST_PHASE_MS = 2500;
const FASTEST_PHASE_MS = 600;

/**
 * How long each phase stays while playing: it follows the `Speed` slider (epochs per second, null = as
 * fast as possible) on a log scale, from 2.5 s at 1 epoch/s down to 0.6 s, slow enough to read. With
 * reduced motion the walkthrough takes the slowest pace.
 */
export function phaseInterval(speed: number | null, reducedMotion: boolean): number {
  if (reducedMotion) return SLOWEST_PHASE_MS;
  if (speed === null) return FASTEST_PHASE_MS;
  const slowed = SLOWEST_PHASE_MS - 500 * Math.log10(Math.max(speed, 1));
  return Math.round(Math.max(FASTEST_PHASE_MS, slowed));
}

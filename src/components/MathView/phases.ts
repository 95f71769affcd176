import { STEP_PHASES, type StepPhase } from '../../core/stepPhases';
import type { FormulaId } from './formulas';

export const PHASE_LABELS: Readonly<Record<StepPhase, string>> = {
  forward: 'Forward',
  loss: 'Loss',
  backward: 'Backward',
  update: 'Update',
};

/** Which formulas light up in each phase. */
const PHASE_FORMULAS: Readonly<Record<StepPhase, readonly FormulaId[]>> = {
  forward: ['neuron', 'feedforward'],
  loss: ['loss'],
  backward: ['backprop'],
  update: ['update'],
};

export function isFormulaActive(phase: StepPhase | null, formula: FormulaId): boolean {
  return phase !== null && PHASE_FORMULAS[phase].includes(formula);
}

/** "Phase 2 of 4: Loss". */
export function phaseIndicator(phase: StepPhase | null): string {
  if (phase === null) return 'No phase shown yet';
  return `Phase ${STEP_PHASES.indexOf(phase) + 1} of ${STEP_PHASES.length}: ${PHASE_LABELS[phase]}`;
}

/** Slowest and fastest time a phase stays on screen while `Play phases` runs. */
export const SLOWEST_PHASE_MS = 2500;
export const FASTEST_PHASE_MS = 600;

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

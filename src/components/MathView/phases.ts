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

import { nextStepPhase, previousStepPhase } from '../../store/actions';
import { STEP_PHASES } from '../../core/stepPhases';
import { useRun } from '../../store/runStore';
import { PhaseExplanation } from './PhaseGuide';
import type { MathContext } from '../../viz/mathContext';
import { phaseIndicator } from './phases';
import { usePhasePlayback } from './usePhasePlayback';

/**
 * `Previous phase`, `Next phase` and `Play phases`, the indicator ("Phase 2 of 4: Loss") and the
 * phase's explanation. At either end a button stays focusable but does nothing (aria-disabled), so
 * keyboard focus is never dropped.
 */
export function PhaseControls({ context }: { readonly context: MathContext }) {
  const phase = useRun((state) => state.stepPhase);
  const { playing, toggle } = usePhasePlayback();
  const atStart = phase === null || phase === STEP_PHASES[0];
  const atEnd = phase === STEP_PHASES[STEP_PHASES.length - 1];
  return (
    <div className="math-phases">
      <div className="math-phase-buttons">
        <button type="button" aria-disabled={atStart} onClick={() => !atStart && previousStepPhase()}>
          Previous phase
        </button>
        <button type="button" aria-disabled={atEnd} onClick={() => !atEnd && nextStepPhase()}>
          Next phase
        </button>
        <button type="button" onClick={toggle}>
          {playing ? 'Pause phases' : 'Play phases'}
        </button>
      </div>
      <p className="math-phase-indicator" aria-live="polite">
        {phaseIndicator(phase)}
      </p>
      <PhaseExplanation phase={phase} context={context} />
    </div>
  );
}

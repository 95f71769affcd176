import { useMemo, type CSSProperties } from 'react';
import { useStepRecord, type StepRecord } from '../../store/derived';
import { useLab } from '../../store/labStore';
import { useRun } from '../../store/runStore';
import { phaseInterval } from '../../viz/phasePace';
import { useMathContext } from '../common/useMathContext';
import { stepPhaseView, type PhaseView } from './stepPhaseView';

/** The wave has five stages (inputs, hidden weights, hidden neurons, output weights, output). */
const WAVE_STAGES = 5;

/**
 * The SGD-step phase the figure highlights, read from the same step record as the Math view (so the
 * numbers match), and the wave's pace: its stagger follows `Speed` like `Play phases`, so the whole
 * wave fits inside the time one phase stays on screen. Null when no phase is shown.
 */
export interface ShownPhase {
  view: PhaseView | null;
  /** The step explained; null when no phase is shown. */
  record: StepRecord | null;
  /** CSS custom properties pacing the wave. */
  timing: CSSProperties;
}

export function usePhaseView(): ShownPhase {
  const phase = useRun((state) => state.stepPhase);
  const speed = useLab((state) => state.settings.speed);
  // As in the Math view: while training runs, the explained step refreshes at the formulas' cadence; with
  // no phase shown nothing here reads it, so it holds still rather than redraw the figure twice a second.
  const record = useStepRecord('formulas', phase !== null);
  const context = useMathContext(record);
  const view = useMemo(
    () => (phase && record && context ? stepPhaseView(record, phase, context) : null),
    [phase, record, context],
  );
  const stagger = Math.round(phaseInterval(speed, false) / (WAVE_STAGES + 3));
  const timing = {
    '--phase-stagger': `${stagger}ms`,
    '--phase-duration': `${stagger * 2}ms`,
  } as CSSProperties;
  return { view, record: view ? record : null, timing };
}

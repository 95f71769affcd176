import { useEffect, useState } from 'react';
import { nextStepPhase, setStepPhase } from '../../store/actions';
import { useLab } from '../../store/labStore';
import { runStore, useRun } from '../../store/runStore';
import { phaseInterval } from '../../viz/phasePace';

function prefersReducedMotion(): boolean {
  return (
    typeof window.matchMedia === 'function' && window.matchMedia('(prefers-reduced-motion: reduce)').matches
  );
}

/**
 * `Play phases`: walks forward → loss → backward → update by itself, one phase per interval (paced by
 * `Speed`, slowest with reduced motion), and stops after showing update. Pressing it again pauses.
 */
export function usePhasePlayback(): { playing: boolean; toggle: () => void } {
  const [playing, setPlaying] = useState(false);
  const phase = useRun((state) => state.stepPhase);
  const speed = useLab((state) => state.settings.speed);

  // Restarts on every phase change, so a phase always gets its full time, even after a manual step.
  useEffect(() => {
    if (!playing) return;
    const timer = window.setTimeout(
      () => {
        if (runStore.getState().stepPhase === 'update') setPlaying(false);
        else nextStepPhase();
      },
      phaseInterval(speed, prefersReducedMotion()),
    );
    return () => window.clearTimeout(timer);
  }, [playing, phase, speed]);

  const toggle = (): void => {
    if (playing) {
      setPlaying(false);
      return;
    }
    const current = runStore.getState().stepPhase;
    if (current === null || current === 'update') setStepPhase('forward');
    setPlaying(true);
  };
  return { playing, toggle };
}

import { useRun } from '../../store/runStore';
import { reset, stepEpoch, stepSample, togglePlay } from '../../store/actions';

/** Play/Pause, Step sample, Step epoch, Reset. */
export function RunControls() {
  const running = useRun((state) => state.run.status === 'running');
  return (
    <div className="run-controls" role="group" aria-label="Run">
      <button type="button" className="primary" onClick={togglePlay} aria-keyshortcuts="Space">
        {running ? 'Pause' : 'Play'}
      </button>
      <button type="button" onClick={stepSample} aria-keyshortcuts="ArrowRight">
        Step sample
      </button>
      <button type="button" onClick={stepEpoch} aria-keyshortcuts="Shift+ArrowRight">
        Step epoch
      </button>
      <button type="button" onClick={reset} aria-keyshortcuts="R">
        Reset
      </button>
    </div>
  );
}

import { useRun } from '../../store/runStore';
import { reset, stepEpoch, stepSample, togglePlay } from '../../store/actions';
import { WORKER_FAILURE_ID } from '../common/workerFailure';
import { ArticleExample } from './ArticleExample';

/** Play/Pause, Step sample, Step epoch, Reset, and the article's worked example one click away. */
export function RunControls() {
  const running = useRun((state) => state.run.status === 'running');
  // With no worker left, Play cannot train: it says so (through the status line that tells why).
  const noWorker = useRun((state) => state.workerError !== null);
  return (
    <div className="run-controls" role="group" aria-label="Run">
      <button
        type="button"
        className="primary"
        onClick={togglePlay}
        aria-keyshortcuts="Space"
        aria-disabled={noWorker || undefined}
        aria-describedby={noWorker ? WORKER_FAILURE_ID : undefined}
        title={noWorker ? 'The training worker failed; reload the page to train again.' : undefined}
      >
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
      <ArticleExample />
    </div>
  );
}

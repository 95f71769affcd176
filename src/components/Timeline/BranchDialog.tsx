import { useEffect, useRef } from 'react';
import { answerBranchQuestion } from '../../store/actions';
import { useRun } from '../../store/runStore';
import { formatCount } from '../format';

/**
 * The question itself. Rendered only while asking: the closed dialog stays empty, so training frames
 * (which move the live epoch) never re-render it.
 */
function BranchQuestion() {
  const viewed = useRun((state) => state.viewEpoch);
  const liveEpoch = useRun((state) => state.run.epoch);
  return (
    <>
      <h2 id="branch-title">Play from epoch {formatCount(viewed ?? 0)}?</h2>
      <p>
        Branching trains on from the epoch you are viewing and drops the history after it (epochs{' '}
        {formatCount((viewed ?? 0) + 1)} to {formatCount(liveEpoch)}). Going back to live keeps everything and
        plays on from epoch {formatCount(liveEpoch)}.
      </p>
      <div className="branch-actions">
        <button type="button" className="primary" onClick={() => answerBranchQuestion('branch')}>
          Branch from here
        </button>
        <button type="button" onClick={() => answerBranchQuestion('live')}>
          Back to live and play
        </button>
        <button type="button" onClick={() => answerBranchQuestion('cancel')}>
          Cancel
        </button>
      </div>
    </>
  );
}

/** Play pressed while viewing the past: branch from there (dropping later history) or go back to live. */
export function BranchDialog() {
  const asking = useRun((state) => state.askingToBranch);
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (asking && !dialog.open) dialog.showModal?.();
    if (!asking && dialog.open) dialog.close?.();
  }, [asking]);
  return (
    <dialog
      ref={ref}
      className="branch-dialog"
      aria-labelledby="branch-title"
      onCancel={() => answerBranchQuestion('cancel')}
    >
      {asking ? <BranchQuestion /> : null}
    </dialog>
  );
}

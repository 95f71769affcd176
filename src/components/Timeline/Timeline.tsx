import { useId, type KeyboardEvent } from 'react';
import { backToLive, viewEpoch } from '../../store/actions';
import { useDisplayedRun } from '../../store/displayClock';
import { useRun, type RunStoreState } from '../../store/runStore';
import { runHistory } from '../../store/runHistory';
import { formatCount, formatLoss } from '../format';
import { BranchDialog } from './BranchDialog';
import './Timeline.css';

/** The record one step before or after the shown epoch (kept records only, so thinned gaps are jumped). */
function neighbourEpoch(shown: number, direction: -1 | 1): number {
  const index = runHistory.nearestIndex(shown) + direction;
  return runHistory.epochAt(Math.min(Math.max(index, 0), runHistory.length - 1));
}

const historyVersionOf = (state: RunStoreState): number => state.historyVersion;

/**
 * `Timeline`: a slider over the recorded epochs. Moving it shows every view at that epoch; the end
 * of the track is live. Where the history has thinned, it lands on the nearest kept epoch and says so.
 * While training runs live it follows the history four times a second, not at every frame.
 */
export function Timeline() {
  const id = useId();
  useDisplayedRun(historyVersionOf, 'timeline'); // re-read the history when it changes (calmly while training runs live)
  const viewed = useRun((state) => state.viewEpoch);
  const count = runHistory.length;
  if (count === 0) return null;
  const first = runHistory.epochAt(0);
  const last = Math.max(runHistory.lastEpoch(), first);
  const shown = viewed ?? last;
  const index = runHistory.nearestIndex(shown);
  const loss = index >= 0 ? runHistory.lossAt(index) : Number.NaN;
  const stride = runHistory.stride;
  const valueText = `Epoch ${formatCount(shown)}${viewed === null ? ' (live)' : ''}`;

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>): void => {
    if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') return;
    event.preventDefault();
    viewEpoch(neighbourEpoch(shown, event.key === 'ArrowLeft' ? -1 : 1));
  };

  return (
    <div className="timeline" data-own-keys>
      <div className="timeline-row">
        <label htmlFor={id}>Timeline</label>
        <input
          id={id}
          type="range"
          min={first}
          max={last}
          step={1}
          value={shown}
          aria-valuetext={valueText}
          onChange={(event) => viewEpoch(Number(event.currentTarget.value))}
          onKeyDown={onKeyDown}
        />
      </div>
      <p className="timeline-status" aria-live="polite">
        {viewed === null ? (
          <>
            Live: epoch {formatCount(last)}.
            {/* One record (a new run, or one resumed after a reload, which keeps no curve): nothing to drag to. */}
            {last > first ? ' Drag the timeline to look back.' : ''}
          </>
        ) : (
          <>
            <strong>
              Viewing epoch {formatCount(viewed)} (loss {formatLoss(loss)})
            </strong>
            {stride > 1
              ? ` — the history keeps every ${formatCount(stride)}th epoch here, so this is the nearest kept one.`
              : '.'}{' '}
            <button type="button" onClick={backToLive}>
              Back to live
            </button>
          </>
        )}
      </p>
      <BranchDialog />
    </div>
  );
}

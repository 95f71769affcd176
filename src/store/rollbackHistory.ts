import type { FrameMessage } from '../worker/protocol';
import { runHistory } from './runHistory';

/**
 * A run that blew up went back to its last good epoch: the epochs after it that already reached the
 * history are gone from the run, so they go from the history too (the next epochs follow the good one).
 * Returns whether any record was dropped.
 */
export function dropRolledBackEpochs(frame: FrameMessage): boolean {
  if (frame.notice?.kind !== 'diverged') return false;
  const before = runHistory.length;
  runHistory.truncateAfter(frame.notice.lastGoodEpoch);
  return runHistory.length !== before;
}

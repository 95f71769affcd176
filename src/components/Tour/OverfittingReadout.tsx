import { useRun } from '../../store/runStore';
import { runHistory } from '../../store/runHistory';
import { formatCount, formatLoss } from '../format';

/** The overfitting step's numbers: the latest epoch's training loss and test loss, side by side. */
export function OverfittingReadout() {
  useRun((state) => state.historyVersion);
  const last = runHistory.length - 1;
  if (last < 0) return <p>No epochs yet.</p>;
  return (
    <p>
      Epoch {formatCount(runHistory.epochAt(last))}: training loss{' '}
      <strong>{formatLoss(runHistory.lossAt(last))}</strong>, test loss{' '}
      <strong>{formatLoss(runHistory.testLossAt(last))}</strong>
    </p>
  );
}

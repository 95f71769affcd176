import { useRun } from '../../store/runStore';
import { runHistory } from '../../store/runHistory';
import { useHasTestRows } from '../../store/split';
import type { MetricKind } from '../../core/netLoss';
import { formatExact, formatLoss } from '../format';

/**
 * `Test loss` and `Test accuracy` (`Test MAE` for a numeric target): the rows the training share holds out,
 * as the worker measured them after the latest epoch, or after the epoch the timeline shows. Nothing
 * without test rows.
 */
export function TestFigures({ metric = 'accuracy' }: { metric?: MetricKind }) {
  const hasTestRows = useHasTestRows();
  useRun((state) => state.historyVersion);
  const viewedEpoch = useRun((state) => state.viewed?.epoch ?? null);
  if (!hasTestRows) return null;
  const index = viewedEpoch === null ? runHistory.length - 1 : runHistory.nearestIndex(viewedEpoch);
  const loss = index < 0 ? Number.NaN : runHistory.testLossAt(index);
  const accuracy = index < 0 ? Number.NaN : runHistory.testAccuracyAt(index);
  return (
    <>
      <span className="status-item" title={formatExact(loss)}>
        <span className="status-label">Test loss</span>{' '}
        <span className="status-value">{formatLoss(loss)}</span>
      </span>
      {metric === 'mae' ? (
        <span className="status-item" title="Mean |target − output| over the test rows">
          <span className="status-label">Test MAE</span>{' '}
          <span className="status-value">{formatLoss(accuracy)}</span>
        </span>
      ) : (
        <span className="status-item" title="Test rows on the right side of 0.5">
          <span className="status-label">Test accuracy</span>{' '}
          <span className="status-value">
            {Number.isNaN(accuracy) ? '—' : `${Math.round(accuracy * 100)} %`}
          </span>
        </span>
      )}
    </>
  );
}

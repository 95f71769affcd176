import { memo } from 'react';
import { runHistory } from '../../store/runHistory';
import { useHasTestRows } from '../../store/split';
import type { MetricKind } from '../../core/netLoss';
import { formatExact, formatLoss } from '../format';
import { StatusValue } from './StatusValue';

interface TestFiguresProps {
  readonly metric?: MetricKind;
  /** The status's beat: the history is read here, and only re-read when it has moved. */
  readonly historyVersion: number;
  /** The epoch the timeline shows, or null: the latest. */
  readonly viewedEpoch: number | null;
}

/**
 * `Test loss` and `Test accuracy` (`Test MAE` for a numeric target): the rows the training share holds out,
 * as the worker measured them after the latest epoch, or after the epoch the timeline shows. Nothing
 * without test rows.
 */
export const TestFigures = memo(function TestFigures({ metric = 'accuracy', viewedEpoch }: TestFiguresProps) {
  const hasTestRows = useHasTestRows();
  if (!hasTestRows) return null;
  const index = viewedEpoch === null ? runHistory.length - 1 : runHistory.nearestIndex(viewedEpoch);
  const loss = index < 0 ? Number.NaN : runHistory.testLossAt(index);
  const accuracy = index < 0 ? Number.NaN : runHistory.testAccuracyAt(index);
  return (
    <>
      <span className="status-item" title={formatExact(loss)}>
        <span className="status-label">Test loss</span> <StatusValue text={formatLoss(loss)} minChars={7} />
      </span>
      {metric === 'mae' ? (
        <span className="status-item" title="Mean |target − output| over the test rows">
          <span className="status-label">Test MAE</span>{' '}
          <StatusValue text={formatLoss(accuracy)} minChars={7} />
        </span>
      ) : (
        <span className="status-item" title="Test rows on the right side of 0.5">
          <span className="status-label">Test accuracy</span>{' '}
          <StatusValue text={Number.isNaN(accuracy) ? '—' : `${Math.round(accuracy * 100)} %`} minChars={5} />
        </span>
      )}
    </>
  );
});

import { runHistory } from '../../store/runHistory';
import type { RunStoreState } from '../../store/runStore';
import { useHasTestRows } from '../../store/split';
import type { MetricKind } from '../../core/netLoss';
import { formatExact, formatLoss } from '../format';
import { LiveFigure } from './LiveFigure';

/** The record the figures read: the latest, or the one kept for the epoch the timeline shows. */
function shownRecord(state: RunStoreState): number {
  return state.viewed === null ? runHistory.length - 1 : runHistory.nearestIndex(state.viewed.epoch);
}

function testLoss(state: RunStoreState): number {
  const index = shownRecord(state);
  return index < 0 ? Number.NaN : runHistory.testLossAt(index);
}

/** The test rows' accuracy, or their mean absolute error for a numeric target (the same slot). */
function testMetric(state: RunStoreState): number {
  const index = shownRecord(state);
  return index < 0 ? Number.NaN : runHistory.testAccuracyAt(index);
}

const testLossText = (state: RunStoreState) => formatLoss(testLoss(state));
const testLossExact = (state: RunStoreState) => formatExact(testLoss(state));
const testErrorText = (state: RunStoreState) => formatLoss(testMetric(state));
const testAccuracyText = (state: RunStoreState) => {
  const accuracy = testMetric(state);
  return Number.isNaN(accuracy) ? '—' : `${Math.round(accuracy * 100)} %`;
};

/**
 * `Test loss` and `Test accuracy` (`Test MAE` for a numeric target): the rows the training share holds out,
 * as the worker measured them after the latest epoch, or after the epoch the timeline shows. Nothing
 * without test rows.
 */
export function TestFigures({ metric = 'accuracy' }: { readonly metric?: MetricKind }) {
  const hasTestRows = useHasTestRows();
  if (!hasTestRows) return null;
  return (
    <>
      <LiveFigure
        className="status-item"
        label="Test loss"
        text={testLossText}
        exactTitle={testLossExact}
        minChars={7}
      />
      {/* A key each: one swapped for the other mounts anew, its box sized for its own text. */}
      {metric === 'mae' ? (
        <LiveFigure
          key="test-mae"
          className="status-item"
          label="Test MAE"
          hint="Mean |target − output| over the test rows"
          text={testErrorText}
          minChars={7}
        />
      ) : (
        <LiveFigure
          key="test-accuracy"
          className="status-item"
          label="Test accuracy"
          hint="Test rows on the right side of 0.5"
          text={testAccuracyText}
          minChars={5}
        />
      )}
    </>
  );
}

import { memo, useMemo } from 'react';
import { checkTable } from '../../core/checkedTable';
import { tableMeanAbsoluteError, useDeferredPeople, useMeasure, useShownNetwork } from '../../store/derived';
import { useShownParams } from '../../store/displayClock';
import { runHistory } from '../../store/runHistory';
import { METRIC_HINTS, METRIC_NAMES } from '../../viz/metricWords';
import { formatExact, formatLoss } from '../format';
import { StatusValue } from './StatusValue';

/**
 * A numeric target's figure in place of accuracy: the worker's own for the last recorded epoch while
 * training (its metric slot holds the error for a linear output), else worked out from the parameters
 * shown, as Accuracy does. The status passes what it shows on its beat.
 */
export function MeanAbsoluteError({ live, historyVersion }: { live: boolean; historyVersion: number }) {
  return live ? <RecordedError historyVersion={historyVersion} /> : <ComputedError />;
}

/** `historyVersion` only re-renders it when the history has moved: the history itself is read here. */
const RecordedError = memo(function RecordedError(_: { historyVersion: number }) {
  const last = runHistory.length - 1;
  return <ErrorFigure error={last < 0 ? Number.NaN : runHistory.accuracyAt(last)} />;
});

function ComputedError() {
  const net = useShownNetwork(useShownParams('readout'));
  const people = useDeferredPeople();
  const measure = useMeasure();
  const error = useMemo(
    () => tableMeanAbsoluteError(checkTable(people, measure), net),
    [people, measure, net],
  );
  return <ErrorFigure error={error} />;
}

function ErrorFigure({ error }: { error: number }) {
  return (
    <span className="status-item" title={`${METRIC_HINTS.mae}: ${formatExact(error)}`}>
      <span className="status-label">{METRIC_NAMES.mae}</span>{' '}
      <StatusValue text={formatLoss(error)} minChars={7} />
    </span>
  );
}

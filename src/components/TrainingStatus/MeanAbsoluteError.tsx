import { useMemo } from 'react';
import { checkTable } from '../../core/checkedTable';
import { tableMeanAbsoluteError, useDeferredPeople, useMeasure, useShownNetwork } from '../../store/derived';
import { useShownParams } from '../../store/displayClock';
import { runHistory } from '../../store/runHistory';
import { METRIC_HINTS, METRIC_NAMES } from '../../viz/metricWords';
import { formatExact, formatLoss } from '../format';
import { LiveFigure } from './LiveFigure';
import { StatusValue } from './StatusValue';

/** The worker's own error for the last recorded epoch (its metric slot holds it for a linear output). */
function recordedError(): number {
  const last = runHistory.length - 1;
  return last < 0 ? Number.NaN : runHistory.accuracyAt(last);
}
const recordedErrorText = () => formatLoss(recordedError());
const recordedErrorTitle = () => `${METRIC_HINTS.mae}: ${formatExact(recordedError())}`;

/**
 * A numeric target's figure in place of accuracy: the worker's own for the last recorded epoch while
 * training, written on the display clock's beat, else worked out from the parameters shown, as Accuracy
 * does.
 */
export function MeanAbsoluteError({ live }: { live: boolean }) {
  return live ? (
    <LiveFigure
      className="status-item"
      label={METRIC_NAMES.mae}
      text={recordedErrorText}
      exactTitle={recordedErrorTitle}
      minChars={7}
    />
  ) : (
    <ComputedError />
  );
}

function ComputedError() {
  const net = useShownNetwork(useShownParams('readout'));
  const people = useDeferredPeople();
  const measure = useMeasure();
  const error = useMemo(
    () => tableMeanAbsoluteError(checkTable(people, measure), net),
    [people, measure, net],
  );
  return (
    <span className="status-item" title={`${METRIC_HINTS.mae}: ${formatExact(error)}`}>
      <span className="status-label">{METRIC_NAMES.mae}</span>{' '}
      <StatusValue text={formatLoss(error)} minChars={7} />
    </span>
  );
}

import { useMemo } from 'react';
import { metricKind } from '../../core/netLoss';
import { dataProblem } from '../../core/trainingSet';
import { checkTable } from '../../core/checkedTable';
import { testMaskOf } from '../../core/split';
import { useLab } from '../../store/labStore';
import { tableAccuracy, useDeferredPeople, useMeasure, useShownNetwork } from '../../store/derived';
import { useShownParams } from '../../store/displayClock';
import { isTrainingLive, useRun } from '../../store/runStore';
import { runHistory } from '../../store/runHistory';
import { dataProblemText, noticeText } from '../../viz/noticeText';
import { WORKER_FAILURE_ID } from '../common/workerFailure';
import { formatCount, formatExact, formatLoss } from '../format';
import { MeanAbsoluteError } from './MeanAbsoluteError';
import { TestFigures } from './TestFigures';

/**
 * While training, the worker's own figure for the last recorded epoch (it measures every epoch anyway), so
 * a 100,000-row table costs nothing here; paused or stepping, it is worked out from the parameters shown
 * (the timeline's epoch, or a step in the middle of an epoch).
 */
function Accuracy() {
  const running = useRun(isTrainingLive);
  return running ? <RecordedAccuracy /> : <ComputedAccuracy />;
}

function RecordedAccuracy() {
  useRun((state) => state.historyVersion);
  const valid = useRun((state) => state.run.sampleCount);
  const last = runHistory.length - 1;
  const accuracy = last < 0 ? Number.NaN : runHistory.accuracyAt(last);
  return <AccuracyFigure accuracy={accuracy} correct={Math.round(accuracy * valid)} valid={valid} />;
}

function ComputedAccuracy() {
  const net = useShownNetwork(useShownParams('readout'));
  const people = useDeferredPeople();
  const measure = useMeasure();
  const seed = useLab((state) => state.settings.seed);
  const share = useLab((state) => state.settings.trainingShare);
  const { accuracy, correct, valid } = useMemo(() => {
    const table = checkTable(people, measure);
    return tableAccuracy(table, net, testMaskOf(people, table, seed, share));
  }, [people, measure, net, seed, share]);
  return <AccuracyFigure accuracy={accuracy} correct={correct} valid={valid} />;
}

function AccuracyFigure({ accuracy, correct, valid }: { accuracy: number; correct: number; valid: number }) {
  return (
    <span className="status-item status-accuracy" title="People on the right side of 0.5">
      <span className="status-label">Accuracy</span>{' '}
      <span className="status-value">
        {Number.isNaN(accuracy) ? '—' : `${Math.round(accuracy * 100)} % (${correct}/${valid})`}
      </span>
    </span>
  );
}

/** Why the table cannot train, or cannot learn (one class only), in plain words; null when fine. */
function useDataProblem(): string | null {
  const people = useDeferredPeople();
  const measure = useMeasure();
  const { count, positives, targetKind } = checkTable(people, measure);
  const problem = dataProblem(count, positives, measure, targetKind);
  return problem === null ? null : dataProblemText(problem);
}

/**
 * `1,234 epochs/s` once the worker has measured a rate (blank until then, not a misleading 0), or
 * `Paused`. Its box keeps one width (styles.css), so starting a run moves nothing.
 */
function rateText(running: boolean, epochsPerSecond: number): string {
  if (!running) return 'Paused';
  return epochsPerSecond > 0 ? `${formatCount(epochsPerSecond)} epochs/s` : '';
}

/** `Epoch 1,000 · Loss 0.00239`, and why the run paused itself when it did. */
export function TrainingStatus() {
  const epoch = useRun((state) => state.run.epoch);
  const loss = useRun((state) => state.run.loss);
  const running = useRun((state) => state.run.status === 'running');
  const epochsPerSecond = useRun((state) => state.run.epochsPerSecond);
  const notice = useRun((state) => state.run.notice);
  // The notice's numbers are fixed when the plateau is noticed, so this selects the same string until it clears.
  const plateau = useRun((state) => (state.run.plateau ? noticeText(state.run.plateau) : null));
  const workerError = useRun((state) => state.workerError);
  const dataProblem = useDataProblem();
  const metric = useRun((state) => metricKind(state.run.architecture));
  return (
    <section className="training-status" aria-label="Training status">
      <div className="status-figures">
        <span className="status-item status-epoch">
          <span className="status-label">Epoch</span>{' '}
          <span className="status-value">{formatCount(epoch)}</span>
        </span>
        <span className="status-item status-loss" title={formatExact(loss)}>
          <span className="status-label">Loss</span> <span className="status-value">{formatLoss(loss)}</span>
        </span>
        {metric === 'mae' ? <MeanAbsoluteError /> : <Accuracy />}
        <TestFigures metric={metric} />
        <span className="status-item status-rate">{rateText(running, epochsPerSecond)}</span>
      </div>
      {dataProblem && notice?.kind !== 'cannot-train' ? (
        <p className="status-notice notice-cannot-train" role="status">
          {dataProblem}
        </p>
      ) : null}
      {notice ? (
        <p className={`status-notice notice-${notice.kind}`} role="status">
          {noticeText(notice)}
        </p>
      ) : null}
      {plateau ? (
        <p className="status-notice notice-plateau" role="status">
          {plateau}
        </p>
      ) : null}
      {workerError ? (
        <p id={WORKER_FAILURE_ID} className="status-notice notice-error" role="alert">
          {workerError}
        </p>
      ) : null}
    </section>
  );
}

import { memo, useMemo } from 'react';
import { metricKind } from '../../core/netLoss';
import { dataProblem } from '../../core/trainingSet';
import { checkTable } from '../../core/checkedTable';
import { testMaskOf } from '../../core/split';
import { useLab } from '../../store/labStore';
import { tableAccuracy, useDeferredPeople, useMeasure, useShownNetwork } from '../../store/derived';
import { useDisplayedRunState, useShownParams } from '../../store/displayClock';
import { isTrainingLive } from '../../store/runStore';
import { runHistory } from '../../store/runHistory';
import { dataProblemText, noticeText } from '../../viz/noticeText';
import { WORKER_FAILURE_ID } from '../common/workerFailure';
import { formatCount, formatLoss } from '../format';
import { ExactLoss } from './ExactLoss';
import { MeanAbsoluteError } from './MeanAbsoluteError';
import { TestFigures } from './TestFigures';
import { StatusValue } from './StatusValue';

/**
 * While training, the worker's own figure for the last recorded epoch (it measures every epoch anyway), so
 * a 100,000-row table costs nothing here; paused or stepping, it is worked out from the parameters shown
 * (the timeline's epoch, or a step in the middle of an epoch).
 */
function Accuracy({ live, historyVersion, valid }: { live: boolean; historyVersion: number; valid: number }) {
  return live ? <RecordedAccuracy historyVersion={historyVersion} valid={valid} /> : <ComputedAccuracy />;
}

/** `historyVersion` only re-renders it when the history has moved: the history itself is read here. */
const RecordedAccuracy = memo(function RecordedAccuracy({
  valid,
}: {
  historyVersion: number;
  valid: number;
}) {
  const last = runHistory.length - 1;
  const accuracy = last < 0 ? Number.NaN : runHistory.accuracyAt(last);
  return <AccuracyFigure accuracy={accuracy} correct={Math.round(accuracy * valid)} valid={valid} />;
});

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
      <StatusValue
        text={Number.isNaN(accuracy) ? '—' : `${Math.round(accuracy * 100)} % (${correct}/${valid})`}
        minChars={11}
      />
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
 * `1,234 epochs/s` once the worker has measured a rate (blank until then, not a misleading 0), `Paused`,
 * or `Viewing the past` while the timeline shows an earlier epoch. Its box keeps one width (styles.css),
 * so starting a run moves nothing.
 */
function rateText(running: boolean, viewing: boolean, epochsPerSecond: number): string {
  if (viewing) return 'Viewing the past';
  if (!running) return 'Paused';
  return epochsPerSecond > 0 ? `${formatCount(epochsPerSecond)} epochs/s` : '';
}

/**
 * `Epoch 1,000 · Loss 0.00239`, and why the run paused itself when it did. It follows the run on the
 * display clock's beat: while training, one render per animation frame however many worker messages came
 * in it (each message used to render it at once), and at once when paused or stepping. While the timeline
 * shows an earlier epoch, every figure here is that epoch's, as the figures below show it.
 */
export function TrainingStatus() {
  const shown = useDisplayedRunState('frame');
  const { run } = shown;
  const live = isTrainingLive(shown);
  const running = run.status === 'running';
  const dataProblem = useDataProblem();
  const metric = metricKind(run.architecture);
  // The notice's numbers are fixed when the plateau is noticed, so this is the same string until it clears.
  const plateau = run.plateau ? noticeText(run.plateau) : null;
  const { notice } = run;
  const viewed = shown.viewed;
  const epoch = viewed ? viewed.epoch : run.epoch;
  const loss = viewed ? runHistory.lossAt(runHistory.nearestIndex(viewed.epoch)) : run.loss;
  return (
    <section className="training-status" aria-label="Training status">
      <div className="status-figures">
        <span className="status-item status-epoch">
          <span className="status-label">Epoch</span> <StatusValue text={formatCount(epoch)} minChars={9} />
        </span>
        <ExactLoss className="status-item status-loss" loss={loss} live={live}>
          <span className="status-label">Loss</span> <StatusValue text={formatLoss(loss)} minChars={7} />
        </ExactLoss>
        {metric === 'mae' ? (
          <MeanAbsoluteError live={live} historyVersion={shown.historyVersion} />
        ) : (
          <Accuracy live={live} historyVersion={shown.historyVersion} valid={run.sampleCount} />
        )}
        <TestFigures
          metric={metric}
          historyVersion={shown.historyVersion}
          viewedEpoch={shown.viewed?.epoch ?? null}
        />
        <span className="status-item status-rate">
          {rateText(running, viewed !== null, run.epochsPerSecond)}
        </span>
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
      {shown.workerError ? (
        <p id={WORKER_FAILURE_ID} className="status-notice notice-error" role="alert">
          {shown.workerError}
        </p>
      ) : null}
    </section>
  );
}

import { useMemo, useState } from 'react';
import { metricKind } from '../../core/netLoss';
import { dataProblem } from '../../core/trainingSet';
import { checkTable } from '../../core/checkedTable';
import { testMaskOf } from '../../core/split';
import { useLab } from '../../store/labStore';
import { tableAccuracy, useDeferredPeople, useMeasure, useShownNetwork } from '../../store/derived';
import { useDisplayedRun, useShownParams } from '../../store/displayClock';
import {
  isTrainingLive,
  runStore,
  shownEpoch,
  type RunState,
  type RunStoreState,
} from '../../store/runStore';
import { runHistory } from '../../store/runHistory';
import { dataProblemText, noticeText } from '../../viz/noticeText';
import { WORKER_FAILURE_ID } from '../common/workerFailure';
import { useClockedWrite, writeText } from '../common/useClockedWrite';
import { formatCount, formatExact, formatLoss } from '../format';
import { LiveFigure } from './LiveFigure';
import { MeanAbsoluteError } from './MeanAbsoluteError';
import { TestFigures } from './TestFigures';
import { StatusValue } from './StatusValue';

/**
 * While training, the worker's own figure for the last recorded epoch (it measures every epoch anyway), so
 * a 100,000-row table costs nothing here; paused or stepping, it is worked out from the parameters shown
 * (the timeline's epoch, or a step in the middle of an epoch).
 */
function Accuracy({ live }: { live: boolean }) {
  return live ? (
    <LiveFigure
      className={ACCURACY_CLASS}
      label="Accuracy"
      hint={ACCURACY_HINT}
      text={recordedAccuracyText}
      minChars={ACCURACY_CHARS}
    />
  ) : (
    <ComputedAccuracy />
  );
}

const ACCURACY_CLASS = 'status-item status-accuracy';
const ACCURACY_HINT = 'People on the right side of 0.5';
const ACCURACY_CHARS = 11;

function accuracyText(accuracy: number, correct: number, valid: number): string {
  return Number.isNaN(accuracy) ? '—' : `${Math.round(accuracy * 100)} % (${correct}/${valid})`;
}

function recordedAccuracyText(state: RunStoreState): string {
  const last = runHistory.length - 1;
  const accuracy = last < 0 ? Number.NaN : runHistory.accuracyAt(last);
  const valid = state.run.sampleCount;
  return accuracyText(accuracy, Math.round(accuracy * valid), valid);
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
  return (
    <span className={ACCURACY_CLASS} title={ACCURACY_HINT}>
      <span className="status-label">Accuracy</span>{' '}
      <StatusValue text={accuracyText(accuracy, correct, valid)} minChars={ACCURACY_CHARS} />
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
function rateText({ run, viewed }: RunStoreState): string {
  if (viewed !== null) return 'Viewing the past';
  if (run.status !== 'running') return 'Paused';
  return run.epochsPerSecond > 0 ? `${formatCount(run.epochsPerSecond)} epochs/s` : '';
}

const writeRate = (element: HTMLElement, state: RunStoreState): void => {
  writeText(element, rateText(state));
};

/** The epoch shown: the latest, or the one the timeline shows. */
const epochText = (state: RunStoreState) => formatCount(shownEpoch(state));

/** The loss at the epoch shown. */
function shownLoss({ run, viewed }: RunStoreState): number {
  return viewed ? runHistory.lossAt(runHistory.nearestIndex(viewed.epoch)) : run.loss;
}
const lossText = (state: RunStoreState) => formatLoss(shownLoss(state));
const lossExact = (state: RunStoreState) => formatExact(shownLoss(state));

/** What the status is made of, as opposed to the figures in it: it changes seldom, not every frame. */
interface StatusShape {
  readonly live: boolean;
  readonly architecture: RunState['architecture'];
  readonly plateau: RunState['plateau'];
  readonly notice: RunState['notice'];
  readonly workerError: string | null;
}

let lastShape: StatusShape | null = null;

/** The run's status shape, the same object while it holds (the display clock compares by identity). */
function statusShape(state: RunStoreState): StatusShape {
  const { run, workerError } = state;
  const live = isTrainingLive(state);
  const shape = lastShape;
  if (
    shape?.live === live &&
    shape.architecture === run.architecture &&
    shape.plateau === run.plateau &&
    shape.notice === run.notice &&
    shape.workerError === workerError
  )
    return shape;
  lastShape = { live, architecture: run.architecture, plateau: run.plateau, notice: run.notice, workerError };
  return lastShape;
}

/**
 * `Epoch 1,000 · Loss 0.00239`, and why the run paused itself when it did. Its figures follow the run on
 * the display clock's beat: while training, written once per animation frame however many worker messages
 * came in it, and at once when paused or stepping; the status itself renders only when its shape changes
 * (a run starts or stops, a notice comes or goes). While the timeline shows an earlier epoch, every figure
 * here is that epoch's, as the figures below show it.
 */
export function TrainingStatus() {
  const { live, architecture, plateau, notice, workerError } = useDisplayedRun(statusShape, 'frame');
  const dataProblem = useDataProblem();
  const metric = metricKind(architecture);
  // Rendered once, as the status mounts (and in the first screen's HTML); written in place from then on.
  const [firstRate] = useState(() => rateText(runStore.getState()));
  return (
    <section className="training-status" aria-label="Training status">
      <div className="status-figures">
        <LiveFigure className="status-item status-epoch" label="Epoch" text={epochText} minChars={9} />
        <LiveFigure
          className="status-item status-loss"
          label="Loss"
          text={lossText}
          exactTitle={lossExact}
          minChars={7}
        />
        {metric === 'mae' ? <MeanAbsoluteError live={live} /> : <Accuracy live={live} />}
        <TestFigures metric={metric} />
        <span className="status-item status-rate" ref={useClockedWrite(writeRate)}>
          {firstRate}
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
          {/* The notice's numbers are fixed when the plateau is noticed: the same string until it clears. */}
          {noticeText(plateau)}
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

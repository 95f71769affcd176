import type { Architecture } from '../core/architecture';
import type { Scaling } from '../core/scaling';
import type { Command, FrameMessage } from '../worker/protocol';
import { createTrainerClient, type TrainerClient } from '../worker/client';
import { tableForWorker } from './derived';
import { useLab, type LabState } from './labStore';
import { dropRolledBackEpochs } from './rollbackHistory';
import { runHistory } from './runHistory';

/**
 * The bridge between the store and the training worker: commands go out through `sendToTrainer`,
 * frames come back through `applyFrame`. A worker that fails is restarted from the last parameters
 * it sent, and the user is told.
 */
let client: TrainerClient | null = null;
let workerFactory: (() => Worker) | undefined;
/** The next run the worker starts continues the current history instead of replacing it. */
let continuing = false;
/** Restarts in the last minute: a worker that keeps failing is not restarted forever. */
let recentFailures: number[] = [];
export const MAX_RESTARTS_PER_MINUTE = 3;

/**
 * A table change waiting to go to the worker. It goes in a task of its own, right after the one that
 * made it (and before any other command, so the worker sees edits and commands in order): at 100,000
 * rows copying the table over costs ~30 ms that need not delay the edit's own paint, and a burst of
 * edits sends only the latest table.
 */
let dataQueued: ReturnType<typeof setTimeout> | null = null;

function sendQueuedData(): void {
  if (dataQueued === null) return;
  clearTimeout(dataQueued);
  dataQueued = null;
  const state = useLab.getState();
  const { units, dataLabels } = state.settings;
  client?.send({ type: 'set-data', people: tableForWorker(state), measure: { units, dataLabels } });
}

export function sendToTrainer(command: Command): void {
  sendQueuedData();
  client?.send(command);
}

function startClient(): void {
  client?.dispose();
  const connected = createTrainerClient(
    { onFrame: applyFrame, onFailure: restartAfterFailure },
    workerFactory,
  );
  client = connected;
  const { settings, resumeFrom } = useLab.getState();
  connected.send({ type: 'set-speed', epochsPerSecond: settings.speed });
  connected.send({ type: 'set-stop-at', epoch: settings.stopAtEpoch });
  connected.send({ type: 'set-stop-at-loss', loss: settings.stopAtLoss });
  connected.send({
    type: 'configure',
    config: { ...settings, people: tableForWorker(), resume: resumeFrom },
  });
  if (resumeFrom) useLab.setState({ resumeFrom: null });
}

/**
 * Starts the worker and sends it the settings and the dataset: the run starts at epoch 0, or where a
 * restored lab left off. Returns the disconnect function.
 */
export function connectTrainer(createWorker?: () => Worker): () => void {
  workerFactory = createWorker;
  recentFailures = [];
  startClient();
  // Whatever changes the table (an edit, undo, redo, an import) reaches the worker the same way.
  const unsubscribe = useLab.subscribe((state, previous) => {
    // A unit switch or an import changes what the numbers mean: the worker hears of it with the table.
    const remeasured =
      state.settings.units !== previous.settings.units ||
      state.settings.dataLabels !== previous.settings.dataLabels;
    if (state.people !== previous.people || remeasured) dataQueued ??= setTimeout(sendQueuedData, 0);
  });
  return () => {
    unsubscribe();
    if (dataQueued !== null) clearTimeout(dataQueued);
    dataQueued = null;
    client?.dispose();
    client = null;
  };
}

/** The worker threw, could not load, or went silent: start a new one where the old one was. */
function restartAfterFailure(why: string): void {
  const now = performance.now();
  recentFailures = [...recentFailures.filter((at) => now - at < 60_000), now];
  const { run } = useLab.getState();
  if (recentFailures.length > MAX_RESTARTS_PER_MINUTE) {
    client = null;
    const workerError =
      `The training worker failed: ${why}, and it keeps failing. ` +
      'Reload the page to try again; your table and settings are saved.';
    // The banner says what the status says: no new worker took over this time.
    const appNotice = { kind: 'error' as const, message: workerError };
    useLab.setState({ run: { ...run, status: 'paused' }, workerError, appNotice });
    return;
  }
  runHistory.truncateAfter(run.epoch - 1);
  continuing = true;
  useLab.setState({
    run: { ...run, runId: 0, status: 'paused' },
    resumeFrom: { epoch: run.epoch, params: Array.from(run.params) },
    appNotice: {
      kind: 'error',
      message: `The training worker stopped (${why}). A new one took over at epoch ${run.epoch.toLocaleString('en-US')}, paused; press Play to go on.`,
    },
  });
  startClient();
}

/** Takes one frame from the worker into the store: history first (it may clear), then the live run. */
export function applyFrame(frame: FrameMessage): void {
  const state = useLab.getState();
  if (frame.runId < state.run.runId) return; // a late frame from a run that was reset
  const newRun = frame.runId !== state.run.runId;
  const keepHistory = newRun && continuing;
  if (newRun) continuing = false;
  // A run with another network size records another number of parameters: it starts a history of its own.
  if ((newRun && !keepHistory) || runHistory.paramsPerRecord !== frame.paramsPerEpoch) {
    runHistory.clear(frame.paramsPerEpoch);
  }
  const rolledBack = dropRolledBackEpochs(frame);
  if (frame.count > 0) {
    runHistory.appendBatch(frame.firstEpoch, frame.count, frame.losses, frame.params, frame.accuracies);
  }
  // Every frame brings fresh copies of the architecture and the scaling: keep the ones the views already
  // hold while they are the same, so what the views compute from them (the plane, the landscape, the hidden
  // maps) is not redone 60 times a second.
  const known = state.run.architecture;
  const architecture = sameArchitecture(known, frame.live.architecture) ? known : frame.live.architecture;
  const scaling = sameScaling(state.run.scaling, frame.live.scaling) ? state.run.scaling : frame.live.scaling;
  const patch: Pick<LabState, 'run' | 'historyVersion'> = {
    run: {
      runId: frame.runId,
      status: frame.status,
      notice: frame.notice,
      ...frame.live,
      architecture,
      scaling,
    },
    historyVersion: state.historyVersion + (newRun || rolledBack || frame.count > 0 ? 1 : 0),
  };
  useLab.setState(
    newRun ? { ...patch, markers: [] } : { ...patch, markers: placeMarkers(state.markers, frame) },
  );
}

function sameScaling(a: Scaling, b: Scaling): boolean {
  return (
    a.offset[0] === b.offset[0] &&
    a.offset[1] === b.offset[1] &&
    a.scale[0] === b.scale[0] &&
    a.scale[1] === b.scale[1]
  );
}

function sameArchitecture(a: Architecture, b: Architecture): boolean {
  return (
    a.hidden === b.hidden &&
    a.activation === b.activation &&
    a.loss === b.loss &&
    a.update === b.update &&
    a.batchSize === b.batchSize &&
    a.momentum === b.momentum
  );
}

/**
 * A marker is placed at the epoch the page saw when the user acted; at full speed the worker is
 * already further on. The worker says when the change really took over: move the latest marker there
 * (only ever forward, and only while it still lies before that epoch).
 */
function placeMarkers(markers: LabState['markers'], frame: FrameMessage): LabState['markers'] {
  let list: LabState['markers'] = markers;
  for (const kind of ['learning-rate', 'dataset'] as const) {
    const since = kind === 'learning-rate' ? frame.live.learningRateSince : frame.live.dataSince;
    const index = list.findLastIndex((marker) => marker.kind === kind);
    const marker = list[index];
    if (!marker || marker.epoch >= since) continue;
    list = list.map((m, i) => (i === index ? { ...m, epoch: since } : m));
  }
  return list;
}

import type { Architecture } from '../core/architecture';
import { hiddenSizes } from '../core/layerShape';
import { architectureFor } from '../core/outputLayer';
import type { Scaling } from '../core/scaling';
import type { Command, FrameMessage, KeepRule } from '../worker/protocol';
import { createTrainerClient, type TrainerClient } from '../worker/client';
import { followRunForAutosave } from './autosaveRun';
import { tableForWorker } from './derived';
import type { Settings } from '../core/settings';
import { useLab, type LabState } from './labStore';
import { dropRolledBackEpochs } from './rollbackHistory';
import { testRowsForWorker } from './split';
import { runHistory } from './runHistory';
import { lookUpViewed, runStore, type RunStoreState } from './runStore';
import { formatCount } from '../core/countText';

export const MAX_RESTARTS_PER_MINUTE = 3;

/**
 * The bridge between the stores and the training worker: commands go out through `send`, frames
 * come back through `applyFrame` into the run store (the only writer of the live run). A worker that
 * fails is restarted from the last parameters it sent, and the user is told. All of its state lives
 * here, so `reset` gives a test (or a new connection) a bridge as new.
 */
class TrainerBridge {
  private client: TrainerClient | null = null;
  private workerFactory: (() => Worker) | undefined;
  /** The next run the worker starts continues the current history instead of replacing it. */
  private continuing = false;
  /** The branch of the latest frame taken in (FrameMessage.branch). */
  private branch = 0;
  /** Restarts in the last minute: a worker that keeps failing is not restarted forever. */
  private recentFailures: number[] = [];
  /**
   * A table change waiting to go to the worker. It goes in a task of its own, right after the one that
   * made it (and before any other command, so the worker sees edits and commands in order): at 100,000
   * rows copying the table over costs ~30 ms that need not delay the edit's own paint, and a burst of
   * edits sends only the latest table.
   */
  private dataQueued: ReturnType<typeof setTimeout> | null = null;
  private unsubscribe: (() => void) | null = null;

  send(command: Command): void {
    this.sendQueuedData();
    this.client?.send(command);
  }

  /** The one way a run starts again from epoch 0: these settings and the checked table. */
  restart(settings: Settings): void {
    this.send(configureCommand(settings, null));
  }

  connect(createWorker?: () => Worker): () => void {
    this.disconnect();
    this.workerFactory = createWorker;
    this.recentFailures = [];
    this.startClient();
    // Whatever changes the table (an edit, undo, redo, an import) reaches the worker the same way.
    const unfollowTable = useLab.subscribe((state, previous) => {
      // A unit switch or an import changes what the numbers mean: the worker hears of it with the table.
      const remeasured =
        state.settings.units !== previous.settings.units ||
        state.settings.dataLabels !== previous.settings.dataLabels ||
        state.settings.trainingShare !== previous.settings.trainingShare;
      if (state.people !== previous.people || remeasured)
        this.dataQueued ??= setTimeout(this.sendQueuedData, 0);
    });
    const unfollowRun = followRunForAutosave();
    this.unsubscribe = () => {
      unfollowTable();
      unfollowRun();
    };
    return () => this.disconnect();
  }

  disconnect(): void {
    this.unsubscribe?.();
    this.unsubscribe = null;
    if (this.dataQueued !== null) clearTimeout(this.dataQueued);
    this.dataQueued = null;
    this.client?.dispose();
    this.client = null;
  }

  /** Disconnects and forgets everything: the next run replaces the history, no failures counted. */
  reset(): void {
    this.disconnect();
    this.workerFactory = undefined;
    this.continuing = false;
    this.recentFailures = [];
  }

  private readonly sendQueuedData = (): void => {
    if (this.dataQueued === null) return;
    clearTimeout(this.dataQueued);
    this.dataQueued = null;
    const state = useLab.getState();
    const { units, dataLabels } = state.settings;
    const people = tableForWorker(state);
    const testRows = testRowsForWorker(state);
    this.client?.send({ type: 'set-data', people, measure: { units, dataLabels }, testRows });
  };

  private startClient(): void {
    this.client?.dispose();
    const connected = createTrainerClient(
      {
        onFrame: applyFrame,
        onFailure: (why) => this.restartAfterFailure(why),
        keepRule: () => this.keepRule(),
      },
      this.workerFactory,
    );
    this.client = connected;
    this.sendDocument();
  }

  /** The worker takes the whole document: a new worker, or a lab that replaced the one on show. */
  sendDocument(): void {
    if (!this.client) return;
    const { settings, resumeFrom } = useLab.getState();
    this.send({ type: 'set-speed', epochsPerSecond: settings.speed });
    this.send({ type: 'set-stop-at', epoch: settings.stopAtEpoch });
    this.send({ type: 'set-stop-at-loss', loss: settings.stopAtLoss });
    this.send(configureCommand(settings, resumeFrom));
    if (resumeFrom) useLab.setState({ resumeFrom: null });
  }

  /** The worker threw, could not load, or went silent: start a new one where the old one was. */
  private restartAfterFailure(why: string): void {
    const now = performance.now();
    this.recentFailures = [...this.recentFailures.filter((at) => now - at < 60_000), now];
    const { run } = runStore.getState();
    if (this.recentFailures.length > MAX_RESTARTS_PER_MINUTE) {
      this.client = null;
      const workerError =
        `The training worker failed: ${why}, and it keeps failing. ` +
        'Reload the page to try again; your table and settings are saved.';
      runStore.setState({ run: { ...run, status: 'paused' }, workerError });
      // The banner says what the status says: no new worker took over this time.
      useLab.setState({ appNotice: { kind: 'error', message: workerError } });
      return;
    }
    runHistory.truncateAfter(run.epoch - 1);
    this.continuing = true;
    runStore.setState({ run: { ...run, runId: 0, status: 'paused' } });
    // The new worker goes on from the last epoch only on the same network: a change made while the old one
    // was failing can be another network with as many parameters, which must not take these weights.
    const lab = useLab.getState();
    const network = architectureFor(lab.settings.architecture, tableForWorker(lab).targetKind);
    const sameNetwork = sameArchitecture(network, run.architecture);
    const message = sameNetwork
      ? `A new one took over at epoch ${formatCount(run.epoch)}, paused; press Play to go on.`
      : 'A new one started your changed network from epoch 0, paused; press Play to train it.';
    useLab.setState({
      resumeFrom: sameNetwork ? { epoch: run.epoch, params: Array.from(run.params) } : null,
      appNotice: { kind: 'error', message: `The training worker stopped (${why}). ${message}` },
    });
    this.startClient();
  }

  /**
   * Which epochs the history keeps now, told the worker with each hand-back so that it sends only those
   * (KeepRule), for the run and branch of the latest frame taken in; null while it keeps every epoch.
   */
  private keepRule(): KeepRule | null {
    if (runHistory.length === 0 || runHistory.stride <= 1) return null;
    const { runId } = runStore.getState().run;
    return { runId, branch: this.branch, origin: runHistory.strideOrigin, stride: runHistory.stride };
  }

  /** Takes one frame from the worker into the run store: history first (it may clear), then the live run. */
  applyFrame(frame: FrameMessage): void {
    const state = runStore.getState();
    if (frame.runId < state.run.runId) return; // a late frame from a run that was reset
    const newRun = frame.runId !== state.run.runId;
    // A new worker goes on with the run it took over: its history too, unless what arrives is another
    // network (a change made before it sent a frame), which two shapes can be with as many parameters.
    const keepHistory =
      newRun && this.continuing && sameArchitecture(state.run.architecture, frame.live.architecture);
    if (newRun) this.continuing = false;
    // A run with another network size records another number of parameters: it starts a history of its own.
    if ((newRun && !keepHistory) || runHistory.paramsPerRecord !== frame.paramsPerEpoch) {
      runHistory.clear(frame.paramsPerEpoch);
    }
    const rolledBack = dropRolledBackEpochs(frame);
    this.branch = frame.branch ?? 0;
    if (frame.count > 0) {
      const { testLosses, testAccuracies } = frame;
      const test = testLosses && testAccuracies ? { losses: testLosses, accuracies: testAccuracies } : null;
      runHistory.appendBatch(
        frame.firstEpoch,
        frame.count,
        frame.losses,
        frame.params,
        frame.accuracies,
        test,
        frame.epochs ?? null,
      );
    }
    const historyChanged = newRun || rolledBack || frame.count > 0;
    // Every frame brings fresh copies of the architecture and the scaling: keep the ones the views already
    // hold while they are the same, so what the views compute from them (the plane, the landscape, the hidden
    // maps) is not redone 60 times a second.
    const known = state.run.architecture;
    const architecture = sameArchitecture(known, frame.live.architecture) ? known : frame.live.architecture;
    const scaling = sameScaling(state.run.scaling, frame.live.scaling)
      ? state.run.scaling
      : frame.live.scaling;
    runStore.setState({
      run: {
        runId: frame.runId,
        status: frame.status,
        // The same for the notices: a plateau notice stays up while training goes on, a new copy each frame.
        notice: sameFields(state.run.notice, frame.notice) ? state.run.notice : frame.notice,
        ...frame.live,
        plateau: sameFields(state.run.plateau, frame.live.plateau) ? state.run.plateau : frame.live.plateau,
        architecture,
        scaling,
      },
      historyVersion: state.historyVersion + (historyChanged ? 1 : 0),
      markers: newRun ? [] : placeMarkers(state.markers, frame),
      // While viewing the past, a new history may have thinned the viewed record away: look it up again.
      viewed: historyChanged && state.viewEpoch !== null ? lookUpViewed(state.viewEpoch) : state.viewed,
    });
  }
}

/** A run from epoch 0 (or `resume`) with these settings, on the table as checked for the worker. */
function configureCommand(settings: Settings, resume: LabState['resumeFrom']): Command {
  const testRows = testRowsForWorker();
  return { type: 'configure', config: { ...settings, people: tableForWorker(), testRows, resume } };
}

export const trainerBridge = new TrainerBridge();

/** Sends a command to the worker (a table edit waiting to go goes first). */
export function sendToTrainer(command: Command): void {
  trainerBridge.send(command);
}

/**
 * Starts the worker and sends it the settings and the dataset: the run starts at epoch 0, or where a
 * restored lab left off. Returns the disconnect function.
 */
export function connectTrainer(createWorker?: () => Worker): () => void {
  return trainerBridge.connect(createWorker);
}

/** Takes one frame from the worker into the run store. */
export function applyFrame(frame: FrameMessage): void {
  trainerBridge.applyFrame(frame);
}

function sameScaling(a: Scaling, b: Scaling): boolean {
  return (
    a.offset[0] === b.offset[0] &&
    a.offset[1] === b.offset[1] &&
    a.scale[0] === b.scale[0] &&
    a.scale[1] === b.scale[1]
  );
}

/** Two flat records (a notice) with the same fields, or both null. */
function sameFields(a: object | null, b: object | null): boolean {
  if (a === b) return true;
  if (a === null || b === null) return false;
  const first = a as Record<string, unknown>;
  const second = b as Record<string, unknown>;
  const keys = Object.keys(first);
  return (
    keys.length === Object.keys(second).length && keys.every((key) => Object.is(first[key], second[key]))
  );
}

function sameArchitecture(a: Architecture, b: Architecture): boolean {
  return (
    a.hidden === b.hidden &&
    a.activation === b.activation &&
    a.loss === b.loss &&
    a.update === b.update &&
    a.batchSize === b.batchSize &&
    a.momentum === b.momentum &&
    a.features.join() === b.features.join() &&
    a.regularization === b.regularization &&
    a.regularizationRate === b.regularizationRate &&
    a.output === b.output &&
    hiddenSizes(a).join() === hiddenSizes(b).join() &&
    sameOptimizer(a.optimizer, b.optimizer)
  );
}

function sameOptimizer(a: Architecture['optimizer'], b: Architecture['optimizer']): boolean {
  if (a === undefined || b === undefined) return a === b;
  return (
    a.kind === b.kind &&
    a.beta1 === b.beta1 &&
    a.beta2 === b.beta2 &&
    a.alpha === b.alpha &&
    a.epsilon === b.epsilon
  );
}

/**
 * A marker is placed at the epoch the page saw when the user acted; at full speed the worker is
 * already further on. The worker says when the change really took over: move the latest marker there
 * (only ever forward, and only while it still lies before that epoch).
 */
function placeMarkers(markers: RunStoreState['markers'], frame: FrameMessage): RunStoreState['markers'] {
  let list: RunStoreState['markers'] = markers;
  for (const kind of ['learning-rate', 'dataset'] as const) {
    const since = kind === 'learning-rate' ? frame.live.learningRateSince : frame.live.dataSince;
    const index = list.findLastIndex((marker) => marker.kind === kind);
    const marker = list[index];
    if (!marker || marker.epoch >= since) continue;
    list = list.map((m, i) => (i === index ? { ...m, epoch: since } : m));
  }
  return list;
}

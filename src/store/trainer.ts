import type { Command, FrameMessage } from '../worker/protocol';
import { createTrainerClient, type TrainerClient } from '../worker/client';
import { useLab, type LabState } from './labStore';
import { runHistory } from './runHistory';

/**
 * The bridge between the store and the training worker: commands go out through `sendToTrainer`,
 * frames come back through `applyFrame`.
 */
let client: TrainerClient | null = null;

export function sendToTrainer(command: Command): void {
  client?.send(command);
}

/** Starts the worker and sends it the current settings and dataset (the run starts at epoch 0). */
export function connectTrainer(createWorker?: () => Worker): () => void {
  client?.dispose();
  const connected = createTrainerClient(
    {
      onFrame: applyFrame,
      onFailure: (message) => useLab.setState({ workerError: message }),
    },
    createWorker,
  );
  client = connected;
  const { settings, people } = useLab.getState();
  connected.send({ type: 'set-speed', epochsPerSecond: settings.speed });
  connected.send({ type: 'set-stop-at', epoch: settings.stopAtEpoch });
  connected.send({ type: 'configure', config: { ...settings, people } });
  // Whatever changes the table (an edit, undo, redo, an import) reaches the worker the same way.
  const unsubscribe = useLab.subscribe((state, previous) => {
    if (state.people !== previous.people) connected.send({ type: 'set-data', people: state.people });
  });
  return () => {
    unsubscribe();
    connected.dispose();
    if (client === connected) client = null;
  };
}

/** Takes one frame from the worker into the store: history first (it may clear), then the live run. */
export function applyFrame(frame: FrameMessage): void {
  const state = useLab.getState();
  if (frame.runId < state.run.runId) return; // a late frame from a run that was reset
  const newRun = frame.runId !== state.run.runId;
  if (newRun) runHistory.clear();
  if (frame.count > 0) runHistory.appendBatch(frame.firstEpoch, frame.count, frame.losses, frame.params);
  const patch: Pick<LabState, 'run' | 'historyVersion'> = {
    run: { runId: frame.runId, status: frame.status, notice: frame.notice, ...frame.live },
    historyVersion: state.historyVersion + (newRun || frame.count > 0 ? 1 : 0),
  };
  useLab.setState(newRun ? { ...patch, markers: [] } : { ...patch, markers: placeMarkers(state.markers, frame) });
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

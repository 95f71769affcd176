import type { Architecture } from '../core/architecture';
import { newPersonId, type Person } from '../core/dataset';
import type { InitialWeights } from '../core/init';
import type { ScalingMode } from '../core/scaling';
import type { SampleOrder } from '../core/trainer';
import { useLab } from './labStore';
import { MAX_KEPT_RUNS, type Marker } from '../core/lossCurve';
import { STEP_PHASES, type StepPhase } from '../core/stepPhases';
import type { Settings } from '../core/settings';
import { runHistory } from './runHistory';
import { tableForWorker } from './derived';
import { sendToTrainer } from './trainer';

/** Module-level actions: the only way the UI changes the lab. */

export function play(): void {
  sendToTrainer({ type: 'play' });
}

export function pause(): void {
  sendToTrainer({ type: 'pause' });
}

/** Play or Pause. Playing from a viewed past epoch first asks: branch from there, or back to live. */
export function togglePlay(): void {
  const state = useLab.getState();
  if (state.run.status === 'running') pause();
  else if (state.viewEpoch !== null) useLab.setState({ askingToBranch: true });
  else play();
}

/** The answer to "play from the past?": branch (drop the later history), live, or cancel. */
export function answerBranchQuestion(answer: 'branch' | 'live' | 'cancel'): void {
  useLab.setState({ askingToBranch: false });
  if (answer === 'cancel') return;
  if (answer === 'branch') branchFromViewedEpoch();
  else backToLive();
  play();
}

export function stepSample(): void {
  sendToTrainer({ type: 'step-sample' });
}

export function stepEpoch(): void {
  sendToTrainer({ type: 'step-epoch' });
}

/** Back to epoch 0 with the same seed and settings: the same start as before. */
export function reset(): void {
  sendToTrainer({ type: 'reset' });
}

function updateSettings(patch: Partial<Settings>): Settings {
  const settings = { ...useLab.getState().settings, ...patch };
  useLab.setState({ settings });
  return settings;
}

/** Settings that decide the starting point restart the run from epoch 0. */
function restartWith(patch: Partial<Settings>): void {
  const settings = updateSettings(patch);
  sendToTrainer({ type: 'configure', config: { ...settings, people: tableForWorker() } });
}

/** Changes of one kind closer together than this (a slider drag, typing a cell) make one marker. */
export const MARKER_MERGE_MS = 1500;
let lastMarkerAt = -Infinity;

/** A marker on the loss curve; a burst of changes of one kind updates one marker, keeping its epoch. */
function addMarker(marker: Marker): void {
  const markers = useLab.getState().markers;
  const last = markers[markers.length - 1];
  const now = performance.now();
  const merge = last !== undefined && last.kind === marker.kind && now - lastMarkerAt < MARKER_MERGE_MS;
  lastMarkerAt = now;
  useLab.setState({
    markers: merge ? [...markers.slice(0, -1), { ...marker, epoch: last.epoch }] : [...markers, marker],
  });
}

export function setLearningRate(learningRate: number): void {
  if (!(learningRate > 0) || !Number.isFinite(learningRate)) return;
  updateSettings({ learningRate });
  sendToTrainer({ type: 'set-learning-rate', learningRate });
  const { epoch } = useLab.getState().run;
  if (epoch > 0) addMarker({ epoch, kind: 'learning-rate', label: `rate ${formatRate(learningRate)}` });
}

export function formatRate(rate: number): string {
  return rate >= 0.01 ? String(Number(rate.toPrecision(2))) : rate.toExponential(1);
}

export function setSpeed(speed: number | null): void {
  updateSettings({ speed });
  sendToTrainer({ type: 'set-speed', epochsPerSecond: speed });
}

export function setStopAtEpoch(stopAtEpoch: number | null): void {
  updateSettings({ stopAtEpoch });
  sendToTrainer({ type: 'set-stop-at', epoch: stopAtEpoch });
}

export function setStopAtLoss(stopAtLoss: number | null): void {
  updateSettings({ stopAtLoss });
  sendToTrainer({ type: 'set-stop-at-loss', loss: stopAtLoss });
}

export function setInitialWeights(initialWeights: InitialWeights): void {
  restartWith({ initialWeights });
}

export function setSeed(seed: number): void {
  restartWith({ seed });
}

export function setScaling(scaling: ScalingMode): void {
  restartWith({ scaling });
}

/** The network's shape or how it trains: the run starts again from its initial weights. */
export function setArchitecture(patch: Partial<Architecture>): void {
  restartWith({ architecture: { ...useLab.getState().settings.architecture, ...patch } });
}

export function setSampleOrder(sampleOrder: SampleOrder): void {
  updateSettings({ sampleOrder });
  sendToTrainer({ type: 'set-sample-order', sampleOrder });
}

/**
 * Table edits. The trainer bridge sends every new `people` to the worker (so undo and redo do too);
 * they apply from the next epoch, without a reset.
 */
function setPeople(people: readonly Person[]): void {
  useLab.setState({ people });
  const { epoch } = useLab.getState().run;
  if (epoch > 0) addMarker({ epoch, kind: 'dataset', label: 'data edited' });
}

export function updatePerson(id: string, patch: Partial<Omit<Person, 'id'>>): void {
  setPeople(useLab.getState().people.map((person) => (person.id === id ? { ...person, ...patch } : person)));
}

export function addPerson(person?: Omit<Person, 'id'>): string {
  const id = newPersonId();
  const added: Person = { id, ...(person ?? { name: '', weight: '', height: '', gender: 'F' }) };
  setPeople([...useLab.getState().people, added]);
  return id;
}

export function removePerson(id: string): void {
  const { people, selectedRow } = useLab.getState();
  const removed = people.findIndex((person) => person.id === id);
  if (removed < 0) return;
  setPeople(people.filter((person) => person.id !== id));
  if (selectedRow !== null && selectedRow >= removed) {
    useLab.setState({ selectedRow: selectedRow === removed ? null : selectedRow - 1 });
  }
}

/** Which table row the views follow; null follows the sample trained last. */
export function selectRow(row: number | null): void {
  useLab.setState({ selectedRow: row });
}

/** The user typed a new value for one parameter; the worker takes it as the current value, mid-run too. */
export function setParam(index: number, value: number): void {
  if (!Number.isFinite(value)) return;
  sendToTrainer({ type: 'set-param', index, value });
}

/** Undo the last table edit (Ctrl+Z). */
export function undoTableEdit(): void {
  useLab.temporal.getState().undo();
}

/** Redo a table edit undone before (Ctrl+Shift+Z). */
export function redoTableEdit(): void {
  useLab.temporal.getState().redo();
}

/** Show one phase of the SGD step (null hides the walkthrough's highlights). */
export function setStepPhase(stepPhase: StepPhase | null): void {
  useLab.setState({ stepPhase });
}

/** Next phase: forward → loss → backward → update; from none it starts at forward. Stops at update. */
export function nextStepPhase(): void {
  const current = useLab.getState().stepPhase;
  const index = current === null ? -1 : STEP_PHASES.indexOf(current);
  setStepPhase(STEP_PHASES[Math.min(index + 1, STEP_PHASES.length - 1)]!);
}

/** Previous phase; from forward it stays at forward. */
export function previousStepPhase(): void {
  const current = useLab.getState().stepPhase;
  const index = current === null ? 0 : STEP_PHASES.indexOf(current);
  setStepPhase(STEP_PHASES[Math.max(index - 1, 0)]!);
}

/**
 * Shows the lab at a recorded epoch (the timeline). Where the history has thinned, the nearest kept
 * epoch is shown; returns it. A run that is playing pauses first, so the past stays still.
 */
export function viewEpoch(epoch: number): number | null {
  const index = runHistory.nearestIndex(epoch);
  if (index < 0) return null;
  const shown = runHistory.epochAt(index);
  if (useLab.getState().run.status === 'running') pause();
  useLab.setState({ viewEpoch: shown === runHistory.lastEpoch() ? null : shown });
  return shown;
}

export function backToLive(): void {
  useLab.setState({ viewEpoch: null, askingToBranch: false });
}

/**
 * Continues training from the viewed epoch: the history after it is dropped (the user chose this),
 * and the worker restarts from the recorded parameters.
 */
export function branchFromViewedEpoch(): void {
  const { viewEpoch: epoch } = useLab.getState();
  if (epoch === null) return;
  const index = runHistory.indexAtOrBefore(epoch);
  if (index < 0) return;
  const params = runHistory.paramsAt(index, new Float64Array(runHistory.paramsPerRecord));
  runHistory.truncateAfter(epoch);
  useLab.setState((state) => ({
    viewEpoch: null,
    historyVersion: state.historyVersion + 1,
    markers: state.markers.filter((marker) => marker.epoch <= epoch),
  }));
  sendToTrainer({ type: 'resume-from', epoch, params });
}

let nextKeptRunId = 1;

/** Keeps the current loss curve as a labelled ghost; the oldest goes when there are more than five. */
export function keepRun(): void {
  const { settings, keptRuns } = useLab.getState();
  const count = runHistory.length;
  if (count === 0) return;
  const epochs = new Float64Array(count);
  const losses = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    epochs[i] = runHistory.epochAt(i);
    losses[i] = runHistory.lossAt(i);
  }
  const start = settings.initialWeights === 'ones' ? 'all ones' : `seed ${settings.seed}`;
  const label = `rate ${formatRate(settings.learningRate)}, ${start}`;
  const kept = { id: nextKeptRunId++, label, epochs, losses };
  useLab.setState({ keptRuns: [...keptRuns, kept].slice(-MAX_KEPT_RUNS) });
}

export function removeKeptRun(id: number): void {
  useLab.setState((state) => ({ keptRuns: state.keptRuns.filter((run) => run.id !== id) }));
}

/** Replaces the whole table (an import, a shared link): one undo step. */
export function replacePeople(people: readonly Person[]): void {
  setPeople(people);
}

import type { Architecture } from '../core/architecture';
import { newPersonId, targetKindOf, type Person } from '../core/dataset';
import type { InitialWeights } from '../core/init';
import { withHiddenSizes } from '../core/layerShape';
import type { ScalingMode } from '../core/scaling';
import type { SampleOrder } from '../core/trainer';
import { useLab } from './labStore';
import { MAX_KEPT_RUNS } from '../core/lossCurve';
import { OPTIMIZER_LABELS, optimizerChoice } from '../core/optimizer';
import type { Settings } from '../core/settings';
import { runHistory } from './runHistory';
import { addMarker, askToBranch, backToLive, branchFromViewedEpoch } from './runActions';
import { runStore } from './runStore';
import { sendToTrainer, trainerBridge } from './trainerBridge';

/** Module-level actions: the only way the UI changes the lab. */

export {
  MARKER_MERGE_MS,
  backToLive,
  branchFromViewedEpoch,
  nextStepPhase,
  previousStepPhase,
  setStepPhase,
  viewEpoch,
} from './runActions';

export function play(): void {
  sendToTrainer({ type: 'play' });
}

export function pause(): void {
  sendToTrainer({ type: 'pause' });
}

/** Play or Pause. Playing from a viewed past epoch first asks: branch from there, or back to live. */
export function togglePlay(): void {
  const { run, viewEpoch } = runStore.getState();
  if (run.status === 'running') pause();
  else if (viewEpoch !== null) askToBranch(true);
  else play();
}

/** The answer to "play from the past?": branch (drop the later history), live, or cancel. */
export function answerBranchQuestion(answer: 'branch' | 'live' | 'cancel'): void {
  askToBranch(false);
  if (answer === 'cancel') return;
  if (answer === 'branch') branchFromViewedEpoch();
  else backToLive();
  play();
}

/** Steps the live run: from a viewed past epoch, back to live first, so the step taken is the one seen. */
export function stepSample(): void {
  if (runStore.getState().viewEpoch !== null) backToLive();
  sendToTrainer({ type: 'step-sample' });
}

export function stepEpoch(): void {
  if (runStore.getState().viewEpoch !== null) backToLive();
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
  trainerBridge.restart(updateSettings(patch));
}

export function setLearningRate(learningRate: number): void {
  if (!(learningRate > 0) || !Number.isFinite(learningRate)) return;
  updateSettings({ learningRate });
  sendToTrainer({ type: 'set-learning-rate', learningRate });
  addMarker('learning-rate', `rate ${formatRate(learningRate)}`);
}

/** The rate as used, to the 3 digits the slider sets (0.102, not 0.1); small ones as 1.02e-3. */
export function formatRate(rate: number): string {
  const used = Number(rate.toPrecision(3));
  return used >= 0.01 ? String(used) : used.toExponential();
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
  const { settings } = useLab.getState();
  // An edited table is the user's own: the example set's recipe no longer describes it.
  if (settings.dataSource === null) useLab.setState({ people });
  else useLab.setState({ people, settings: { ...settings, dataSource: null } });
  addMarker('dataset', 'data edited');
}

export function updatePerson(id: string, patch: Partial<Omit<Person, 'id'>>): void {
  setPeople(useLab.getState().people.map((person) => (person.id === id ? { ...person, ...patch } : person)));
}

export function addPerson(person?: Omit<Person, 'id'>): string {
  const id = newPersonId();
  const { people } = useLab.getState();
  const row = person ?? { name: '', weight: '', height: '', gender: 'F' };
  // a row added to a table of numeric targets gets one to fill in, however it was added
  const target = targetKindOf(people) === 'number' && row.target === undefined ? { target: '' } : {};
  const added: Person = { id, ...row, ...target };
  setPeople([...people, added]);
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
  const choice = optimizerChoice(settings.architecture);
  // Runs of the same rate and start differ by their optimizer: the label names it when it is not SGD.
  const optimizer = choice === 'sgd' ? '' : `${OPTIMIZER_LABELS[choice]}, `;
  const label = `${optimizer}rate ${formatRate(settings.learningRate)}, ${start}`;
  // Restored runs have negative ids: a new one takes the next after every id in use.
  const id = keptRuns.reduce((highest, run) => Math.max(highest, run.id), 0) + 1;
  const kept = { id, label, epochs, losses };
  useLab.setState({ keptRuns: [...keptRuns, kept].slice(-MAX_KEPT_RUNS) });
}

export function removeKeptRun(id: number): void {
  useLab.setState((state) => ({ keptRuns: state.keptRuns.filter((run) => run.id !== id) }));
}

/** Replaces the whole table (an import, a shared link): one undo step. */
export function replacePeople(people: readonly Person[]): void {
  setPeople(people);
}

/** The hidden layers' sizes, input side first (one size: one layer, written as `hidden` alone). */
export function setHiddenLayers(sizes: readonly number[]): void {
  restartWith({ architecture: withHiddenSizes(useLab.getState().settings.architecture, sizes) });
}

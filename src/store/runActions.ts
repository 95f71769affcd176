import type { Marker } from '../core/lossCurve';
import { STEP_PHASES, type StepPhase } from '../core/stepPhases';
import { runHistory } from './runHistory';
import { lookUpViewed, runStore } from './runStore';
import { sendToTrainer } from './trainerBridge';

/**
 * The actions that write the run store besides the worker bridge: viewing a recorded epoch, the
 * question of branching from it, the step phase shown, and markers on the loss curve. Every other
 * change to the run comes from the worker, through the bridge.
 */

/** Changes of one kind closer together than this (a slider drag, typing a cell) make one marker. */
export const MARKER_MERGE_MS = 1500;

/** When the last marker was placed: a burst of changes of one kind updates one marker. */
class MarkerBursts {
  private lastAt = -Infinity;

  /** Whether a marker placed now joins the last one, and notes that one was placed now. */
  joinsLast(): boolean {
    const now = performance.now();
    const joins = now - this.lastAt < MARKER_MERGE_MS;
    this.lastAt = now;
    return joins;
  }

  reset(): void {
    this.lastAt = -Infinity;
  }
}

export const markerBursts = new MarkerBursts();

/** A marker on the loss curve at the live epoch (none at epoch 0); a burst of one kind keeps its epoch. */
export function addMarker(kind: Marker['kind'], label: string): void {
  const { markers, run } = runStore.getState();
  if (run.epoch <= 0) return;
  const last = markers[markers.length - 1];
  const joins = markerBursts.joinsLast() && last !== undefined && last.kind === kind;
  runStore.setState({
    markers: joins
      ? [...markers.slice(0, -1), { kind, label, epoch: last.epoch }]
      : [...markers, { kind, label, epoch: run.epoch }],
  });
}

/** Show one phase of the SGD step (null hides the walkthrough's highlights). */
export function setStepPhase(stepPhase: StepPhase | null): void {
  runStore.setState({ stepPhase });
}

/** Next phase: forward → loss → backward → update; from none it starts at forward. Stops at update. */
export function nextStepPhase(): void {
  const current = runStore.getState().stepPhase;
  const index = current === null ? -1 : STEP_PHASES.indexOf(current);
  setStepPhase(STEP_PHASES[Math.min(index + 1, STEP_PHASES.length - 1)]!);
}

/** Previous phase; from forward it stays at forward. */
export function previousStepPhase(): void {
  const current = runStore.getState().stepPhase;
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
  if (runStore.getState().run.status === 'running') sendToTrainer({ type: 'pause' });
  const viewing = shown === runHistory.lastEpoch() ? null : shown;
  runStore.setState({ viewEpoch: viewing, viewed: lookUpViewed(viewing) });
  return shown;
}

export function backToLive(): void {
  runStore.setState({ viewEpoch: null, viewed: null, askingToBranch: false });
}

/** Play was pressed while viewing the past: ask whether to branch from there or go back to live. */
export function askToBranch(asking: boolean): void {
  runStore.setState({ askingToBranch: asking });
}

/**
 * Continues training from the viewed epoch: the history after it is dropped (the user chose this),
 * and the worker restarts from the recorded parameters.
 */
export function branchFromViewedEpoch(): void {
  const { viewEpoch: epoch } = runStore.getState();
  if (epoch === null) return;
  const index = runHistory.indexAtOrBefore(epoch);
  if (index < 0) return;
  const params = runHistory.paramsAt(index, new Float64Array(runHistory.paramsPerRecord));
  runHistory.truncateAfter(epoch);
  runStore.setState((state) => ({
    viewEpoch: null,
    viewed: null,
    historyVersion: state.historyVersion + 1,
    markers: state.markers.filter((marker) => marker.epoch <= epoch),
  }));
  sendToTrainer({ type: 'resume-from', epoch, params });
}

import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';
import { ARTICLE_ARCHITECTURE, type Architecture } from '../core/architecture';
import { PARAM_COUNT, type Params } from '../core/network';
import { ARTICLE_SHIFT } from '../core/scaling';
import type { LiveSnapshot, RunNotice, RunStatus } from '../worker/protocol';
import type { Marker } from '../core/lossCurve';
import type { StepPhase } from '../core/stepPhases';
import { runHistory } from './runHistory';

/** The live run, as the worker last reported it: its live snapshot plus which run, its status and notice. */
export interface RunState extends LiveSnapshot {
  readonly runId: number;
  readonly status: RunStatus;
  readonly notice: RunNotice | null;
}

/** A recorded epoch the views show instead of the live run while scrubbing the timeline. */
export interface ViewedRecord {
  /** The kept epoch nearest the one asked for (the history thins itself). */
  readonly epoch: number;
  readonly params: Float64Array;
}

/**
 * The run: what changes while training (up to 60 times a second) and is neither saved nor undoable.
 * Written by the worker bridge (trainerBridge.ts) and by the few actions in runActions.ts; the views
 * read it through the display clock (displayClock.ts) or `useRun`.
 */
export interface RunStoreState {
  readonly run: RunState;
  /** Bumps whenever the training history gains or loses records; read history through it. */
  readonly historyVersion: number;
  /** Labelled moments of this run's loss curve; a new run starts without any. */
  readonly markers: readonly Marker[];
  /** Set when the worker failed; shown to the user. */
  readonly workerError: string | null;
  /** The phase of one SGD step being shown (highlighted on the Network figure); null: none. */
  readonly stepPhase: StepPhase | null;
  /** The recorded epoch every view shows while scrubbing the timeline; null: live. */
  readonly viewEpoch: number | null;
  /** The record shown for `viewEpoch`, looked up once per history version; null: live. */
  readonly viewed: ViewedRecord | null;
  /** Play was pressed while viewing the past: the user is asked to branch or return to live. */
  readonly askingToBranch: boolean;
}

export const INITIAL_RUN: RunState = {
  architecture: ARTICLE_ARCHITECTURE,
  runId: 0,
  status: 'paused',
  epoch: 0,
  cursor: 0,
  sampleCount: 0,
  params: new Float64Array(PARAM_COUNT),
  loss: Number.NaN,
  // The article's rate, as the default settings have it, until the worker reports its own.
  learningRate: 0.1,
  scaling: ARTICLE_SHIFT,
  sample: null,
  epochsPerSecond: 0,
  learningRateSince: 0,
  dataSince: 0,
  plateau: null,
  notice: null,
  nextRow: null,
};

export function initialRunState(): RunStoreState {
  return {
    run: INITIAL_RUN,
    historyVersion: 0,
    markers: [],
    workerError: null,
    stepPhase: null,
    viewEpoch: null,
    viewed: null,
    askingToBranch: false,
  };
}

/** A plain zustand store: no persist, no undo, so a training frame costs one set and its listeners. */
export const runStore = createStore<RunStoreState>()(() => initialRunState());

/**
 * The architecture each parameter vector the store held was reported with. The views get parameters on
 * the display clock, a frame or more after the store, and while a learner reshapes the network several
 * shapes can pass in that time: a parameter count alone does not name a deep network's shape, so a view
 * asks here which one sized the vector it shows. Weak: a vector no view holds is forgotten.
 */
const sizedBy = new WeakMap<Params, Architecture>();
const remember = ({ run, viewed }: RunStoreState): void => {
  sizedBy.set(run.params, run.architecture);
  // A viewed record is read from this run's history, which the run's architecture sizes.
  if (viewed) sizedBy.set(viewed.params, run.architecture);
};
remember(runStore.getState());
runStore.subscribe(remember);

/** The architecture the run store reported `params` with, or undefined for a vector it never held. */
export function architectureOf(params: Params): Architecture | undefined {
  return sizedBy.get(params);
}

/** Selects from the run store in a component; prefer the display clock for what changes every frame. */
export function useRun<T>(selector: (state: RunStoreState) => T): T {
  return useStore(runStore, selector);
}

/** The record the history keeps for `viewEpoch` (the nearest kept epoch), or null: show the live run. */
export function lookUpViewed(viewEpoch: number | null): ViewedRecord | null {
  if (viewEpoch === null) return null;
  const index = runHistory.nearestIndex(viewEpoch);
  if (index < 0) return null;
  return {
    epoch: runHistory.epochAt(index),
    params: runHistory.paramsAt(index, new Float64Array(runHistory.paramsPerRecord)),
  };
}

/**
 * The one rule for what the views show: the live parameters, or while scrubbing the timeline, the
 * ones recorded at the viewed epoch. Allocation-free, so the display clock can call it every frame.
 */
export function shownParams(state: RunStoreState): Params {
  return state.viewed?.params ?? state.run.params;
}

/** The epoch the shown parameters belong to. */
export function shownEpoch(state: RunStoreState): number {
  return state.viewed?.epoch ?? state.run.epoch;
}

/** Training runs live: the views may follow it calmly. Paused, stepping or viewing the past, they may not. */
export function isTrainingLive(state: RunStoreState): boolean {
  return state.run.status === 'running' && state.viewEpoch === null;
}

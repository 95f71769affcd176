import { tableMemory } from '../../src/store/dataActions';
import { initialLabState, useLab, type LabState } from '../../src/store/labStore';
import { autosave } from '../../src/store/persistence';
import { HISTORY_PARAM_COUNT } from '../../src/store/history';
import { markerBursts } from '../../src/store/runActions';
import { runHistory } from '../../src/store/runHistory';
import { resetShareMemory } from '../../src/store/split';
import { initialRunState, runStore, type RunStoreState } from '../../src/store/runStore';
import { trainerBridge } from '../../src/store/trainerBridge';

/** A fresh lab for each test: default document and run, no undo past, empty history, a bridge as new. */
export function resetLab(): void {
  trainerBridge.reset();
  markerBursts.reset();
  runStore.setState(initialRunState(), true);
  useLab.setState(initialLabState(), true);
  useLab.temporal.getState().clear();
  autosave.reset(); // after the reset above, which would otherwise be saved as an edit
  tableMemory.reset();
  resetShareMemory();
  runHistory.clear(HISTORY_PARAM_COUNT); // the article's network, whatever shape the last test left
}

/** The lab as a whole: the document and the run, in one object (a test's view of both stores). */
export type Lab = LabState & RunStoreState;

export function labState(): Lab {
  return { ...useLab.getState(), ...runStore.getState() };
}

const RUN_KEYS = new Set(Object.keys(initialRunState()));

/** Sets parts of the lab, each in its own store (the run's fields in the run store). */
export function setLab(patch: Partial<Lab> | ((state: Lab) => Partial<Lab>)): void {
  const changes = typeof patch === 'function' ? patch(labState()) : patch;
  const run: Record<string, unknown> = {};
  const document: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(changes)) (RUN_KEYS.has(key) ? run : document)[key] = value;
  if (Object.keys(document).length > 0) useLab.setState(document as Partial<LabState>);
  if (Object.keys(run).length > 0) runStore.setState(run as Partial<RunStoreState>);
}

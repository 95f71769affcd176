/**
 * The document's train/test split as the store serves it: the worker's mask of test rows, and the share
 * control, whose every committed change is one undo step together with the table (as units are: undo and
 * redo bring back the share a table was split at).
 */
import { useMemo } from 'react';
import { checkTable } from '../core/checkedTable';
import type { Person } from '../core/dataset';
import { clampShare, isTestRow, testMaskOf } from '../core/split';
import { measureOf } from '../core/units';
import { useLab, type LabState } from './labStore';

interface MaskKey {
  readonly seed: number;
  readonly share: number;
  readonly measure: string;
  readonly mask: Uint8Array | null;
}

const masks = new WeakMap<readonly Person[], MaskKey>();

/** Per valid row of the checked table, 1 for a test row; null when every row trains. Cached per table. */
export function testRowsForWorker(state: LabState = useLab.getState()): Uint8Array | null {
  const { people, settings } = state;
  const measure = measureOf(settings);
  const { seed, trainingShare: share } = settings;
  const known = masks.get(people);
  if (known && known.seed === seed && known.share === share && known.measure === measure) return known.mask;
  const mask = testMaskOf(people, checkTable(people, measure), seed, share);
  masks.set(people, { seed, share, measure, mask });
  return mask;
}

/** Whether the split holds rows out at all (a training share under 100 %). */
export function useHasTestRows(): boolean {
  return useLab((state) => clampShare(state.settings.trainingShare) < 1);
}

/** A test for "is this row a test row?" under the document's seed and share (always false at 100 %). */
export function useIsTestRow(): (id: string) => boolean {
  const seed = useLab((state) => state.settings.seed);
  const share = useLab((state) => state.settings.trainingShare);
  return useMemo(() => (id: string) => isTestRow(id, seed, share), [seed, share]);
}

/** The share each table (immutable, as undo keeps it) was split at. */
let shareOfTable = new WeakMap<readonly Person[], number>();

/** A table brought back by undo or redo brings back its share; any other new table takes the current one. */
function followTable(state: LabState, previous: LabState): void {
  if (state.people === previous.people) return;
  const share = shareOfTable.get(state.people);
  if (share === undefined) shareOfTable.set(state.people, state.settings.trainingShare);
  else if (share !== state.settings.trainingShare) {
    useLab.setState({ settings: { ...state.settings, trainingShare: share } });
  }
}

shareOfTable.set(useLab.getState().people, useLab.getState().settings.trainingShare);
useLab.subscribe(followTable);

/** Forgets every table's share but the current one's (a test's fresh lab). */
export function resetShareMemory(): void {
  shareOfTable = new WeakMap();
  const { people, settings } = useLab.getState();
  shareOfTable.set(people, settings.trainingShare);
}

/**
 * Moves the share while the control is being moved: the split and the worker follow at once, but no
 * undo step is made until `commitTrainingShare` (so a drag is one step, not one per position).
 */
export function previewTrainingShare(share: number): void {
  const { settings } = useLab.getState();
  const trainingShare = clampShare(share);
  if (trainingShare !== settings.trainingShare) useLab.setState({ settings: { ...settings, trainingShare } });
}

/** Makes the share now shown one undo step: a new table array (same rows) remembered with it. */
export function commitTrainingShare(): void {
  const { people, settings } = useLab.getState();
  if (shareOfTable.get(people) === settings.trainingShare) return;
  const table = [...people];
  shareOfTable.set(table, settings.trainingShare);
  useLab.setState({ people: table });
}

/** Sets the share as one undo step (a preview committed at once). */
export function setTrainingShare(share: number): void {
  previewTrainingShare(share);
  commitTrainingShare();
}

/** The Decision boundary's view options: saved with the document, no undo step, the run untouched. */
export function setPlaneOption(option: 'showTestData' | 'discretizeOutput', on: boolean): void {
  const { settings } = useLab.getState();
  if (settings[option] !== on) useLab.setState({ settings: { ...settings, [option]: on } });
}

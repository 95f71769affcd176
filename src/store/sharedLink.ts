import { createStore } from 'zustand/vanilla';
import { decodeShare, peopleFromShare } from '../core/shareCodec';
import { useLab, type LabState } from './labStore';
import { autosave } from './persistence';
import { runStore } from './runStore';
import { trainerBridge } from './trainerBridge';

/** The part of the address that carries a shared lab: `#lab=<compressed state>`. */
export const SHARE_HASH_PREFIX = '#lab=';

/** What a link replaces, and what `Back to my lab` puts back. */
export type LabDocument = Pick<LabState, 'settings' | 'people' | 'keptRuns' | 'resumeFrom'>;

/**
 * - `none`: the user's own lab, nothing from a link.
 * - `linked`: a link's lab is on show; the user's own stays saved until they keep the linked one.
 * - `kept`: the linked lab was kept (it is the saved lab now); going back is offered once more.
 * - `returned`: the user went back to their own lab.
 */
export type LinkMode = 'none' | 'linked' | 'kept' | 'returned';

export interface LinkState {
  readonly mode: LinkMode;
  /** What the lab changed in the link as it opened it (a rate brought into the slider's range). */
  readonly notes: readonly string[];
  /** Why the last link could not be opened; nothing was changed for it. */
  readonly problem: string | null;
  /** The user's own lab while `linked`, the one before keeping while `kept`; null otherwise. */
  readonly own: LabDocument | null;
}

export function initialLinkState(): LinkState {
  return { mode: 'none', notes: [], problem: null, own: null };
}

/** The link banner's state: a plain store, neither saved nor undoable. */
export const linkStore = createStore<LinkState>()(() => initialLinkState());

/** The lab on show, with where its run is now (it may be training), so it can be shown again later. */
function documentOnShow(): LabDocument {
  const { settings, people, keptRuns, resumeFrom } = useLab.getState();
  const { run } = runStore.getState();
  const position = run.runId > 0 ? { epoch: run.epoch, params: Array.from(run.params) } : resumeFrom;
  return { settings, people, keptRuns, resumeFrom: position };
}

/** Shows a whole lab: the table's undo starts from it, and the worker starts its run on it. */
function show(lab: LabDocument): void {
  useLab.setState({ ...lab, selectedRow: null });
  useLab.temporal.getState().clear();
  trainerBridge.sendDocument();
}

/** A link carries a run's weights but not its training: said plainly, since the lab counts from 0 again. */
export const NO_HISTORY_NOTE =
  'The link carries the trained weights, not how they were trained: the run goes on from them counted from ' +
  'Epoch 0, with an empty Loss curve.';

/**
 * Opens a link's lab (the text after `#lab=`) alongside the user's own: the saved lab is set aside and
 * nothing is saved until the user keeps the linked one. A bad link changes nothing and says why.
 */
export function openLink(encoded: string): void {
  const decoded = decodeShare(encoded);
  if (!decoded.ok) {
    linkStore.setState({ problem: decoded.message });
    return;
  }
  const { mode, own } = linkStore.getState();
  // A second link while one is on show replaces that one; the user's own lab is still the one set aside.
  const ownLab = mode === 'linked' && own ? own : documentOnShow();
  if (mode !== 'linked') autosave.hold();
  const { settings, params } = decoded.state;
  show({
    settings,
    people: peopleFromShare(decoded.state),
    keptRuns: [],
    resumeFrom: params ? { epoch: 0, params } : null,
  });
  const notes = params ? [...decoded.notes, NO_HISTORY_NOTE] : decoded.notes;
  linkStore.setState({ mode: 'linked', notes, problem: null, own: ownLab });
}

/**
 * Opens the lab in the address, if it carries one (on load, or when the hash changes in an open tab),
 * then removes it from the address so a reload shows the saved lab rather than the link again.
 */
export function openSharedLink(location: Pick<Location, 'hash' | 'pathname' | 'search'>): void {
  const { hash, pathname, search } = location;
  if (!hash.startsWith(SHARE_HASH_PREFIX)) return;
  history.replaceState(null, '', `${pathname}${search}`);
  openLink(hash.slice(SHARE_HASH_PREFIX.length));
}

/** `Keep this lab`: the linked lab becomes the saved lab; the one before can still be had back once. */
export function keepLinkedLab(): void {
  if (linkStore.getState().mode !== 'linked') return;
  autosave.release(true);
  linkStore.setState({ mode: 'kept', notes: [] });
}

/** `Back to my lab`: the user's own lab again, as it was when the link opened. */
export function backToOwnLab(): void {
  const { mode, own } = linkStore.getState();
  if ((mode !== 'linked' && mode !== 'kept') || !own) return;
  show(own);
  // Not kept: storage still holds this very lab. Kept: it is saved again (autosave follows the change).
  if (mode === 'linked') autosave.release(false);
  linkStore.setState({ mode: 'returned', notes: [], own: null });
}

/** Dismiss: the banner goes; a linked lab on show stays, and so does its choice. */
export function dismissLinkBanner(): void {
  const { mode } = linkStore.getState();
  if (mode === 'linked') linkStore.setState({ problem: null });
  else linkStore.setState(initialLinkState());
}

/** The address that reopens this lab: settings, table and optionally the current parameters. */
export function shareAddress(base: string, encoded: string): string {
  return `${base}${SHARE_HASH_PREFIX}${encoded}`;
}

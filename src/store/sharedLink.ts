import { decodeShare, peopleFromShare } from '../core/shareCodec';
import { initialLabState, useLab } from './labStore';

/** The part of the address that carries a shared lab: `#lab=<compressed state>`. */
export const SHARE_HASH_PREFIX = '#lab=';

/**
 * Opens a shared lab from the address, before the worker starts: its settings, table and (if shared)
 * starting parameters replace the saved lab. A bad link says so and the defaults load. The hash is
 * then removed, so a reload keeps what the user did since instead of opening the link again.
 */
export function openSharedLink(location: Pick<Location, 'hash' | 'pathname' | 'search'>): void {
  if (!location.hash.startsWith(SHARE_HASH_PREFIX)) return;
  const decoded = decodeShare(location.hash.slice(SHARE_HASH_PREFIX.length));
  const defaults = initialLabState();
  if (decoded.ok) {
    const { settings, params } = decoded.state;
    useLab.setState({
      settings,
      people: peopleFromShare(decoded.state),
      keptRuns: [],
      resumeFrom: params ? { epoch: 0, params } : null,
      appNotice: { kind: 'info', message: 'You opened a shared lab: press Play to run it.' },
    });
  } else {
    useLab.setState({
      settings: defaults.settings,
      people: defaults.people,
      resumeFrom: null,
      appNotice: { kind: 'error', message: decoded.message },
    });
  }
  useLab.temporal.getState().clear();
  history.replaceState(null, '', `${location.pathname}${location.search}`);
}

/** The address that reopens this lab: settings, table and optionally the current parameters. */
export function shareAddress(base: string, encoded: string): string {
  return `${base}${SHARE_HASH_PREFIX}${encoded}`;
}

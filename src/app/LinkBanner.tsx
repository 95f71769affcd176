import { useStore } from 'zustand';
import {
  backToOwnLab,
  dismissLinkBanner,
  keepLinkedLab,
  linkStore,
  type LinkMode,
} from '../store/sharedLink';

const MODE_MESSAGES: Readonly<Record<LinkMode, string | null>> = {
  none: null,
  linked:
    'You opened a shared lab: press Play to run it. Your own lab is still saved; this one is not saved unless you keep it.',
  kept: 'The shared lab is now your saved lab.',
  returned: 'Your own lab is back, as it was saved.',
};

/** What a shared link did: the linked lab on show beside the saved one, and the choice between them. */
export function LinkBanner() {
  const mode = useStore(linkStore, (state) => state.mode);
  const notes = useStore(linkStore, (state) => state.notes);
  const problem = useStore(linkStore, (state) => state.problem);
  const message = MODE_MESSAGES[mode];
  if (!message && !problem) return null;
  return (
    <section
      className={problem ? 'app-notice app-notice-error link-banner' : 'app-notice link-banner'}
      aria-label="Shared link"
    >
      <div>
        {problem ? <p role="alert">{problem}</p> : null}
        {message ? (
          <div role="status">
            <p>{message}</p>
            {notes.map((note) => (
              <p key={note}>{note}</p>
            ))}
          </div>
        ) : null}
      </div>
      <div className="link-banner-actions">
        {mode === 'linked' ? (
          <button type="button" onClick={keepLinkedLab}>
            Keep this lab
          </button>
        ) : null}
        {mode === 'linked' || mode === 'kept' ? (
          <button type="button" onClick={backToOwnLab}>
            Back to my lab
          </button>
        ) : null}
        {mode !== 'linked' || problem ? (
          <button type="button" onClick={dismissLinkBanner}>
            Dismiss
          </button>
        ) : null}
      </div>
    </section>
  );
}

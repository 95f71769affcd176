import { dismissUpdate, useOfferedUpdate } from './updateSignal';
import './UpdatePrompt.css';

/**
 * "New version available": a quiet line under the header, read out politely, when a newer lab has been
 * downloaded and waits. `Reload` opens it (the run in progress is saved as always); `Not now` keeps
 * this one, and the new one opens next time.
 */
export function UpdatePrompt() {
  const apply = useOfferedUpdate();
  return (
    // A live region that is always there (and not a `status`, which names the lab's notices), so the
    // line is read out when it appears.
    <div className="update-prompt" aria-live="polite">
      {apply ? (
        <p className="update-prompt-line">
          New version available.{' '}
          <button type="button" onClick={apply}>
            Reload
          </button>{' '}
          <button type="button" onClick={dismissUpdate}>
            Not now
          </button>
        </p>
      ) : null}
    </div>
  );
}

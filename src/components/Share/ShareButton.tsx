import { useId, useState } from 'react';
import { encodeShare, shareSizeProblem, sharedStateOf } from '../../core/shareCodec';
import { useLab } from '../../store/labStore';
import { runStore } from '../../store/runStore';
import { shareAddress } from '../../store/sharedLink';
import './Share.css';

type ShareResult = { link: string; copied: boolean } | { problem: string } | null;

/** Builds the link at the moment of the click (nothing per frame) from the store as it is. */
function buildLink(withParams: boolean): { link: string } | { problem: string } {
  const { settings, people } = useLab.getState();
  const { run } = runStore.getState();
  const finite = Array.from(run.params).every(Number.isFinite);
  const state = sharedStateOf(settings, people, withParams && finite ? run.params : undefined);
  const problem = shareSizeProblem(state);
  if (problem) return { problem };
  const base = `${location.origin}${location.pathname}${location.search}`;
  return { link: shareAddress(base, encodeShare(state)) };
}

/** `Share`: a link that reproduces this lab (settings, table, seed; optionally the current weights). */
export function ShareButton() {
  const id = useId();
  const [withParams, setWithParams] = useState(false);
  const [result, setResult] = useState<ShareResult>(null);
  const share = async (): Promise<void> => {
    const built = buildLink(withParams);
    if ('problem' in built) return setResult(built);
    let copied = false;
    try {
      await navigator.clipboard.writeText(built.link);
      copied = true;
    } catch {
      // No clipboard permission (or no clipboard): the link is shown to copy by hand.
    }
    setResult({ link: built.link, copied });
  };
  return (
    <div className="share">
      <div className="share-row">
        <button type="button" onClick={() => void share()}>
          Share
        </button>
        <label className="share-option">
          <input
            type="checkbox"
            checked={withParams}
            onChange={(event) => setWithParams(event.currentTarget.checked)}
          />
          Include the current weights
        </label>
      </div>
      {result && 'problem' in result ? (
        <p className="field-error" role="alert">
          {result.problem}
        </p>
      ) : null}
      {result && 'link' in result ? (
        <div className="share-result" role="status">
          <label htmlFor={id}>
            {result.copied ? 'Link copied. It reopens this lab:' : 'Copy this link to share the lab:'}
          </label>
          <input
            id={id}
            type="text"
            readOnly
            value={result.link}
            onFocus={(event) => event.currentTarget.select()}
          />
        </div>
      ) : null}
    </div>
  );
}

import { useState } from 'react';
import { setStepPhase } from '../../store/actions';
import {
  labDiffersFrom,
  restoreLabSnapshot,
  setUpArticleLab,
  takeLabSnapshot,
  type LabSnapshot,
} from '../../store/classroomActions';
import { useLab } from '../../store/labStore';

/** The lab before and right after the set-up: Undo puts `before` back while the lab is still `after`. */
interface SetUp {
  readonly before: LabSnapshot;
  readonly after: LabSnapshot;
}

/**
 * `Article's worked example`: one click sets the article's start (its four people, All ones, rate 0.1,
 * in order), paused at epoch 0 with Alice next and the step's phases at the first one, ready to step.
 * `Undo worked example` puts the table and settings back, until the lab is changed again.
 */
export function ArticleExample() {
  const [setUp, setSetUp] = useState<SetUp | null>(null);
  // Read on every document change: an edit after the set-up takes the Undo away.
  const undoable = useLab(() => setUp !== null && !labDiffersFrom(setUp.after));
  const start = (): void => {
    const before = takeLabSnapshot();
    setUpArticleLab();
    setStepPhase('forward');
    setSetUp({ before, after: takeLabSnapshot() });
  };
  const undo = (): void => {
    if (!setUp) return;
    restoreLabSnapshot(setUp.before);
    setSetUp(null);
  };
  return (
    <>
      <button type="button" className="article-example" onClick={start}>
        Article&apos;s worked example
      </button>
      {undoable ? (
        <button type="button" onClick={undo}>
          Undo worked example
        </button>
      ) : null}
    </>
  );
}

import { useEffect, useId, useMemo, useRef } from 'react';
import { checkTable } from '../../core/checkedTable';
import { testMaskOf } from '../../core/split';
import { useDeferredPeople, useMeasure } from '../../store/derived';
import { useLab } from '../../store/labStore';
import { commitTrainingShare, previewTrainingShare } from '../../store/split';
import { formatCount } from '../format';

/** How long the slider rests before a move becomes its undo step (a drag ends without a pointerup too). */
const SETTLE_MS = 500;

/** `10 train · 10 test`, counted on the deferred table (a 100,000-row table counts after the edit paints). */
function SplitCounts() {
  const people = useDeferredPeople();
  const measure = useMeasure();
  const seed = useLab((state) => state.settings.seed);
  const share = useLab((state) => state.settings.trainingShare);
  const { valid, test } = useMemo(() => {
    const table = checkTable(people, measure);
    const mask = testMaskOf(people, table, seed, share);
    return { valid: table.count, test: mask ? mask.reduce((sum, held) => sum + held, 0) : 0 };
  }, [people, measure, seed, share]);
  return (
    <span className="training-share-counts">
      {formatCount(valid - test)} train · {formatCount(test)} test
    </span>
  );
}

/**
 * `Training share`: the share of rows training takes (10-100 %); the rest are held out as test rows,
 * chosen by a seeded hash of each row. Moving it previews at once; one move is one undo step.
 */
export function TrainingShare() {
  const share = useLab((state) => state.settings.trainingShare);
  const percent = Math.round(share * 100);
  const id = useId();
  const settle = useRef<ReturnType<typeof setTimeout> | null>(null);
  const commit = () => {
    if (settle.current !== null) clearTimeout(settle.current);
    settle.current = null;
    commitTrainingShare();
  };
  useEffect(() => () => (settle.current !== null ? clearTimeout(settle.current) : undefined), []);
  return (
    <div className="training-share">
      <label htmlFor={id}>Training share</label>
      <input
        id={id}
        type="range"
        min={10}
        max={100}
        step={5}
        value={percent}
        aria-valuetext={`${percent} %`}
        onChange={(event) => {
          previewTrainingShare(Number(event.target.value) / 100);
          if (settle.current !== null) clearTimeout(settle.current);
          settle.current = setTimeout(commit, SETTLE_MS);
        }}
        onPointerUp={commit}
        onKeyUp={commit}
        onBlur={commit}
      />
      <output htmlFor={id}>{percent} %</output>
      <SplitCounts />
    </div>
  );
}

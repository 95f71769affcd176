import { useId, useState } from 'react';
import { MAX_NOISE } from '../../core/datasets/types';
import { changeRecipe, regenerate, type Loaded } from '../../store/exampleActions';
import { useLab } from '../../store/labStore';
import { NumberField } from '../common/NumberField';
import { noisePercent, parsePoints } from './exampleWords';

/** The slider moves in whole percent. */
const PERCENT_STEPS = Math.round(MAX_NOISE * 100);

/**
 * `Noise`, 0-50 %: the slider shows where it is while it moves, and the set is generated again once
 * it is let go (pointer up, a key released, focus gone), so a drag is one undo step, not fifty.
 */
function NoiseSlider({ noise, onCommit }: { noise: number; onCommit: (noise: number) => void }) {
  const id = useId();
  // A draft belongs to the noise it was moved from: once the set changes (undo too), it is dropped.
  const [draft, setDraft] = useState<{ readonly from: number; readonly percent: number } | null>(null);
  const moving = draft !== null && draft.from === noise ? draft.percent : null;
  const percent = moving ?? Math.round(noise * 100);
  const commit = () => {
    if (moving !== null && moving / 100 !== noise) onCommit(moving / 100);
  };
  return (
    <div className="field slider-field">
      <label htmlFor={id}>Noise</label>
      <input
        id={id}
        type="range"
        min={0}
        max={PERCENT_STEPS}
        step={1}
        value={percent}
        aria-valuetext={noisePercent(percent / 100)}
        onChange={(event) => setDraft({ from: noise, percent: Number(event.currentTarget.value) })}
        onPointerUp={commit}
        onKeyUp={commit}
        onBlur={commit}
      />
      <output htmlFor={id}>{noisePercent(percent / 100)}</output>
    </div>
  );
}

/** `Points`, `Noise` and `Regenerate` for the generated set on show (nothing for the user's own table). */
export function RecipeControls({ onLoaded }: { onLoaded: (loaded: Loaded | null) => void }) {
  const recipe = useLab((state) => state.settings.dataSource);
  if (recipe === null) return null;
  return (
    <>
      <NumberField
        label="Points"
        type="number"
        value={recipe.points}
        format={String}
        parse={parsePoints}
        onCommit={(points) => onLoaded(changeRecipe({ points }))}
      />
      <NoiseSlider noise={recipe.noise} onCommit={(noise) => onLoaded(changeRecipe({ noise }))} />
      <button type="button" onClick={() => onLoaded(regenerate())}>
        Regenerate
      </button>
    </>
  );
}

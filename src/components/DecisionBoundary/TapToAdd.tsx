import type { Gender } from '../../core/dataset';
import type { PlaneWords } from '../../viz/planeWords';

interface TapToAddProps {
  /** The gender a tap on the plane adds, or null while tapping only selects and drags. */
  readonly gender: Gender | null;
  readonly onChange: (gender: Gender | null) => void;
  readonly words: PlaneWords;
}

/**
 * `Add person here`: a way to add people with a finger alone (Shift+click and Alt+click need a
 * keyboard). While it is on, each tap on empty plane adds a person there, of the gender chosen by the
 * two buttons beside it; pressed again, it is off. Each person added is one step Undo takes back.
 */
export function TapToAdd({ gender, onChange, words }: TapToAddProps) {
  const on = gender !== null;
  return (
    <div className="boundary-tap-add">
      <button type="button" aria-pressed={on} onClick={() => onChange(on ? null : 'F')}>
        Add {words.who} here
      </button>
      {on ? (
        <>
          <div className="boundary-tap-genders" role="group" aria-label={`New ${words.who}`}>
            {(['F', 'M'] as const).map((choice) => (
              <button
                key={choice}
                type="button"
                aria-pressed={gender === choice}
                onClick={() => onChange(choice)}
              >
                {words.classes[choice]}
              </button>
            ))}
          </div>
          <span className="boundary-tap-hint">Tap the plane where the new {words.who} goes.</span>
        </>
      ) : null}
    </div>
  );
}

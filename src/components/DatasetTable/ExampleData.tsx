import { useId, useState } from 'react';
import { EXAMPLE_SETS } from '../../core/datasets/registry';
import type { Person } from '../../core/dataset';
import { isArticleTable } from '../../store/classroomActions';
import { chooseExample, type Loaded } from '../../store/exampleActions';
import { useLab } from '../../store/labStore';
import { RecipeControls } from './RecipeControls';
import { loadedNotice } from './exampleWords';

/** What the select shows: the set on show, the article's table, or the user's own. */
function useShownSource(): string {
  const kind = useLab((state) => state.settings.dataSource?.kind ?? null);
  const article = useLab((state) => state.settings.dataLabels === null && isArticleTable(state.people));
  return kind ?? (article ? 'article' : 'own');
}

interface Notice {
  readonly people: readonly Person[];
  readonly message: string;
}

/**
 * `Example data`: the article's four people or a generated set (with `Points`, `Noise` and
 * `Regenerate`). Loading replaces the table as one undo step and says so while that table is on show;
 * an edit makes the table the user's own again.
 */
export function ExampleData() {
  const id = useId();
  const shown = useShownSource();
  const people = useLab((state) => state.people);
  const [notice, setNotice] = useState<Notice | null>(null);
  const announce = (loaded: Loaded | null) => {
    if (!loaded) return;
    const message = loadedNotice(useLab.getState().settings.dataSource, loaded.standardized);
    setNotice({ people: loaded.people, message });
  };
  return (
    <div className="example-data">
      <div className="example-data-fields">
        <div className="field">
          <label htmlFor={id}>Example data</label>
          <select
            id={id}
            value={shown}
            onChange={(event) => announce(chooseExample(event.currentTarget.value))}
          >
            <option value="article">Article (4 people)</option>
            {EXAMPLE_SETS.map((set) => (
              <option key={set.id} value={set.id}>
                {set.label}
              </option>
            ))}
            {shown === 'own' && (
              <option value="own" disabled>
                Your own table
              </option>
            )}
          </select>
        </div>
        <RecipeControls onLoaded={announce} />
      </div>
      <p className="example-data-notice" role="status">
        {notice !== null && notice.people === people ? notice.message : ''}
      </p>
    </div>
  );
}

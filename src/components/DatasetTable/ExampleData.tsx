import { useId, useState } from 'react';
import { EXAMPLE_SETS } from '../../core/datasets/registry';
import { ARTICLE_PEOPLE, checkPerson, type Person } from '../../core/dataset';
import type { Units } from '../../core/settings';
import { isArticleTable } from '../../store/classroomActions';
import { chooseExample, type Loaded } from '../../store/exampleActions';
import { useLab } from '../../store/labStore';
import { RecipeControls } from './RecipeControls';
import { loadedNotice } from './exampleWords';

/** The article's people, in lb/in as typed or in kg/cm as a unit switch wrote them (60.3 kg is 133 lb). */
function readsAsArticle(people: readonly Person[], units: Units): boolean {
  if (units === 'imperial') return isArticleTable(people);
  if (people.length !== ARTICLE_PEOPLE.length) return false; // checked first: a selector runs on every change
  const inPounds = people.map((person) => {
    const { weight, height } = checkPerson(person, 'metric');
    return { ...person, weight: String(Math.round(weight)), height: String(Math.round(height)) };
  });
  return isArticleTable(inPounds);
}

/** What the select shows: the set on show, the article's table, or the user's own. */
function useShownSource(): string {
  const kind = useLab((state) => state.settings.dataSource?.kind ?? null);
  const article = useLab(
    (state) => state.settings.dataLabels === null && readsAsArticle(state.people, state.settings.units),
  );
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

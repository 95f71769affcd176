import { useDeferredValue } from 'react';
import { checkTable } from '../../core/checkedTable';
import type { Person } from '../../core/dataset';
import { inputScale } from '../../core/inputScale';
import { SCALING_LABELS } from '../../core/scaling';
import type { Measure } from '../../core/units';
import { setScaling } from '../../store/actions';
import { useLab } from '../../store/labStore';
import { formatCount } from '../format';

/**
 * After an import: says when the inputs would reach the network far from the article's scale under the
 * current Input scaling, and offers Standardize. Worked out after the import has painted (a deferred
 * render), like the count of flagged rows.
 */
export function ScaleAdvice({
  people,
  measure,
  names,
}: {
  people: readonly Person[];
  measure: Measure;
  /** What the two inputs are called (the file's column names, or weight and height). */
  names: readonly [string, string];
}) {
  const table = useDeferredValue(people);
  const mode = useLab((state) => state.settings.scaling);
  const scale = inputScale(checkTable(table, measure), mode);
  if (mode === 'standardize' || scale === null || scale.far.length === 0) return null;
  const which = scale.far
    .map((index) => `${names[index]} reaches ${formatCount(scale.largest[index])}`)
    .join(' and ');
  const distance = formatCount(Math.max(...scale.far.map((index) => scale.typical[index])));
  return (
    <div className="dataio-advice">
      <p>
        These inputs are far from the article&apos;s scale: {which}. With Input scaling {SCALING_LABELS[mode]}{' '}
        the network sees them about {distance} from 0, where its neurons saturate and training stalls.
        Standardize brings each input to mean 0 and spread 1.
      </p>
      <button type="button" onClick={() => setScaling('standardize')}>
        Use Standardize
      </button>
    </div>
  );
}

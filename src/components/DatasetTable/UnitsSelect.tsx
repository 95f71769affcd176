import { useId } from 'react';
import { UNITS_LABELS } from '../../core/units';
import { setUnits } from '../../store/dataActions';
import { useLab } from '../../store/labStore';
import type { Units } from '../../core/settings';

const OPTIONS = Object.keys(UNITS_LABELS) as Units[];

/**
 * `Units`: lb, in (the article's) or kg, cm. Switching converts the table's valid cells as one undo
 * step; an imported file's columns have no units, so it is disabled while they are shown.
 */
export function UnitsSelect() {
  const units = useLab((state) => state.settings.units);
  const imported = useLab((state) => state.settings.dataLabels !== null);
  const id = useId();
  return (
    <div className="dataset-units">
      <label htmlFor={id}>Units</label>
      <select
        id={id}
        value={units}
        disabled={imported}
        aria-describedby={imported ? `${id}-why` : undefined}
        onChange={(event) => setUnits(event.currentTarget.value as Units)}
      >
        {OPTIONS.map((option) => (
          <option key={option} value={option}>
            {UNITS_LABELS[option]}
          </option>
        ))}
      </select>
      {imported ? (
        <span id={`${id}-why`} className="dataset-units-note">
          Imported columns keep their own numbers.
        </span>
      ) : null}
    </div>
  );
}

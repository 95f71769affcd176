import { memo } from 'react';
import type { Gender } from '../../core/dataset';
import { updatePerson } from '../../store/actions';

interface GenderSelectProps {
  personId: string;
  row: number;
  value: Gender;
  /** The select's name: `Gender`, or `Label` for an imported file. */
  name: string;
  /** The class meaning 1: Female in the article, or an imported file's label value. */
  positiveLabel: string;
  negativeLabel: string;
}

/**
 * The person's true class: Female (target 1) or Male (target 0), as in the article; for an imported
 * file, its label value meaning 1 or the rest.
 */
export const GenderSelect = memo(function GenderSelect(props: GenderSelectProps) {
  const { personId, row, value, name, positiveLabel, negativeLabel } = props;
  const options: readonly { value: Gender; label: string }[] = [
    { value: 'F', label: positiveLabel },
    { value: 'M', label: negativeLabel },
  ];
  return (
    <select
      className="dataset-input dataset-select"
      aria-label={name}
      value={value}
      data-row={row}
      data-col="gender"
      onChange={(event) => updatePerson(personId, { gender: event.currentTarget.value as Gender })}
    >
      {options.map((option) => (
        <option key={option.value} value={option.value}>
          {option.label}
        </option>
      ))}
    </select>
  );
});

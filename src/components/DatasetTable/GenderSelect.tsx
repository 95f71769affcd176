import { memo } from 'react';
import type { Gender } from '../../core/dataset';
import { updatePerson } from '../../store/actions';

const GENDER_OPTIONS: readonly { value: Gender; label: string }[] = [
  { value: 'F', label: 'Female' },
  { value: 'M', label: 'Male' },
];

interface GenderSelectProps {
  personId: string;
  row: number;
  value: Gender;
}

/** The person's true class: Female (target 1) or Male (target 0), as in the article. */
export const GenderSelect = memo(function GenderSelect({ personId, row, value }: GenderSelectProps) {
  return (
    <select
      className="dataset-input dataset-select"
      aria-label="Gender"
      value={value}
      data-row={row}
      data-col="gender"
      onChange={(event) => updatePerson(personId, { gender: event.currentTarget.value as Gender })}
    >
      {GENDER_OPTIONS.map((option) => (
        <option key={option.value} value={option.value}>
          {option.label}
        </option>
      ))}
    </select>
  );
});

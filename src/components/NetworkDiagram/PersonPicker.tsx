import { memo, useId } from 'react';
import { selectRow } from '../../store/actions';
import { useLab } from '../../store/labStore';

const FOLLOW_TRAINING = 'last';
/** Options listed at most: 100,000 <option>s would take seconds to render; the table picks the rest. */
const MAX_LISTED = 200;

/** A person's name as the views show it; an unnamed row is called by its number. */
export function personName(name: string, row: number): string {
  return name.trim() === '' ? `Row ${row + 1}` : name.trim();
}

/**
 * Picks whose values the figure shows: a table row, or whom `Step sample` trains next (the one it just
 * trained, right after it). Memoised: no props.
 */
export const PersonPicker = memo(function PersonPicker() {
  const id = useId();
  const people = useLab((state) => state.people);
  const selected = useLab((state) => state.selectedRow);
  const listed = people.slice(0, MAX_LISTED).map((person, row) => ({ person, row }));
  const far = selected !== null && selected >= MAX_LISTED ? people[selected] : undefined;
  if (far && selected !== null) listed.push({ person: far, row: selected });
  return (
    <div className="person-picker">
      <label htmlFor={id}>Person shown</label>
      <select
        id={id}
        value={selected === null ? FOLLOW_TRAINING : String(selected)}
        onChange={(event) => {
          const value = event.currentTarget.value;
          selectRow(value === FOLLOW_TRAINING ? null : Number(value));
        }}
      >
        <option value={FOLLOW_TRAINING}>Next or just trained</option>
        {listed.map(({ person, row }) => (
          <option key={person.id} value={String(row)}>
            {personName(person.name, row)}
          </option>
        ))}
      </select>
    </div>
  );
});

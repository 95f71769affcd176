import { memo } from 'react';
import { checkPerson, displayName, type Person } from '../../core/dataset';
import type { Measure } from '../../core/units';
import { selectRow } from '../../store/actions';
import { useLab } from '../../store/labStore';
import { activationColor } from '../../viz/colorScales';
import { formatExact, formatLoss } from '../format';
import { CellInput } from './CellInput';
import { GenderSelect } from './GenderSelect';

interface DatasetRowProps {
  person: Person;
  index: number;
  selected: boolean;
  /** The network's live output for this person (NaN when the row is left out). */
  output: number;
  /** This person's own loss, (ytrue - ypred)^2 (NaN when left out). */
  loss: number;
  /** The row's side of the train/test split; null while every row trains (no `Set` column). */
  set: 'Train' | 'Test' | null;
  onRemove: (id: string, index: number) => void;
  /** How the numbers read: lb/in, kg/cm, or an imported file's columns. */
  measure: Measure;
  /** The input columns' names (the textboxes' accessible names): `Weight (lb)` or an imported name. */
  weightLabel: string;
  heightLabel: string;
  /** The class column's name (`Gender`, or `Label` for an imported file) and its two values' names. */
  classLabel: string;
  positiveLabel: string;
  negativeLabel: string;
  /** A numeric target's column name: the row shows its number to edit instead of a class to pick. */
  targetLabel?: string;
  /** Lets the virtual table measure the row; absent when every row is rendered. */
  rowRef?: (row: HTMLTableRowElement | null) => void;
}

/** Focus or a click anywhere in a row makes the views follow that person. */
function select(index: number): void {
  if (useLab.getState().selectedRow !== index) selectRow(index);
}

/**
 * One person. Memoized: typing in another row leaves this one alone; a training frame re-renders it,
 * but its inputs are memoized too, so only the Output and Loss cells change.
 */
export const DatasetRow = memo(function DatasetRow(props: DatasetRowProps) {
  const { person, index, selected, output, loss, onRemove, measure, rowRef } = props;
  const check = checkPerson(person, measure);
  const problemOf = (field: 'name' | 'weight' | 'height' | 'target') =>
    check.problems.find((problem) => problem.field === field)?.message;
  const name = displayName(person, index);
  const classes = ['dataset-row', selected ? 'is-selected' : '', check.valid ? '' : 'is-left-out'];
  return (
    <tr
      ref={rowRef}
      data-index={index}
      aria-rowindex={index + 2}
      className={classes.join(' ').trim()}
      aria-current={selected ? 'true' : undefined}
      onFocus={() => select(index)}
      onClick={() => select(index)}
    >
      <td>
        <CellInput
          personId={person.id}
          row={index}
          column="name"
          label="Name"
          value={person.name}
          problem={problemOf('name')}
        />
        {check.valid ? null : <span className="dataset-badge">left out of training</span>}
      </td>
      <td>
        <CellInput
          personId={person.id}
          row={index}
          column="weight"
          label={props.weightLabel}
          value={person.weight}
          problem={problemOf('weight')}
          inputMode="decimal"
        />
      </td>
      <td>
        <CellInput
          personId={person.id}
          row={index}
          column="height"
          label={props.heightLabel}
          value={person.height}
          problem={problemOf('height')}
          inputMode="decimal"
        />
      </td>
      <td>
        {props.targetLabel === undefined ? (
          <GenderSelect
            personId={person.id}
            row={index}
            value={person.gender}
            name={props.classLabel}
            positiveLabel={props.positiveLabel}
            negativeLabel={props.negativeLabel}
          />
        ) : (
          <CellInput
            personId={person.id}
            row={index}
            column="target"
            label={props.targetLabel}
            value={person.target ?? ''}
            problem={problemOf('target')}
            inputMode="decimal"
          />
        )}
      </td>
      {props.set === null ? null : (
        <td className={`dataset-set is-${props.set.toLowerCase()}`} data-testid="row-set">
          {props.set}
        </td>
      )}
      <td
        className="dataset-number"
        data-testid="row-output"
        title={check.valid ? formatExact(output) : undefined}
      >
        {check.valid && Number.isFinite(output) ? (
          <>
            {props.targetLabel === undefined ? (
              <span
                className="dataset-swatch"
                style={{ background: activationColor(output) }}
                aria-hidden="true"
              />
            ) : null}
            {output.toFixed(3)}
          </>
        ) : (
          '—'
        )}
      </td>
      <td className="dataset-number" title={check.valid ? formatExact(loss) : undefined}>
        {check.valid ? formatLoss(loss) : '—'}
      </td>
      <td>
        <button
          type="button"
          className="dataset-remove"
          data-row={index}
          data-col="remove"
          aria-label={`Remove ${name}`}
          onClick={() => onRemove(person.id, index)}
        >
          Remove
        </button>
      </td>
    </tr>
  );
});

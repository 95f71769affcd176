import { useId, useMemo, useState } from 'react';
import {
  isNumericLabel,
  labelValues,
  suggestMapping,
  type ColumnMapping as Mapping,
  type RawTable,
} from '../../core/csv';

interface ColumnMappingProps {
  raw: RawTable;
  source: string;
  onApply: (mapping: Mapping) => void;
  onCancel: () => void;
}

/** An option's text, cut short: a label cell can be long. */
function shorten(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

interface ChoiceProps {
  label: string;
  value: string;
  options: readonly { value: string; text: string }[];
  onChange: (value: string) => void;
}

function Choice({ label, value, options, onChange }: ChoiceProps) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(event) => onChange(event.currentTarget.value)}>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.text}
          </option>
        ))}
      </select>
    </div>
  );
}

/**
 * The mapping step for a file whose headers are not name/weight/height/gender: two input columns, the
 * label column and the label value that means 1. The lab then calls the inputs by the chosen columns'
 * names and the classes by the label values, with no units.
 */
export function ColumnMapping({ raw, source, onApply, onCancel }: ColumnMappingProps) {
  const [mapping, setMapping] = useState<Mapping>(() => suggestMapping(raw));
  const columns = raw.headers.map((header, i) => ({
    value: String(i),
    text: shorten(header) || `Column ${i + 1}`,
  }));
  const values = labelValues(raw, mapping.label);
  const numeric = useMemo(() => isNumericLabel(raw, mapping.label), [raw, mapping.label]);
  const distinct = new Set([mapping.x1, mapping.x2, mapping.label]).size === 3;
  const pick = (key: 'x1' | 'x2') => (value: string) => setMapping({ ...mapping, [key]: Number(value) });
  const pickLabel = (value: string) => {
    const label = Number(value);
    setMapping({ ...mapping, label, positive: labelValues(raw, label)[0] ?? '' });
  };
  return (
    <div className="dataio-mapping" role="group" aria-label="Choose columns">
      <p>
        The columns of {source} are not name, weight, height and gender. Choose the two inputs and the label.
        The table, Predict and the plane will use your column names (with no units) in place of weight and
        height; the label value you pick means 1, every other value 0.
      </p>
      <div className="dataio-mapping-fields">
        <Choice label="First input" value={String(mapping.x1)} options={columns} onChange={pick('x1')} />
        <Choice label="Second input" value={String(mapping.x2)} options={columns} onChange={pick('x2')} />
        <Choice label="Label column" value={String(mapping.label)} options={columns} onChange={pickLabel} />
        {!numeric && (
          <Choice
            label="Label value meaning 1"
            value={mapping.positive}
            options={values.map((value) => ({ value, text: shorten(value) }))}
            onChange={(positive) => setMapping({ ...mapping, positive })}
          />
        )}
        <Choice
          label="Names from"
          value={mapping.name === null ? '' : String(mapping.name)}
          options={[{ value: '', text: 'No names' }, ...columns]}
          onChange={(value) => setMapping({ ...mapping, name: value === '' ? null : Number(value) })}
        />
      </div>
      {numeric && (
        <p className="dataio-numeric-label">
          Numeric label: the lab will predict a number. Its output neuron becomes linear and it learns by the
          mean squared error; it reports the mean absolute error instead of accuracy.
        </p>
      )}
      {!distinct && <p className="dataio-error">Pick three different columns: two inputs and a label.</p>}
      <div className="dataio-buttons">
        <button type="button" disabled={!distinct} onClick={() => onApply(mapping)}>
          Use these columns
        </button>
        <button type="button" onClick={onCancel}>
          Cancel import
        </button>
      </div>
    </div>
  );
}

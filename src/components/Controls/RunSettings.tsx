import { useId } from 'react';
import { INITIAL_WEIGHT_LABELS, type InitialWeights } from '../../core/init';
import { SCALING_LABELS, type ScalingMode } from '../../core/scaling';
import { SAMPLE_ORDER_LABELS, type SampleOrder } from '../../core/trainer';
import { setInitialWeights, setSampleOrder, setScaling, setSeed, setStopAtEpoch } from '../../store/actions';
import { useLab } from '../../store/labStore';
import { NumberField, type ParseResult } from '../common/NumberField';

interface SelectFieldProps<T extends string> {
  label: string;
  value: T;
  options: Readonly<Record<T, string>>;
  onChange: (value: T) => void;
}

function SelectField<T extends string>({ label, value, options, onChange }: SelectFieldProps<T>) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(event) => onChange(event.currentTarget.value as T)}>
        {(Object.keys(options) as T[]).map((key) => (
          <option key={key} value={key}>
            {options[key]}
          </option>
        ))}
      </select>
    </div>
  );
}

const MAX_SEED = 2 ** 32 - 1;
const MAX_STOP_EPOCH = 1e12;

export function parseSeed(text: string): ParseResult<number> {
  const trimmed = text.trim();
  if (!/^\d+$/.test(trimmed)) return { ok: false, message: 'The seed is a whole number, 0 or more.' };
  const seed = Number(trimmed);
  if (seed > MAX_SEED) return { ok: false, message: `The seed is at most ${MAX_SEED}.` };
  return { ok: true, value: seed };
}

export function parseStopAt(text: string): ParseResult<number | null> {
  const trimmed = text.trim().replace(/,/g, '');
  if (trimmed === '') return { ok: true, value: null };
  if (!/^\d+$/.test(trimmed) || Number(trimmed) < 1) {
    return { ok: false, message: 'Stop at epoch is a whole number, 1 or more (empty: no limit).' };
  }
  if (Number(trimmed) > MAX_STOP_EPOCH)
    return { ok: false, message: 'Stop at epoch is at most 1,000,000,000,000.' };
  return { ok: true, value: Number(trimmed) };
}

/** Where a run starts and how it goes: initial weights, seed, input scaling, sample order, stop. */
export function RunSettings() {
  const settings = useLab((state) => state.settings);
  return (
    <div className="run-settings">
      <SelectField<InitialWeights>
        label="Initial weights"
        value={settings.initialWeights}
        options={INITIAL_WEIGHT_LABELS}
        onChange={setInitialWeights}
      />
      <NumberField
        label="Seed"
        type="number"
        value={settings.seed}
        format={String}
        parse={parseSeed}
        onCommit={(seed) => {
          if (seed !== useLab.getState().settings.seed) setSeed(seed);
        }}
      />
      <SelectField<ScalingMode>
        label="Input scaling"
        value={settings.scaling}
        options={SCALING_LABELS}
        onChange={setScaling}
      />
      <SelectField<SampleOrder>
        label="Sample order"
        value={settings.sampleOrder}
        options={SAMPLE_ORDER_LABELS}
        onChange={setSampleOrder}
      />
      <NumberField
        label="Stop at epoch"
        type="number"
        value={settings.stopAtEpoch}
        format={(epoch) => (epoch === null ? '' : String(epoch))}
        parse={parseStopAt}
        onCommit={(epoch) => {
          if (epoch !== useLab.getState().settings.stopAtEpoch) setStopAtEpoch(epoch);
        }}
        hint="Empty: no limit"
      />
    </div>
  );
}

import { useId } from 'react';
import { INITIAL_WEIGHT_LABELS, type InitialWeights } from '../../core/init';
import { SCALING_LABELS, type ScalingMode } from '../../core/scaling';
import { SAMPLE_ORDER_LABELS, type SampleOrder } from '../../core/trainer';
import {
  setInitialWeights,
  setSampleOrder,
  setScaling,
  setSeed,
  setStopAtEpoch,
  setStopAtLoss,
} from '../../store/actions';
import { useLab } from '../../store/labStore';
import { NumberField } from '../common/NumberField';
import { NetworkOptions } from './NetworkOptions';
import { commitChanged, parseSeed, parseStopAt, parseStopAtLoss } from './parseFields';
import { SelectField } from './SelectField';

const optional = (value: number | null): string => (value === null ? '' : String(value));
const settings = () => useLab.getState().settings;

/** Where training pauses itself: at an epoch, or once the loss comes down to a value. */
function StopSettings() {
  const stopAtEpoch = useLab((state) => state.settings.stopAtEpoch);
  const stopAtLoss = useLab((state) => state.settings.stopAtLoss);
  return (
    <div className="run-settings">
      <NumberField
        label="Stop at epoch"
        type="number"
        value={stopAtEpoch}
        format={optional}
        parse={parseStopAt}
        onCommit={commitChanged(() => settings().stopAtEpoch, setStopAtEpoch)}
        hint="Empty: no limit"
      />
      <NumberField
        label="Stop at loss"
        type="number"
        inputMode="decimal"
        value={stopAtLoss}
        format={optional}
        parse={parseStopAtLoss}
        onCommit={commitChanged(() => settings().stopAtLoss, setStopAtLoss)}
        hint="Empty: no limit"
      />
    </div>
  );
}

/** Where a run starts and how samples are ordered (fields of the advanced grid). */
function StartSettings() {
  const initialWeights = useLab((state) => state.settings.initialWeights);
  const seed = useLab((state) => state.settings.seed);
  const scaling = useLab((state) => state.settings.scaling);
  const sampleOrder = useLab((state) => state.settings.sampleOrder);
  return (
    <>
      <SelectField<InitialWeights>
        label="Initialization"
        value={initialWeights}
        options={INITIAL_WEIGHT_LABELS}
        onChange={setInitialWeights}
      />
      <NumberField
        label="Seed"
        type="number"
        value={seed}
        format={String}
        parse={parseSeed}
        onCommit={commitChanged(() => settings().seed, setSeed)}
      />
      <SelectField<ScalingMode>
        label="Input scaling"
        value={scaling}
        options={SCALING_LABELS}
        onChange={setScaling}
      />
      <SelectField<SampleOrder>
        label="Sample order"
        value={sampleOrder}
        options={SAMPLE_ORDER_LABELS}
        onChange={setSampleOrder}
      />
    </>
  );
}

/**
 * Stop at epoch and Stop at loss, then the advanced settings: where a run starts, the network and how
 * it trains. The advanced ones share one grid in one `data-advanced` element, which presenter mode hides.
 */
export function RunSettings() {
  const noteId = useId();
  return (
    <>
      <StopSettings />
      <div
        className="run-settings advanced-settings"
        data-advanced=""
        role="group"
        aria-label="Advanced settings"
        aria-describedby={noteId}
      >
        <div id={noteId} className="field-hint options-note">
          Changing these starts the run again from its initial weights (Sample order applies from the next
          epoch).
        </div>
        <StartSettings />
        <NetworkOptions />
      </div>
    </>
  );
}

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

/*
 * One setting, two selects: `Initial weights` keeps the lab's first choice (Random or the article's All
 * ones), and `Initialization` says how Random draws (the article's standard normal, Xavier/Glorot, He);
 * picking a draw there starts from random weights.
 */
type StartKind = 'random' | 'ones';
const START_KIND_LABELS: Readonly<Record<StartKind, string>> = { random: 'Random', ones: 'All ones' };
type RandomDraw = Exclude<InitialWeights, 'ones'>;
const RANDOM_DRAW_LABELS: Readonly<Record<RandomDraw, string>> = {
  random: INITIAL_WEIGHT_LABELS.random,
  xavier: INITIAL_WEIGHT_LABELS.xavier,
  he: INITIAL_WEIGHT_LABELS.he,
};

/** Where a run starts and how samples are ordered (fields of the advanced grid). */
function StartSettings() {
  const initialWeights = useLab((state) => state.settings.initialWeights);
  const seed = useLab((state) => state.settings.seed);
  const scaling = useLab((state) => state.settings.scaling);
  const sampleOrder = useLab((state) => state.settings.sampleOrder);
  return (
    <>
      <SelectField<StartKind>
        label="Initial weights"
        value={initialWeights === 'ones' ? 'ones' : 'random'}
        options={START_KIND_LABELS}
        onChange={setInitialWeights}
      />
      <SelectField<RandomDraw>
        label="Initialization"
        value={initialWeights === 'ones' ? 'random' : initialWeights}
        options={RANDOM_DRAW_LABELS}
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

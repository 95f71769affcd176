import {
  ACTIVATION_LABELS,
  UPDATE_LABELS,
  type HiddenActivation,
  type UpdateMode,
} from '../../core/architecture';
import { setArchitecture } from '../../store/actions';
import { useLab } from '../../store/labStore';
import { NumberField } from '../common/NumberField';
import { HiddenLayerFields } from './HiddenLayerFields';
import { InputFeatures } from './InputFeatures';
import { LossField } from './LossField';
import { OptimizerOptions } from './OptimizerOptions';
import { commitChanged, parseBatchSize } from './parseFields';
import { RegularizationOptions } from './RegularizationOptions';
import { SelectField } from './SelectField';

/**
 * The network's shape and how it trains (fields of the advanced grid): each change starts the run again
 * from its initial weights.
 */
export function NetworkOptions() {
  const architecture = useLab((state) => state.settings.architecture);
  const { activation, loss, update, batchSize } = architecture;
  const current = () => useLab.getState().settings.architecture;
  return (
    <>
      <HiddenLayerFields />
      <SelectField<HiddenActivation>
        label="Hidden activation"
        value={activation}
        options={ACTIVATION_LABELS}
        onChange={(value) => setArchitecture({ activation: value })}
      />
      <LossField loss={loss} />
      <SelectField<UpdateMode>
        label="Updates"
        value={update}
        options={UPDATE_LABELS}
        onChange={(value) => setArchitecture({ update: value })}
      />
      {update === 'mini-batch' ? (
        <NumberField
          label="Batch size"
          type="number"
          value={batchSize}
          format={String}
          parse={parseBatchSize}
          onCommit={commitChanged(
            () => current().batchSize,
            (size) => setArchitecture({ batchSize: size }),
          )}
        />
      ) : null}
      <OptimizerOptions />
      <RegularizationOptions />
      <InputFeatures />
    </>
  );
}

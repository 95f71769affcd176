import { LOSS_LABELS, type LossKind } from '../../core/architecture';
import { setArchitecture } from '../../store/actions';
import { useRun } from '../../store/runStore';
import { SelectField } from './SelectField';

const REGRESSION_LOSSES: Readonly<Record<'mse', string>> = { mse: LOSS_LABELS.mse };

/**
 * The `Loss` select. A run that predicts a number offers only the mean squared error, and says why:
 * binary cross-entropy scores a probability against one of two classes, which a number is not.
 */
export function LossField({ loss }: { loss: LossKind }) {
  const numeric = useRun((state) => state.run.architecture.output === 'linear');
  if (!numeric) {
    return (
      <SelectField<LossKind>
        label="Loss"
        value={loss}
        options={LOSS_LABELS}
        onChange={(value) => setArchitecture({ loss: value })}
      />
    );
  }
  return (
    <>
      <SelectField<'mse'> label="Loss" value="mse" options={REGRESSION_LOSSES} onChange={() => undefined} />
      <p className="field-hint">
        The table predicts a number, so the loss is the mean squared error: binary cross-entropy scores a
        probability against one of two classes, and a number is neither.
      </p>
    </>
  );
}

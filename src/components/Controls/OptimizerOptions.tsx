import {
  DEFAULT_MOMENTUM,
  OPTIMIZER_LABELS,
  optimizerChoice,
  optimizerOf,
  type OptimizerChoice,
  type OptimizerSettings,
} from '../../core/optimizer';
import type { Architecture } from '../../core/architecture';
import { setArchitecture } from '../../store/actions';
import { useLab } from '../../store/labStore';
import { NumberField } from '../common/NumberField';
import { decayParser, parseEpsilon } from './optimizerFields';
import { commitChanged, parseMomentum } from './parseFields';
import { SelectField } from './SelectField';

const current = (): Architecture => useLab.getState().settings.architecture;

/**
 * The network's settings for an Optimizer entry: Momentum is PyTorch's SGD with momentum above 0 (0.9
 * when none was set), SGD the same with momentum 0; RMSProp and Adam keep the momentum for a switch back.
 */
export function choosePatch(choice: OptimizerChoice, arch: Architecture): Partial<Architecture> {
  const optimizer = optimizerOf(arch);
  if (choice === 'sgd') return { momentum: 0, optimizer: { ...optimizer, kind: 'sgd' } };
  if (choice === 'momentum') {
    return {
      momentum: arch.momentum > 0 ? arch.momentum : DEFAULT_MOMENTUM,
      optimizer: { ...optimizer, kind: 'sgd' },
    };
  }
  return { optimizer: { ...optimizer, kind: choice } };
}

function setOption(key: Exclude<keyof OptimizerSettings, 'kind'>): (value: number) => void {
  return commitChanged(
    () => optimizerOf(current())[key],
    (value) => setArchitecture({ optimizer: { ...optimizerOf(current()), [key]: value } }),
  );
}

const parseBeta1 = decayParser('Beta 1');
const parseBeta2 = decayParser('Beta 2');
const parseAlpha = decayParser('Alpha');

/**
 * `Optimizer` and the options of the one chosen, PyTorch's defaults until edited: `Momentum` for SGD and
 * Momentum, `Alpha` and `Epsilon` for RMSProp, `Beta 1`, `Beta 2` and `Epsilon` for Adam. Each change
 * starts the run again, as the other network options do.
 */
export function OptimizerOptions() {
  const architecture = useLab((state) => state.settings.architecture);
  const choice = optimizerChoice(architecture);
  const { beta1, beta2, alpha, epsilon } = optimizerOf(architecture);
  const adaptive = choice === 'rmsprop' || choice === 'adam';
  return (
    <>
      <SelectField<OptimizerChoice>
        label="Optimizer"
        value={choice}
        options={OPTIMIZER_LABELS}
        onChange={(value) => setArchitecture(choosePatch(value, current()))}
      />
      {adaptive ? null : (
        <NumberField
          label="Momentum"
          inputMode="decimal"
          value={architecture.momentum}
          format={String}
          parse={parseMomentum}
          onCommit={commitChanged(
            () => current().momentum,
            (value) => setArchitecture({ momentum: value }),
          )}
          hint="0 to 0.99; 0: none"
        />
      )}
      {choice === 'adam' ? (
        <>
          <NumberField
            label="Beta 1"
            inputMode="decimal"
            value={beta1}
            format={String}
            parse={parseBeta1}
            onCommit={setOption('beta1')}
            hint="decay of the mean gradient"
          />
          <NumberField
            label="Beta 2"
            inputMode="decimal"
            value={beta2}
            format={String}
            parse={parseBeta2}
            onCommit={setOption('beta2')}
            hint="decay of the mean squared gradient"
          />
        </>
      ) : null}
      {choice === 'rmsprop' ? (
        <NumberField
          label="Alpha"
          inputMode="decimal"
          value={alpha}
          format={String}
          parse={parseAlpha}
          onCommit={setOption('alpha')}
          hint="decay of the mean squared gradient"
        />
      ) : null}
      {adaptive ? (
        <NumberField
          label="Epsilon"
          inputMode="decimal"
          value={epsilon}
          format={String}
          parse={parseEpsilon}
          onCommit={setOption('epsilon')}
          hint="keeps a step from dividing by 0"
        />
      ) : null}
    </>
  );
}

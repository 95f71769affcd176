import { useId, useRef, useState } from 'react';
import { networkOf, shapeFor } from '../../core/engine';
import { networkParamNames } from '../../core/layerNames';
import {
  RELATIVE_STEP,
  checkSampleGradient,
  gradientVerdict,
  hasKinks,
  type GradientCheck as Check,
} from '../../core/gradientCheck';
import { useRunArchitecture, useShownScaling, useStepRecord, type StepRecord } from '../../store/derived';
import { useOnScreen } from '../common/useOnScreen';
import { formatValue } from '../format';
import { CheckTable } from './CheckTable';
import { ParamWorking } from './ParamWorking';
import { verdictWords } from './verdictWords';
import './GradientCheck.css';

/** A check done, with whom and what it was done on (it stays as it was while training moves on). */
interface Done {
  readonly check: Check;
  readonly names: readonly string[];
  readonly params: Float64Array;
  readonly who: string;
  readonly kinks: boolean;
}

function whoOf(record: StepRecord): string {
  const name = record.person.name.trim() || `Row ${record.row + 1}`;
  return `${name} (x1 = ${formatValue(record.x1)}, x2 = ${formatValue(record.x2)}, ytrue = ${formatValue(record.target)})`;
}

/**
 * `Check gradients`: backprop's gradient for the person the Math view follows, against a centred finite
 * difference of the same loss (with the weight penalty when the run has one), for every parameter; a
 * `Parameter` picker shows one check worked out. It checks what is shown when pressed, and keeps that.
 */
export function GradientCheck() {
  const ref = useRef<HTMLElement>(null);
  const onScreen = useOnScreen(ref);
  const record = useStepRecord('formulas', onScreen);
  const runArchitecture = useRunArchitecture();
  const scaling = useShownScaling();
  const [done, setDone] = useState<Done | null>(null);
  const [selected, setSelected] = useState<number | null>(null);
  const pickerId = useId();

  const run = () => {
    if (!record) return;
    const params = Float64Array.from(record.paramsBefore);
    const net = networkOf(record.architecture ?? runArchitecture, params, scaling);
    const shape = shapeFor(params, net.architecture);
    const check = checkSampleGradient(net, record);
    setDone({
      check,
      names: networkParamNames(shape),
      params,
      who: whoOf(record),
      kinks: hasKinks(net),
    });
    setSelected(null);
  };

  const shown = done === null ? null : (selected ?? done.check.worst);
  const words =
    done === null ? null : verdictWords(done.check, gradientVerdict(done.check, done.kinks), done.names);
  return (
    <section ref={ref} className="gradient-check" aria-label="Gradient check">
      <h2 className="gradient-check-title">Gradient check</h2>
      <p className="gradient-check-intro">
        Is backprop right? Each parameter p is nudged by ±h, h = {RELATIVE_STEP.toExponential(0)} × max(1,
        |p|), and the centred difference (L(p + h) − L(p − h)) / 2h compared with backprop’s dL/dp. L is the
        loss of the step the Math view explains (its person, plus any weight penalty). A relative error |a −
        b| / max(|a|, |b|) below 1e-6 means about seven digits agree, as they should for smooth activations; a
        ReLU’s kink at 0 can push it higher without a bug.
      </p>
      <button type="button" onClick={run} disabled={record === null}>
        Check gradients
      </button>
      {done && words && shown !== null ? (
        <div className="gradient-check-result">
          <p className="gradient-check-who">Checked on {done.who}.</p>
          <div className="gradient-check-verdict" role="status">
            <p className="gradient-check-headline">{words.headline}</p>
            <p>{words.detail}</p>
          </div>
          <div className="field">
            <label htmlFor={pickerId}>Parameter</label>
            <select
              id={pickerId}
              value={shown}
              onChange={(event) => setSelected(Number(event.currentTarget.value))}
            >
              {done.names.map((name, index) => (
                <option key={name} value={index}>
                  {name}
                </option>
              ))}
            </select>
          </div>
          <ParamWorking
            param={done.check.params[shown]!}
            name={done.names[shown]!}
            value={done.params[shown]!}
          />
          {/* On a phone the table is wider than the panel: it scrolls sideways inside it. */}
          <div className="gradient-check-scroll" tabIndex={0} role="group" aria-label="Every parameter">
            <CheckTable check={done.check} names={done.names} selected={shown} />
          </div>
        </div>
      ) : null}
    </section>
  );
}

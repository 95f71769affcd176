import { useMemo, type KeyboardEvent } from 'react';
import { nextStepPhase, previousStepPhase } from '../../store/actions';
import { useStepRecord, type StepRecord } from '../../store/derived';
import { useLab } from '../../store/labStore';
import { useCalmValue } from '../common/useCalmValue';
import { Glossary } from '../Glossary/Glossary';
import { Term } from '../Glossary/Term';
import { FORMULA_SCROLLER, FormulaBlock } from './FormulaBlock';
import { stepFormulas } from './formulas';
import { GradientTable } from './GradientTable';
import { plainNumber } from './numbers';
import { PhaseControls } from './PhaseControls';
import { isFormulaActive } from './phases';
import { SymmetryCallout } from './SymmetryCallout';
import './MathView.css';

/** The person's name as typed (React escapes it; it never goes into KaTeX), or the row for a blank one. */
function displayName(record: StepRecord): string {
  const name = record.person.name.trim();
  return name === '' ? `Row ${record.row + 1}` : name;
}

/** How often the formulas refresh while training runs. */
const CALM_MS = 500;

function isOverflowingFormula(target: EventTarget): boolean {
  return (
    target instanceof HTMLElement &&
    target.classList.contains(FORMULA_SCROLLER) &&
    target.scrollWidth > target.clientWidth
  );
}

/** Which step is explained, for whom, and its inputs. */
function StepSubject({ record }: { readonly record: StepRecord }) {
  const name = <strong className="math-person">{displayName(record)}</strong>;
  return (
    <p className="math-subject">
      {record.kind === 'last-step' ? <>The step just taken, on {name}</> : <>The next step for {name}</>}: x1
      = {plainNumber(record.x1)}, x2 = {plainNumber(record.x2)} (scaled weight and height), ytrue ={' '}
      {record.target} ({record.target === 1 ? 'Female' : 'Male'}), learning rate η ={' '}
      {plainNumber(record.learningRate)}.
    </p>
  );
}

function StepFormulas({ record }: { readonly record: StepRecord }) {
  const phase = useLab((state) => state.stepPhase);
  const [neuron, feedforward, loss, backprop, update] = useMemo(() => stepFormulas(record), [record]);
  return (
    <>
      <ol className="math-formulas">
        <FormulaBlock title="Neuron" formula={neuron!} active={isFormulaActive(phase, 'neuron')}>
          A <Term name="neuron">neuron</Term> weighs its inputs, adds its <Term name="bias">bias</Term> and
          squashes the sum with the <Term name="sigmoid">sigmoid</Term> f. Here, h1:
        </FormulaBlock>
        <FormulaBlock
          title="Feedforward"
          formula={feedforward!}
          active={isFormulaActive(phase, 'feedforward')}
        >
          <Term name="feedforward">Feedforward</Term>: h1 and h2 read the inputs, the output o1 reads h1 and
          h2. o1 is the prediction ypred (near 1: Female, near 0: Male).
        </FormulaBlock>
        <FormulaBlock title="Loss" formula={loss!} active={isFormulaActive(phase, 'loss')}>
          This person’s <Term name="loss">loss</Term>: the squared gap between truth and prediction. The loss
          the lab reports is the mean of these over everyone (MSE).
        </FormulaBlock>
        <FormulaBlock title="Backpropagation" formula={backprop!} active={isFormulaActive(phase, 'backprop')}>
          One part of the <Term name="gradient">gradient</Term>: how the loss changes with w1, by the chain
          rule along w1 → h1 → ypred → L.
        </FormulaBlock>
        <FormulaBlock title="SGD update" formula={update!} active={isFormulaActive(phase, 'update')}>
          w1 takes a small step against its gradient, scaled by the{' '}
          <Term name="learning rate">learning rate</Term> η. The other eight parameters do the same (see the
          table).
        </FormulaBlock>
      </ol>
      <GradientTable record={record} phase={phase} />
    </>
  );
}

/**
 * The `Math` view: the article's formulas (neuron, feedforward, loss, dL/dw1 by the chain rule, SGD
 * update) filled with the live numbers of one SGD step, walked through in four phases. Left and Right
 * move between phases while the view has focus (`data-own-keys` keeps the global shortcuts off them),
 * except on a formula too wide for the view, where they scroll it.
 */
export function MathView() {
  const running = useLab((state) => state.run.status === 'running');
  // While training, the formulas refresh twice a second: readable, and typesetting stays cheap.
  const record = useCalmValue(useStepRecord(), running ? CALM_MS : 0);
  const onKeyDown = (event: KeyboardEvent<HTMLElement>): void => {
    if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
    if (isOverflowingFormula(event.target)) return; // a formula wider than the view scrolls with the arrows
    if (event.key === 'ArrowRight') nextStepPhase();
    else if (event.key === 'ArrowLeft') previousStepPhase();
    else return;
    event.preventDefault();
  };
  return (
    <section className="math-view" aria-label="Math" tabIndex={0} data-own-keys onKeyDown={onKeyDown}>
      <header className="math-head">
        <h2 className="math-title">Math</h2>
        <Glossary />
      </header>
      {record ? (
        <>
          <StepSubject record={record} />
          <PhaseControls />
          <SymmetryCallout params={record.paramsBefore} />
          <StepFormulas record={record} />
        </>
      ) : (
        <p className="math-empty">
          No one to follow: every row of the dataset has a problem. Fix a row to see its step here.
        </p>
      )}
    </section>
  );
}

import { memo, useMemo, useRef, type KeyboardEvent } from 'react';
import { nextStepPhase, previousStepPhase } from '../../store/actions';
import { useStepRecord, type StepRecord } from '../../store/derived';
import type { Person } from '../../core/dataset';
import { useLab } from '../../store/labStore';
import { useRun } from '../../store/runStore';
import { useOnScreen } from '../common/useOnScreen';
import { Glossary } from '../Glossary/Glossary';
import { usePlaneWords } from '../common/usePlaneWords';
import { FORMULA_SCROLLER, FormulaBlock } from './FormulaBlock';
import { formulaLeads } from './FormulaLeads';
import { stepFormulas, type FormulaId } from './formulas';
import { isPlainSgd, type MathContext } from '../../viz/mathContext';
import { OPTIMIZER_KINDS } from '../../core/optimizer';
import { useMathContext } from '../common/useMathContext';
import { GradientTable } from './GradientTable';
import { LayeredBackprop } from './LayeredBackprop';
import { isLayered } from '../../core/layerShape';
import type { StepPhase } from '../../core/stepPhases';
import { ModelTerms } from './ModelTerms';
import { OptimizerState } from './OptimizerState';
import { plainNumber } from './numbers';
import { PhaseControls } from './PhaseControls';
import { inputWords } from './PhaseGuide';
import { isFormulaActive } from './phases';
import { SymmetryCallout } from './SymmetryCallout';
import './MathView.css';

function isOverflowingFormula(target: EventTarget): boolean {
  return (
    target instanceof HTMLElement &&
    target.classList.contains(FORMULA_SCROLLER) &&
    target.scrollWidth > target.clientWidth
  );
}

/** The person's name as typed (React escapes it; it never goes into KaTeX), or the row for a blank one. */
function displayName(person: Person, row: number): string {
  const name = person.name.trim();
  return name === '' ? `Row ${row + 1}` : name;
}

/** Who `Step sample` trains next, by name, or null when the record is that step or no row can train. */
function useNextName(record: StepRecord): string | null {
  const nextRow = useRun((state) => state.run.nextRow);
  const viewing = useRun((state) => state.viewEpoch !== null);
  const next = useLab((state) => (nextRow === null ? undefined : state.people[nextRow]));
  if (record.kind === 'next' || viewing || nextRow === null || !next) return null;
  return displayName(next, nextRow);
}

/** Which step is explained, for whom, and its inputs; never a step `Step sample` will not take as next. */
function StepSubject({ record, context }: { readonly record: StepRecord; readonly context: MathContext }) {
  const name = <strong className="math-person">{displayName(record.person, record.row)}</strong>;
  // The article's words, or an imported file's column names and label values.
  const words = usePlaneWords();
  const inputs = inputWords(words);
  const nextName = useNextName(record);
  const whose = {
    'last-step': <>The step just taken, on {name}</>,
    next: <>The next step for {name}</>,
    preview: <>The step {name} would get from the weights shown</>,
  }[record.kind];
  return (
    <p className="math-subject">
      {whose}
      {nextName === null ? '' : ` (Step sample trains ${nextName} next)`}: x1 = {plainNumber(record.x1)}, x2 ={' '}
      {plainNumber(record.x2)} (scaled {inputs}), ytrue = {record.target} (
      {record.target === 1 ? words.classes.F : words.classes.M}), learning rate η ={' '}
      {plainNumber(record.learningRate)}
      {context.momentum > 0 ? `, momentum μ = ${plainNumber(context.momentum)}` : ''}
      {context.optimizer ? `, optimizer ${OPTIMIZER_KINDS[context.optimizer.kind]}` : ''}
      {context.batch > 1 ? `, ${context.batch} samples per update` : ''}.
    </p>
  );
}

function StepFormulas({
  record,
  context,
  onScreen,
}: {
  readonly record: StepRecord;
  readonly context: MathContext;
  readonly onScreen: boolean;
}) {
  const phase = useRun((state) => state.stepPhase);
  if (isLayered(context)) return <LayeredStep record={record} context={context} phase={phase} />;
  return <OneLayerFormulas record={record} context={context} onScreen={onScreen} phase={phase} />;
}

/** Two or more hidden layers: backpropagation's recursion with its numbers, then every parameter's step. */
function LayeredStep({
  record,
  context,
  phase,
}: {
  readonly record: StepRecord;
  readonly context: MathContext;
  readonly phase: StepPhase | null;
}) {
  return (
    <>
      <LayeredBackprop record={record} context={context} />
      <GradientTable record={record} phase={phase} context={context} />
    </>
  );
}

function OneLayerFormulas({
  record,
  context,
  onScreen,
  phase,
}: {
  readonly record: StepRecord;
  readonly context: MathContext;
  readonly onScreen: boolean;
  readonly phase: StepPhase | null;
}) {
  // Training, or out of sight: the formulas re-typeset one per turn instead of all in one task (an
  // edit of a big table while paused need not wait for five formulas nobody sees).
  const staggered = useRun((state) => state.run.status === 'running') || !onScreen;
  const formulas = useMemo(() => stepFormulas(record, context), [record, context]);
  const words = usePlaneWords();
  const leads = formulaLeads(context, words.classes);
  const titles: Record<FormulaId, string> = {
    neuron: 'Neuron',
    feedforward: 'Feedforward',
    loss: 'Loss',
    backprop: 'Backpropagation',
    update: updateTitle(context),
  };
  return (
    <>
      <ol className="math-formulas">
        {formulas.map((formula) => (
          <FormulaBlock
            key={formula.id}
            title={titles[formula.id]}
            formula={formula}
            active={isFormulaActive(phase, formula.id)}
            staggered={staggered}
          >
            {leads[formula.id]}
          </FormulaBlock>
        ))}
      </ol>
      <ModelTerms record={record} context={context} />
      <GradientTable record={record} phase={phase} context={context} />
      <OptimizerState context={context} onScreen={onScreen} />
    </>
  );
}

/** `SGD update`, or what the update is when it is not the article's per-sample step. */
function updateTitle(context: MathContext): string {
  if (isPlainSgd(context)) return 'SGD update';
  const batch = context.update === 'full-batch' ? 'Full-batch' : context.batch > 1 ? 'Mini-batch' : 'SGD';
  if (context.optimizer)
    return `${batch === 'SGD' ? 'Per-sample' : batch} ${OPTIMIZER_KINDS[context.optimizer.kind]} update`;
  return context.momentum > 0 ? `${batch} update with momentum` : `${batch} update`;
}

/**
 * What the view explains: one step record and its context. Memoized on them, so the body renders (and
 * KaTeX typesets) only when the calm record changes, not on every training frame.
 */
const MathBody = memo(function MathBody({
  record,
  context,
  onScreen,
}: {
  readonly record: StepRecord | null;
  readonly context: MathContext | null;
  readonly onScreen: boolean;
}) {
  if (!record || !context) {
    return (
      <p className="math-empty">
        No one to follow: every row of the dataset has a problem. Fix a row to see its step here.
      </p>
    );
  }
  return (
    <>
      <StepSubject record={record} context={context} />
      <PhaseControls context={context} />
      <SymmetryCallout params={record.paramsBefore} inputs={context.features.length} />
      <StepFormulas record={record} context={context} onScreen={onScreen} />
    </>
  );
});

/**
 * The step record, calmed: while training runs it refreshes twice a second on screen and not at all
 * off screen (it catches up when scrolled back into view, or at once when paused).
 */
function LiveMath({ onScreen }: { readonly onScreen: boolean }) {
  const record = useStepRecord('formulas', onScreen);
  const context = useMathContext(record);
  return <MathBody record={record} context={context} onScreen={onScreen} />;
}

/**
 * The `Math` view: the article's formulas (neuron, feedforward, loss, dL/dw1 by the chain rule, SGD
 * update) filled with the live numbers of one SGD step, walked through in four phases. They follow the
 * network's size, activation, loss and update rule; with the article's defaults they read as the article. Left and Right
 * move between phases while the view has focus (`data-own-keys` keeps the global shortcuts off them),
 * except on a formula too wide for the view, where they scroll it.
 */
export function MathView() {
  const sectionRef = useRef<HTMLElement>(null);
  const onScreen = useOnScreen(sectionRef);
  const onKeyDown = (event: KeyboardEvent<HTMLElement>): void => {
    if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
    if (isOverflowingFormula(event.target)) return; // a formula wider than the view scrolls with the arrows
    if (event.key === 'ArrowRight') nextStepPhase();
    else if (event.key === 'ArrowLeft') previousStepPhase();
    else return;
    event.preventDefault();
  };
  return (
    <section
      ref={sectionRef}
      className="math-view"
      aria-label="Math"
      tabIndex={0}
      data-own-keys
      onKeyDown={onKeyDown}
    >
      <header className="math-head">
        <h2 className="math-title">Math</h2>
        <Glossary />
      </header>
      <LiveMath onScreen={onScreen} />
    </section>
  );
}

import { hiddenFromParamCount } from '../../core/architecture';
import { networkParamNames, networkParamRole } from '../../core/layerNames';
import { isLayered } from '../../core/layerShape';
import type { StepRecord } from '../../store/derived';
import type { StepPhase } from '../../core/stepPhases';
import { formatExact, formatValue } from '../format';
import { hasPenalty, isPlainSgd, type MathContext } from '../../viz/mathContext';
import { MATH_DIGITS } from './numbers';
import { penalizedWeights, penaltyPush } from './penaltyTerms';
import { useRowWindow } from './useRowWindow';
import { useRef } from 'react';

/** From this many parameters (a 4 × 8 network has 249) the table renders only the rows in view. */
export const WINDOWED_FROM = 61;

function NumberCell({ value, lit }: { readonly value: number; readonly lit: boolean }) {
  return (
    <td className={lit ? 'is-lit' : undefined} title={formatExact(value)}>
      {formatValue(value, MATH_DIGITS)}
    </td>
  );
}

/**
 * The `Gradient` table: the step for every parameter (w1 … b(H+1), 4H + 1 rows; the article's nine for
 * 2-2-1; every weight and bias of every layer in a deeper network): value before, dL/dparam, and the change. With the article's per-sample SGD the change is
 * −η × dL/dparam and the value after is shown; with mini-batches the change is this sample's share
 * −(η / B) × dL/dparam, and with momentum the gradient's push −η × dL/dparam, since the step itself also
 * depends on the other samples or the steps before. With a weight penalty a `Penalty` column adds
 * λ R'(w) for each weight (0 for the biases); per sample the change includes it, and in batches it is
 * added once per step. The backward phase lights the gradients, the update phase the change and the new
 * values.
 *
 * The table sits in its own scroll region, which scrolls sideways on a phone (keyboard too), never cutting
 * a number. A long one (WINDOWED_FROM rows or more) also scrolls down inside a box of fixed height and
 * renders only the rows in view: aria-rowcount and aria-rowindex tell a screen reader the whole size.
 */
export function GradientTable({
  record,
  phase,
  context,
}: {
  readonly record: StepRecord;
  readonly phase: StepPhase | null;
  readonly context: MathContext;
}) {
  const rate = record.learningRate;
  const plain = isPlainSgd(context);
  const scale = plain || context.batch === 1 ? rate : rate / context.batch;
  const inputs = context.features.length;
  // mathContext sized the network by the step's own parameters; a 1-layer one is read from their count.
  const shape = isLayered(context)
    ? context
    : { ...context, hidden: hiddenFromParamCount(record.paramsBefore.length, inputs) ?? context.hidden };
  const names = networkParamNames(shape);
  const penalized = hasPenalty(context);
  const weights = penalizedWeights(shape);
  const pushOf = (index: number): number =>
    penalized && index < weights ? penaltyPush(context, names[index]!, record.paramsBefore[index]!).value : 0;
  const scrollRef = useRef<HTMLDivElement>(null);
  const bodyRef = useRef<HTMLTableSectionElement>(null);
  const windowed = names.length >= WINDOWED_FROM;
  const rows = useRowWindow(names.length, windowed, scrollRef, bodyRef);
  const columns = 4 + (penalized ? 1 : 0) + (plain ? 1 : 0);
  const changeTitle = plain ? 'Change' : context.batch > 1 ? 'This sample’s share' : 'Gradient’s push';
  const changeRule =
    context.batch > 1 && !plain
      ? '(−η/B × dL/dparam)'
      : penalized && plain
        ? '(−η × (dL/dparam + penalty))'
        : '(−η × dL/dparam)';
  return (
    <div
      ref={scrollRef}
      className={windowed ? 'math-gradient-scroll is-windowed' : 'math-gradient-scroll'}
      tabIndex={0}
      role="group"
      aria-label="Gradient table"
      onScroll={windowed ? rows.onScroll : undefined}
    >
      <table className="math-gradient" aria-rowcount={windowed ? names.length + 1 : undefined}>
        <caption>Gradient</caption>
        <thead>
          <tr aria-rowindex={windowed ? 1 : undefined}>
            <th scope="col">Parameter</th>
            <th scope="col">Before</th>
            <th scope="col">dL/dparam</th>
            {penalized ? <th scope="col">Penalty (λ R′(w))</th> : null}
            <th scope="col">
              {changeTitle} <span className="math-gradient-rule">{changeRule}</span>
            </th>
            {plain ? <th scope="col">After</th> : null}
          </tr>
        </thead>
        <tbody ref={bodyRef}>
          {rows.gapBefore > 0 ? <RowGap height={rows.gapBefore} columns={columns} /> : null}
          {names.slice(rows.start, rows.end).map((name, offset) => {
            const index = rows.start + offset;
            const gradient = record.grad[index] ?? Number.NaN;
            const push = pushOf(index);
            // per sample the step takes the penalty with the gradient; in a batch it joins the mean once
            const stepped = plain ? gradient + push : gradient;
            return (
              <tr key={name} aria-rowindex={windowed ? index + 2 : undefined}>
                <th scope="row" title={networkParamRole(shape, index, context.features)}>
                  {name}
                </th>
                <NumberCell value={record.paramsBefore[index]!} lit={phase === 'forward'} />
                <NumberCell value={gradient} lit={phase === 'backward'} />
                {penalized ? <NumberCell value={push} lit={phase === 'backward'} /> : null}
                <NumberCell value={-scale * stepped} lit={phase === 'update'} />
                {plain ? (
                  <NumberCell value={record.paramsAfter[index] ?? Number.NaN} lit={phase === 'update'} />
                ) : null}
              </tr>
            );
          })}
          {rows.gapAfter > 0 ? <RowGap height={rows.gapAfter} columns={columns} /> : null}
        </tbody>
      </table>
    </div>
  );
}

/** The space of rows not rendered, hidden from assistive technology (aria-rowcount gives the size). */
function RowGap({ height, columns }: { readonly height: number; readonly columns: number }) {
  return (
    <tr className="math-gradient-gap" aria-hidden="true">
      <td colSpan={columns} style={{ height }} />
    </tr>
  );
}

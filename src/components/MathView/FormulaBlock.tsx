import { useId, type ReactNode } from 'react';
import { formatExact } from '../format';
import type { FilledFormula } from './formulas';
import { Tex } from './Tex';

interface FormulaBlockProps {
  readonly title: string;
  readonly formula: FilledFormula;
  /** Lit up: the current phase of the walkthrough touches this formula. */
  readonly active: boolean;
  /** Re-typeset on the formula's turn (while training runs); see Tex. */
  readonly staggered: boolean;
  /** A short lead-in in plain words (may hold glossary terms). */
  readonly children: ReactNode;
}

/**
 * One formula of the article: a heading, a lead-in, the formula with live numbers, and every number at
 * full precision, shown while the formula is hovered or focused (and always its accessible description).
 * The formula box scrolls sideways when it is wider than the view; `FORMULA_SCROLLER` marks it.
 */
export const FORMULA_SCROLLER = 'math-formula-body';

export function FormulaBlock({ title, formula, active, staggered, children }: FormulaBlockProps) {
  const valuesId = useId();
  return (
    <li
      className={active ? 'math-formula is-active' : 'math-formula'}
      aria-current={active ? 'step' : undefined}
    >
      <h3 className="math-formula-title">{title}</h3>
      <p className="math-formula-lead">{children}</p>
      <div
        className={FORMULA_SCROLLER}
        role="group"
        aria-label={`${title}, with numbers`}
        aria-describedby={valuesId}
        tabIndex={0}
      >
        <Tex tex={formula.tex} plain={formula.plain} staggered={staggered} />
      </div>
      <dl id={valuesId} className="math-values" aria-label="Full precision">
        {formula.values.map((value) => (
          <div key={value.label} className="math-value">
            <dt>{value.label}</dt>
            <dd>{formatExact(value.exact)}</dd>
          </div>
        ))}
      </dl>
    </li>
  );
}

import { useEffect, useMemo, useState } from 'react';
import { queueTypeset } from './typesetQueue';
import { isSafeTex } from './texGuard';
import { useTexRenderer } from './texRenderer';

interface TexProps {
  /** Lab-generated TeX only: numbers formatted by our own code and fixed symbols. Never user text. */
  readonly tex: string;
  /** What a screen reader reads instead (and what shows if the TeX is refused or KaTeX fails to load). */
  readonly plain: string;
  /**
   * While training runs: re-typeset on this formula's turn (see typesetQueue.ts) rather than at once,
   * so the view's formulas change one per frame. The plain text follows at once.
   */
  readonly staggered?: boolean;
}

/**
 * A formula typeset by KaTeX, with its plain-text alternative for screen readers. This is the only
 * `dangerouslySetInnerHTML` in the Math view: only lab-generated TeX (numbers formatted by our own code
 * and fixed symbols) ever reaches it, the guard refuses anything else, and KaTeX runs with
 * `trust: false` so no command can add links or attributes.
 */
export function Tex({ tex, plain, staggered = false }: TexProps) {
  const renderer = useTexRenderer();
  const [turnTex, setTurnTex] = useState(tex);
  useEffect(() => {
    if (!staggered || turnTex === tex) return;
    return queueTypeset(() => setTurnTex(tex));
  }, [staggered, tex, turnTex]);
  const shownTex = staggered ? turnTex : tex;
  const safe = isSafeTex(shownTex);
  const html = useMemo(
    () => (safe && renderer !== null && renderer !== 'failed' ? renderer.renderTex(shownTex) : null),
    [safe, renderer, shownTex],
  );
  if (!safe || renderer === 'failed') return <span className="tex-plain">{plain}</span>;
  return (
    <>
      {html === null ? (
        <span className="tex tex-loading" aria-hidden="true" />
      ) : (
        <span className="tex" aria-hidden="true" dangerouslySetInnerHTML={{ __html: html }} />
      )}
      <span className="math-sr-only">{plain}</span>
    </>
  );
}

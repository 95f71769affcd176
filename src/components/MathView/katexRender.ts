import katex from 'katex';
import 'katex/dist/katex.min.css';

/**
 * KaTeX and its stylesheet, loaded on demand (see Tex.tsx): together they are about 75 kB gzip, over a
 * third of the initial-bundle budget, and only the Math view needs them.
 */
export function renderTex(tex: string): string {
  return katex.renderToString(tex, {
    throwOnError: false,
    output: 'html', // the formula is aria-hidden; screen readers read Tex's plain text instead
    trust: false,
    displayMode: true,
    fleqn: true,
  });
}

import type { CSSProperties } from 'react';

/**
 * One figure of the status, in a box of `max(minChars, text.length)` characters (the figures are set in
 * a monospace font). The box is sized by that count alone (styles.css: size and layout containment), so
 * while training the browser lays out only the box each frame, not the page from its root: a new epoch
 * with as many digits as the last changes nothing outside it, and a longer one widens the box once.
 */
export function StatusValue({ text, minChars }: { text: string; minChars: number }) {
  const style = { '--status-chars': Math.max(minChars, text.length) } as CSSProperties;
  return (
    <span className="status-value" style={style}>
      {text}
    </span>
  );
}

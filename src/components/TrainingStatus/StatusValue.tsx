import type { CSSProperties } from 'react';

/** A status value's box, in characters: its text's length, at least the figure's usual width. */
export function statusChars(text: string, minChars: number): number {
  return Math.max(minChars, text.length);
}

/**
 * One figure of the status, in a box of `statusChars` characters (the figures are set in a monospace
 * font). The box is sized by that count alone (styles.css: size and layout containment), so while
 * training the browser lays out only the box each frame, not the page from its root: a new epoch with as
 * many digits as the last changes nothing outside it, and a longer one widens the box once. The figures
 * that change while training are written on the display clock instead (LiveFigure.tsx), in the same box.
 */
export function StatusValue({ text, minChars }: { text: string; minChars: number }) {
  const style = { '--status-chars': statusChars(text, minChars) } as CSSProperties;
  return (
    <span className="status-value" style={style}>
      {text}
    </span>
  );
}

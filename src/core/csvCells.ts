/**
 * CSV cells as text: writing them so a spreadsheet cannot run them as formulas (OWASP's advice: a
 * leading `'`), reading that escaping back, quoting, and finding a file's delimiter.
 */

/**
 * A cell that a spreadsheet would read as a formula (`=`, `+`, `-`, `@`, tab, carriage return), also
 * behind apostrophes: `'=x` is escaped too, so that reading the escaping back is exact.
 */
const ESCAPED_ON_EXPORT = /^'*[=+\-@\t\r]/;
/** A cell the export escaped: one apostrophe added in front of what it escapes. */
const ESCAPED_BY_EXPORT = /^'+[=+\-@\t\r]/;

/** The cell with a leading `'` when a spreadsheet would otherwise read it as a formula. */
export function neutralizeFormula(cell: string): string {
  return ESCAPED_ON_EXPORT.test(cell) ? `'${cell}` : cell;
}

/** A cell as it was before `neutralizeFormula`: the inverse for every string. */
export function restoreFormula(cell: string): string {
  return ESCAPED_BY_EXPORT.test(cell) ? cell.slice(1) : cell;
}

/**
 * Characters that make a cell quoted: the comma, quote and line breaks CSV needs, and also tab and
 * semicolon, so that no header line of ours reads as tab- or semicolon-separated.
 */
const NEEDS_QUOTES = /[",;\t\n\r]/;

function quoteCell(cell: string): string {
  return NEEDS_QUOTES.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell;
}

/** Comma-separated rows, quoted where needed, lines ending in `\n` between rows. */
export function formatCsvRows(rows: readonly (readonly string[])[]): string {
  return rows.map((row) => row.map(quoteCell).join(',')).join('\n');
}

const DELIMITERS = [',', '\t', ';'] as const;

/**
 * The delimiter the header line uses most, outside quotes: comma, tab or semicolon (comma on a tie).
 * The header line ends at the first line break outside quotes.
 */
export function detectDelimiter(text: string): string {
  const counts = new Map<string, number>(DELIMITERS.map((d) => [d, 0]));
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (char === '"') quoted = !quoted;
    else if (quoted) continue;
    else if (char === '\n' || char === '\r') break;
    else if (counts.has(char)) counts.set(char, counts.get(char)! + 1);
  }
  return DELIMITERS.reduce((best, d) => (counts.get(d)! > counts.get(best)! ? d : best));
}

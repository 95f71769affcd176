import { cloneWithInlineStyles } from './inlineStyles';

const SVG_NS = 'http://www.w3.org/2000/svg';
/** The band above the drawing that carries the figure's title. */
export const TITLE_BAND = 28;
const MARGIN = 8;
const TEXT_SIZE = 12;
const ROW_GAP = 4;
/** A generous average width of a character of the legend's type, in units of its size. */
const CHARACTER_WIDTH = 0.6;
const FONT = 'system-ui, -apple-system, "Segoe UI", sans-serif';

function svgElement<K extends keyof SVGElementTagNameMap>(tag: K): SVGElementTagNameMap[K] {
  return document.createElementNS(SVG_NS, tag);
}

function textAt(content: string, x: number, y: number, style: string): SVGTextElement {
  const text = svgElement('text');
  text.setAttribute('x', String(x));
  text.setAttribute('y', String(y));
  text.setAttribute('style', style);
  text.textContent = content;
  return text;
}

/** The words of a legend entry, without those drawn inside its swatch (a colour bar's ticks). */
function entryWords(entry: Element): string {
  const words: string[] = [];
  const walker = document.createTreeWalker(entry, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!node.parentElement?.closest('svg')) words.push(node.textContent ?? '');
  }
  return words.join('').replace(/\s+/g, ' ').trim();
}

/** `words` in lines of at most `perLine` characters, broken at spaces (a longer word keeps a line). */
export function wrapWords(words: string, perLine: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of words.split(' ')) {
    if (line !== '' && line.length + 1 + word.length > perLine) {
      lines.push(line);
      line = word;
    } else line = line === '' ? word : `${line} ${word}`;
  }
  if (line !== '') lines.push(line);
  return lines;
}

/** The figure's title as visible text, in the band above the drawing. */
export function titleText(title: string, color: string): SVGTextElement {
  return textAt(
    title,
    MARGIN,
    TITLE_BAND - 9,
    `font-family:${FONT};font-size:16px;font-weight:600;fill:${color}`,
  );
}

/**
 * The figure's legend, one entry a row under the drawing starting at `top`: each entry's swatch (its
 * small SVG, styles inlined) and its words. The legend is HTML in the page; a file has only the SVG.
 */
export function legendRows(
  entries: readonly Element[],
  top: number,
  width: number,
  color: string,
): { rows: SVGGElement; height: number } {
  const rows = svgElement('g');
  let y = top + ROW_GAP;
  for (const entry of entries) {
    const words = entryWords(entry);
    const swatchSource = entry.querySelector('svg');
    const rect = swatchSource?.getBoundingClientRect();
    const swatchWidth = Number(swatchSource?.getAttribute('width')) || rect?.width || 0;
    const swatchHeight = Number(swatchSource?.getAttribute('height')) || rect?.height || 0;
    if (words === '' && !swatchSource) continue;
    const rowHeight = Math.max(swatchHeight, TEXT_SIZE + 4);
    if (swatchSource) {
      const swatch = cloneWithInlineStyles(swatchSource);
      swatch.setAttribute('x', String(MARGIN));
      swatch.setAttribute('y', String(y + (rowHeight - swatchHeight) / 2));
      swatch.setAttribute('width', String(swatchWidth));
      swatch.setAttribute('height', String(swatchHeight));
      rows.append(swatch);
    }
    const besideSwatch = MARGIN + (swatchSource ? swatchWidth + MARGIN : 0);
    // Words too long for the room beside a wide swatch (a colour bar) go on a line under it, not off the edge.
    const fitsBeside = besideSwatch + words.length * CHARACTER_WIDTH * TEXT_SIZE <= width - MARGIN;
    const style = `font-family:${FONT};font-size:${TEXT_SIZE}px;fill:${color}`;
    if (words !== '' && fitsBeside)
      rows.append(textAt(words, besideSwatch, y + rowHeight / 2 + TEXT_SIZE / 3, style));
    if (words !== '' && !fitsBeside) {
      y += rowHeight;
      const perLine = Math.max(8, Math.floor((width - 2 * MARGIN) / (CHARACTER_WIDTH * TEXT_SIZE)));
      for (const line of wrapWords(words, perLine)) {
        rows.append(textAt(line, MARGIN, y + TEXT_SIZE, style));
        y += TEXT_SIZE + 4;
      }
      y -= rowHeight;
    }
    y += rowHeight + ROW_GAP;
  }
  return { rows, height: y - top };
}

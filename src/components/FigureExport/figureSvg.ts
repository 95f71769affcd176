import type { FigureExportSpec } from './figures';
import { legendRows, TITLE_BAND, titleText } from './figureFrame';
import { cloneWithInlineStyles, resolveCustomProperties } from './inlineStyles';

const SVG_NS = 'http://www.w3.org/2000/svg';
/** Used when the theme's surface colour cannot be read (it always can in a browser). */
const FALLBACK_BACKGROUND = '#ffffff';

export interface FigureSvg {
  /** A standalone SVG document. */
  readonly text: string;
  /** Its size in CSS pixels (the PNG is drawn at twice this). */
  readonly width: number;
  readonly height: number;
}

/** The drawing's size in its own units: the viewBox, else the width and height attributes. */
function drawingSize(svg: SVGSVGElement): { width: number; height: number } {
  const box = svg
    .getAttribute('viewBox')
    ?.trim()
    .split(/[\s,]+/)
    .map(Number);
  if (box?.length === 4 && box[2]! > 0 && box[3]! > 0) return { width: box[2]!, height: box[3]! };
  const rect = svg.getBoundingClientRect();
  const width = Number(svg.getAttribute('width')) || rect.width;
  const height = Number(svg.getAttribute('height')) || rect.height;
  return { width, height };
}

/**
 * A canvas drawn next to the SVG (the Decision boundary's heatmap, the hidden-neuron maps) as an
 * <image> at the same place; null when it cannot be read.
 */
function canvasImage(
  canvas: HTMLCanvasElement,
  svg: SVGSVGElement,
  unitsPerPixel: number,
): SVGImageElement | null {
  let href: unknown;
  try {
    href = canvas.toDataURL('image/png');
  } catch {
    return null; // a canvas that cannot be read is left out, the rest of the figure still exports
  }
  if (typeof href !== 'string' || !href.startsWith('data:image/')) return null;
  const svgRect = svg.getBoundingClientRect();
  const rect = canvas.getBoundingClientRect();
  const image = document.createElementNS(SVG_NS, 'image');
  image.setAttribute('href', href);
  image.setAttribute('x', String((rect.left - svgRect.left) * unitsPerPixel));
  image.setAttribute('y', String((rect.top - svgRect.top) * unitsPerPixel));
  image.setAttribute('width', String((rect.width || canvas.width) * unitsPerPixel));
  image.setAttribute('height', String((rect.height || canvas.height) * unitsPerPixel));
  image.setAttribute('preserveAspectRatio', 'none');
  const opacity = getComputedStyle(canvas).opacity;
  if (opacity !== '' && opacity !== '1') image.setAttribute('opacity', opacity);
  return image;
}

/**
 * The figure's drawing as a standalone SVG: its title above, its <svg> with computed styles inlined,
 * on the theme's surface colour, with the canvases that share its plot embedded (those before the SVG
 * in the page go under it, those after go over it), and its legend below. Null when the figure has
 * nothing drawn yet.
 */
export function figureToSvg(figure: Element, spec: FigureExportSpec): FigureSvg | null {
  const svg = figure.querySelector<SVGSVGElement>(spec.svgSelector);
  if (!svg) return null;
  const { width, height } = drawingSize(svg);
  if (!(width > 0 && height > 0)) return null;
  const copy = cloneWithInlineStyles(svg);
  copy.setAttribute('width', String(width));
  copy.setAttribute('height', String(height));
  if (!copy.hasAttribute('viewBox')) copy.setAttribute('viewBox', `0 0 ${width} ${height}`);
  copy.setAttribute('y', String(TITLE_BAND));

  const renderedWidth = svg.getBoundingClientRect().width;
  const unitsPerPixel = renderedWidth > 0 ? width / renderedWidth : 1;
  const under: Element[] = [];
  for (const canvas of Array.from(svg.parentElement?.querySelectorAll('canvas') ?? [])) {
    const image = canvasImage(canvas, svg, unitsPerPixel);
    if (!image) continue;
    const before = canvas.compareDocumentPosition(svg) & Node.DOCUMENT_POSITION_FOLLOWING;
    if (before) under.push(image);
    else copy.append(image);
  }
  copy.prepend(...under);

  const figureStyle = getComputedStyle(figure);
  const color = resolveCustomProperties(figureStyle.color, figureStyle) || '#000000';
  const legend = legendRows(
    Array.from(figure.querySelectorAll(spec.legendSelector)),
    TITLE_BAND + height,
    width,
    color,
  );
  const fullHeight = TITLE_BAND + height + legend.height;
  const framed = document.createElementNS(SVG_NS, 'svg');
  framed.setAttribute('width', String(width));
  framed.setAttribute('height', String(fullHeight));
  framed.setAttribute('viewBox', `0 0 ${width} ${fullHeight}`);
  framed.setAttribute('role', 'img');
  const title = document.createElementNS(SVG_NS, 'title');
  title.textContent = spec.label;
  const background = document.createElementNS(SVG_NS, 'rect');
  background.setAttribute('width', '100%');
  background.setAttribute('height', '100%');
  const surface = figureStyle.getPropertyValue('--surface').trim();
  background.setAttribute('fill', surface === '' ? FALLBACK_BACKGROUND : surface);
  framed.append(title, background, titleText(spec.label, color), copy, legend.rows);
  const text = `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(framed)}`;
  return { text, width, height: fullHeight };
}

/**
 * A copy of an SVG that looks the same outside the app: every element carries its computed paint and
 * type as an inline style (CSS custom properties resolved to colours), and what only the app needs
 * (classes, focus order, test ids, attributes written with var(--…)) is left out.
 */

/** Inherited properties: written only where they differ from the parent's. */
const INHERITED = [
  'fill',
  'fill-opacity',
  'fill-rule',
  'stroke',
  'stroke-width',
  'stroke-opacity',
  'stroke-dasharray',
  'stroke-dashoffset',
  'stroke-linecap',
  'stroke-linejoin',
  'paint-order',
  'font-family',
  'font-size',
  'font-weight',
  'font-style',
  'font-variant-numeric',
  'letter-spacing',
  'text-anchor',
  'dominant-baseline',
  'visibility',
  'color',
] as const;

/** Not inherited: written only where they differ from their initial value. */
const OWN: Readonly<Record<string, string>> = {
  opacity: '1',
  'stop-color': 'rgb(0, 0, 0)',
  'stop-opacity': '1',
  'mix-blend-mode': 'normal',
  'alignment-baseline': 'auto',
};

/** Definitions are not rendered themselves (display may read none) but are referenced: keep them. */
const DEFINITIONS = new Set([
  'defs',
  'clippath',
  'marker',
  'lineargradient',
  'radialgradient',
  'pattern',
  'mask',
]);

const DROPPED_ATTRIBUTES = /^(class|style|tabindex|data-.*|aria-hidden|aria-describedby|focusable)$/i;

const CUSTOM_PROPERTY = /var\(\s*(--[\w-]+)\s*(?:,\s*([^()]*))?\)/g;

/**
 * Browsers compute var(--…) away already; an engine that does not (jsdom) gets it resolved here from
 * the element's own custom properties, so no exported value can depend on the app's stylesheet.
 */
export function resolveCustomProperties(value: string, computed: CSSStyleDeclaration): string {
  let resolved = value;
  for (let depth = 0; depth < 4 && resolved.includes('var('); depth++) {
    resolved = resolved.replace(CUSTOM_PROPERTY, (_, name: string, fallback: string | undefined) => {
      const own = computed.getPropertyValue(name).trim();
      return own !== '' ? own : (fallback ?? '').trim();
    });
  }
  return resolved;
}

function inlineDeclarations(computed: CSSStyleDeclaration, parent: CSSStyleDeclaration | null): string {
  const declarations: string[] = [];
  const read = (style: CSSStyleDeclaration, property: string) =>
    resolveCustomProperties(style.getPropertyValue(property), style);
  for (const property of INHERITED) {
    const value = read(computed, property);
    if (value !== '' && (parent === null || read(parent, property) !== value)) {
      declarations.push(`${property}:${value}`);
    }
  }
  for (const [property, initial] of Object.entries(OWN)) {
    const value = read(computed, property);
    if (value !== '' && value !== initial) declarations.push(`${property}:${value}`);
  }
  return declarations.join(';');
}

function cleanAttributes(copy: Element): void {
  for (const { name, value } of Array.from(copy.attributes)) {
    if (DROPPED_ATTRIBUTES.test(name) || value.includes('var(')) copy.removeAttribute(name);
  }
}

/** Walks the original and the copy side by side (the copy is a deep clone, so they match node for node). */
function inlineInto(source: Element, copy: Element, parent: CSSStyleDeclaration | null): void {
  const computed = getComputedStyle(source);
  const isDefinition = DEFINITIONS.has(source.tagName.toLowerCase()) || source.closest('defs') !== null;
  if (!isDefinition && computed.display === 'none') {
    copy.remove();
    return;
  }
  const style = inlineDeclarations(computed, parent);
  cleanAttributes(copy);
  if (style !== '') copy.setAttribute('style', style);
  const sources = Array.from(source.children);
  const copies = Array.from(copy.children);
  sources.forEach((child, i) => {
    const childCopy = copies[i];
    if (childCopy) inlineInto(child, childCopy, computed);
  });
}

/** A deep copy of `svg` with its computed styles inlined. */
export function cloneWithInlineStyles(svg: SVGSVGElement): SVGSVGElement {
  const copy = svg.cloneNode(true) as SVGSVGElement;
  inlineInto(svg, copy, null);
  return copy;
}

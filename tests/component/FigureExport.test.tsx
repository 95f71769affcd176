// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { act } from 'react';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { DecisionBoundary } from '../../src/components/DecisionBoundary/DecisionBoundary';
import { FigureExport, preloadFigureExport } from '../../src/components/FigureExport/FigureExport';
import type { ExportableFigure } from '../../src/components/FigureExport/figures';
import { resolveCustomProperties } from '../../src/components/FigureExport/inlineStyles';
import { LossChart } from '../../src/components/LossChart/LossChart';
import { HISTORY_PARAM_COUNT } from '../../src/store/history';
import { runHistory } from '../../src/store/runHistory';
import { addStylesheets } from '../helpers/appStylesheets';
import { captureDownloads } from '../helpers/captureDownloads';
import { resetLab, setLab } from '../helpers/resetLab';

const STYLESHEETS = [
  'src/app/styles.css',
  'src/components/LossChart/LossChart.css',
  'src/components/DecisionBoundary/DecisionBoundary.css',
];
const LAYER_URL =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

// The app's stylesheets, so the figures' colours come from CSS custom properties as in the app.
beforeAll(() => addStylesheets(...STYLESHEETS));
// The export code is fetched apart from the page (as the lab does on idle): here before any click.
beforeAll(preloadFigureExport);

function parseSvg(text: string): SVGSVGElement {
  const parsed = new DOMParser().parseFromString(text, 'image/svg+xml');
  expect(parsed.querySelector('parsererror')).toBeNull();
  return parsed.documentElement as unknown as SVGSVGElement;
}

/** A figure in a panel with its export buttons, as App.tsx places them. */
function renderWithExport(figure: React.JSX.Element, name: ExportableFigure): void {
  render(
    <div className="panel">
      {figure}
      <FigureExport figure={name} />
    </div>,
  );
}

/** The stroke a mark is drawn with: its own inline style's, else the nearest ancestor's. */
function strokeOf(mark: Element): string | undefined {
  for (let at: Element | null = mark; at; at = at.parentElement) {
    const stroke = /(?:^|;)stroke:([^;]+)/.exec(at.getAttribute('style') ?? '')?.[1];
    if (stroke !== undefined) return stroke;
  }
  return undefined;
}

function recordEpochs(losses: readonly number[]): void {
  const params = new Float64Array(losses.length * HISTORY_PARAM_COUNT);
  runHistory.appendBatch(0, losses.length, Float64Array.from(losses), params);
  setLab((state) => ({ historyVersion: state.historyVersion + 1 }));
}

beforeEach(resetLab);
afterEach(cleanup);

describe('Export a figure as SVG', () => {
  it('the Loss curve: every mark with its colours inlined, nothing left to the stylesheet', async () => {
    const lastDownload = captureDownloads();
    vi.spyOn(HTMLCanvasElement.prototype, 'toDataURL').mockReturnValue(LAYER_URL);
    renderWithExport(<LossChart />, 'Loss curve');
    act(() => {
      recordEpochs([0.5, 0.4, 0.3, 0.25, 0.2]);
    });
    const shown = document.querySelector('figure[aria-label="Loss curve"] svg')!;
    fireEvent.click(screen.getByRole('button', { name: 'Export Loss curve as SVG' }));

    const file = await lastDownload();
    expect(file.name).toBe('loss-curve.svg');
    expect(file.type).toBe('image/svg+xml');
    expect(file.text).not.toContain('var(');
    const svg = parseSvg(file.text);
    expect(svg.namespaceURI).toBe('http://www.w3.org/2000/svg');
    expect(svg.querySelector('title')?.textContent).toBe('Loss curve');
    expect(svg.querySelector('rect')?.getAttribute('fill')).toBe('#ffffff');
    // Every path and line of the figure, each under an inlined stroke colour.
    const marks = (root: Element) => Array.from(root.querySelectorAll('path, line'));
    const shapes = (root: Element) =>
      marks(root).map((mark) => mark.getAttribute('d') ?? mark.getAttribute('x2'));
    const sorted = (values: (string | null)[]) => values.map(String).sort();
    // The drawing is the nested <svg> under the title band; the legend's swatches come after it.
    const drawing = svg.querySelector(':scope > svg')!;
    expect(sorted(shapes(drawing))).toEqual(sorted(shapes(shown)));
    expect(marks(svg).length).toBeGreaterThan(4);
    const strokes = new Set(marks(svg).map(strokeOf));
    expect(strokes).toContain('#5b5b66'); // the axes, in --muted
    expect(strokes).toContain('#d6d6dc'); // the grid, in --border
    // Every tick label is there, in the app's --muted, resolved.
    const labels = (root: Element) => Array.from(root.querySelectorAll('text'), (text) => text.textContent);
    expect(labels(drawing)).toEqual(labels(shown));
    expect(drawing.querySelector('text')?.closest('[style*="fill:#5b5b66"]')).not.toBeNull();
    // Layers the chart draws on a canvas (if any) come along as images.
    const canvases = shown.parentElement!.querySelectorAll('canvas').length;
    expect(svg.querySelectorAll(`image[href="${LAYER_URL}"]`)).toHaveLength(canvases);
    expect(svg.querySelector('[class], [data-testid], [tabindex]')).toBeNull();
  });

  it('the Decision boundary: the heatmap as an image under the SVG overlay', async () => {
    const lastDownload = captureDownloads();
    vi.spyOn(HTMLCanvasElement.prototype, 'toDataURL').mockReturnValue(LAYER_URL);
    renderWithExport(<DecisionBoundary />, 'Decision boundary');
    fireEvent.click(screen.getByRole('button', { name: 'Export Decision boundary as SVG' }));

    const file = await lastDownload();
    expect(file.name).toBe('decision-boundary.svg');
    expect(file.text).not.toContain('var(');
    const svg = parseSvg(file.text);
    const [title, background] = Array.from(svg.children);
    const [image] = Array.from(svg.querySelector(':scope > svg')!.children);
    expect(title?.tagName).toBe('title');
    expect(background?.tagName).toBe('rect');
    expect(image?.tagName).toBe('image');
    expect(image?.getAttribute('href')).toBe(LAYER_URL);
    // Under the overlay: the people are drawn after (above) it.
    const people = svg.querySelectorAll('circle, rect, path');
    expect(people.length).toBeGreaterThan(4);
    expect(
      image!.compareDocumentPosition(people[people.length - 1]!) & Node.DOCUMENT_POSITION_FOLLOWING,
    ).toBeTruthy();
  });

  it('says so when the figure has nothing drawn yet', () => {
    const downloads = captureDownloads();
    renderWithExport(<LossChart />, 'Loss curve');
    fireEvent.click(screen.getByRole('button', { name: 'Export Loss curve as PNG' }));
    expect(screen.getByRole('status')).toHaveTextContent('The Loss curve has nothing drawn yet to export.');
    expect(downloads.count()).toBe(0);
  });
});

describe('resolveCustomProperties', () => {
  it('replaces var(--…) by the element’s value, or the fallback', () => {
    const element = document.createElement('div');
    element.style.setProperty('--ink', '#123456');
    document.body.append(element);
    const computed = getComputedStyle(element);
    expect(resolveCustomProperties('var(--ink)', computed)).toBe('#123456');
    expect(resolveCustomProperties('var(--missing, red)', computed)).toBe('red');
    expect(resolveCustomProperties('1px solid var(--ink)', computed)).toBe('1px solid #123456');
    element.remove();
  });
});

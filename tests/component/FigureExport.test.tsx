// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { act } from 'react';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { DecisionBoundary } from '../../src/components/DecisionBoundary/DecisionBoundary';
import { FigureExport } from '../../src/components/FigureExport/FigureExport';
import { resolveCustomProperties } from '../../src/components/FigureExport/inlineStyles';
import { LossChart } from '../../src/components/LossChart/LossChart';
import { HISTORY_PARAM_COUNT } from '../../src/store/history';
import { useLab } from '../../src/store/labStore';
import { runHistory } from '../../src/store/runHistory';
import { addStylesheets } from '../helpers/appStylesheets';
import { resetLab } from '../helpers/resetLab';

const STYLESHEETS = [
  'src/app/styles.css',
  'src/components/LossChart/LossChart.css',
  'src/components/DecisionBoundary/DecisionBoundary.css',
];
const LAYER_URL =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

// The app's stylesheets, so the figures' colours come from CSS custom properties as in the app.
beforeAll(() => addStylesheets(...STYLESHEETS));

/** The last download: its file name and text (jsdom has no object URLs, so they are stubbed). */
function captureDownloads() {
  const blobs: Blob[] = [];
  const names: string[] = [];
  URL.createObjectURL = vi.fn((blob: Blob) => {
    blobs.push(blob);
    return `blob:test/${blobs.length}`;
  });
  URL.revokeObjectURL = vi.fn();
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    names.push(this.download);
  });
  const last = async () => ({
    name: names.at(-1),
    type: blobs.at(-1)?.type,
    text: await blobs.at(-1)!.text(),
  });
  return Object.assign(last, { count: () => blobs.length });
}

function parseSvg(text: string): SVGSVGElement {
  const parsed = new DOMParser().parseFromString(text, 'image/svg+xml');
  expect(parsed.querySelector('parsererror')).toBeNull();
  return parsed.documentElement as unknown as SVGSVGElement;
}

function recordEpochs(losses: readonly number[]): void {
  const params = new Float64Array(losses.length * HISTORY_PARAM_COUNT);
  runHistory.appendBatch(0, losses.length, Float64Array.from(losses), params);
  useLab.setState((state) => ({ historyVersion: state.historyVersion + 1 }));
}

beforeEach(resetLab);
afterEach(cleanup);

describe('Export a figure as SVG', () => {
  it('the Loss curve: axes with their colours inlined, its canvas layers under them as images', async () => {
    const lastDownload = captureDownloads();
    vi.spyOn(HTMLCanvasElement.prototype, 'toDataURL').mockReturnValue(LAYER_URL);
    render(
      <div className="panel">
        <LossChart />
        <FigureExport figure="Loss curve" />
      </div>,
    );
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
    // Every tick label of the figure is there, in the app's --muted, resolved.
    const ticks = Array.from(svg.querySelectorAll('text')).map((text) => text.textContent);
    expect(ticks).toEqual(Array.from(shown.querySelectorAll('text')).map((text) => text.textContent));
    expect(svg.querySelector('text')?.closest('[style*="fill:#5b5b66"]')).not.toBeNull();
    expect(svg.querySelectorAll('line, path').length).toBe(shown.querySelectorAll('line, path').length);
    // The canvases drawn before the SVG (the live line, the kept runs) lie under it.
    const images = Array.from(svg.querySelectorAll('image'));
    expect(images.length).toBe(shown.parentElement!.querySelectorAll('canvas').length);
    for (const image of images) expect(image.getAttribute('href')).toBe(LAYER_URL);
    expect(
      images[0]!.compareDocumentPosition(svg.querySelector('text')!) & Node.DOCUMENT_POSITION_FOLLOWING,
    ).toBeTruthy();
    expect(svg.querySelector('[class], [data-testid], [tabindex]')).toBeNull();
  });

  it('the Decision boundary: the heatmap as an image under the SVG overlay', async () => {
    const lastDownload = captureDownloads();
    vi.spyOn(HTMLCanvasElement.prototype, 'toDataURL').mockReturnValue(LAYER_URL);
    render(
      <div className="panel">
        <DecisionBoundary />
        <FigureExport figure="Decision boundary" />
      </div>,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Export Decision boundary as SVG' }));

    const file = await lastDownload();
    expect(file.name).toBe('decision-boundary.svg');
    expect(file.text).not.toContain('var(');
    const svg = parseSvg(file.text);
    const [title, background, image] = Array.from(svg.children);
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
    render(
      <div className="panel">
        <LossChart />
        <FigureExport figure="Loss curve" />
      </div>,
    );
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

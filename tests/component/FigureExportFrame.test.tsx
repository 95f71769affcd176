// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { DecisionBoundary } from '../../src/components/DecisionBoundary/DecisionBoundary';
import { FigureExport, preloadFigureExport } from '../../src/components/FigureExport/FigureExport';
import type { ExportableFigure } from '../../src/components/FigureExport/figures';
import { LossLandscape } from '../../src/components/LossLandscape/LossLandscape';
import { addStylesheets } from '../helpers/appStylesheets';
import { captureDownloads } from '../helpers/captureDownloads';
import { resetLab } from '../helpers/resetLab';

const LAYER_URL =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

beforeAll(() => addStylesheets('src/app/styles.css'));
// The export code is fetched apart from the page (as the lab does on idle): here before any click.
beforeAll(preloadFigureExport);
beforeEach(() => {
  resetLab();
  vi.spyOn(HTMLCanvasElement.prototype, 'toDataURL').mockReturnValue(LAYER_URL);
});
afterEach(cleanup);

/** The words of each legend entry as the page shows them, leaving out what its swatch draws. */
function legendWords(selector: string): string[] {
  return Array.from(document.querySelectorAll(selector), (entry) => {
    const copy = entry.cloneNode(true) as Element;
    copy.querySelectorAll('svg').forEach((svg) => svg.remove());
    return (copy.textContent ?? '').replace(/\s+/g, ' ').trim();
  }).filter((words) => words !== '');
}

async function exportedSvg(figure: React.JSX.Element, name: ExportableFigure) {
  const lastDownload = captureDownloads();
  render(
    <div className="panel">
      {figure}
      <FigureExport figure={name} />
    </div>,
  );
  fireEvent.click(screen.getByRole('button', { name: `Export ${name} as SVG` }));
  const file = await lastDownload();
  const parsed = new DOMParser().parseFromString(file.text, 'image/svg+xml');
  expect(parsed.querySelector('parsererror')).toBeNull();
  const root = parsed.documentElement;
  // Text drawn by the file itself, outside the figure's own drawing: the title and the legend.
  const ownTexts = Array.from(root.querySelectorAll('text'))
    .filter((text) => text.closest('svg') === (root as Element))
    .map((text) => text.textContent);
  return { file, root, ownTexts };
}

describe('an exported figure carries its title and its legend', () => {
  it('the Decision boundary: its name on top, each legend entry’s words and swatch below', async () => {
    const { root, ownTexts } = await exportedSvg(<DecisionBoundary />, 'Decision boundary');
    const words = legendWords('.boundary-legend li');
    expect(words.length).toBeGreaterThan(1);
    expect(ownTexts).toEqual(['Decision boundary', ...words]);
    const drawing = root.querySelector(':scope > svg')!;
    // The title band is above the drawing, the legend below it: the file is taller than the drawing.
    expect(Number(drawing.getAttribute('y'))).toBeGreaterThan(0);
    expect(Number(root.getAttribute('height'))).toBeGreaterThan(
      Number(drawing.getAttribute('y')) + Number(drawing.getAttribute('height')),
    );
    expect(root.querySelectorAll(':scope > g > svg').length).toBe(
      document.querySelectorAll('.boundary-legend li svg').length,
    );
  });

  it('the Loss landscape has export buttons like the other figures, with its title and legend', async () => {
    const { file, ownTexts } = await exportedSvg(<LossLandscape />, 'Loss landscape');
    expect(file.name).toBe('loss-landscape.svg');
    expect(ownTexts[0]).toBe('Loss landscape');
    // A long legend line wraps to the figure's width: the same words, in order.
    expect(ownTexts.slice(1).join(' ')).toBe(legendWords('.landscape-legend li').join(' '));
    expect(ownTexts.length).toBeGreaterThan(1);
  });
});

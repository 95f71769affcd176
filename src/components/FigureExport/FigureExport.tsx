import { useRef, useState } from 'react';
import { downloadText } from '../common/download';
import { FIGURE_EXPORTS, type ExportableFigure } from './figures';
import { downloadBlob } from '../common/download';
import './FigureExport.css';

type Format = 'PNG' | 'SVG';
const FORMATS: readonly Format[] = ['PNG', 'SVG'];

type Exporters = typeof import('./exporters');
let exporters: Exporters | null = null;

async function loadExporters(): Promise<Exporters> {
  exporters ??= await import('./exporters');
  return exporters;
}

/** Fetches the code that writes the files (once); after it, a click exports with no wait. */
export function preloadFigureExport(): Promise<void> {
  return loadExporters().then(() => {});
}

/**
 * `Export <figure> as PNG` / `as SVG`, placed next to a figure in the same panel. The drawing is read
 * at the moment of the click (nothing per frame), with the theme's colours resolved. The code that
 * writes the files is not in the first load (preloadFigureExport).
 */
export function FigureExport({ figure }: { readonly figure: ExportableFigure }) {
  const spec = FIGURE_EXPORTS[figure];
  const ref = useRef<HTMLDivElement>(null);
  const [problem, setProblem] = useState('');

  const exportAs = async (format: Format): Promise<void> => {
    const panel = ref.current?.closest('.panel') ?? document;
    const element = panel.querySelector(`figure[aria-label="${CSS.escape(spec.label)}"]`);
    const { figureToSvg, svgToPng } = exporters ?? (await loadExporters());
    const drawing = element ? figureToSvg(element, spec) : null;
    if (!drawing) {
      setProblem(`The ${spec.label} has nothing drawn yet to export.`);
      return;
    }
    setProblem('');
    if (format === 'SVG') {
      downloadText(`${spec.fileName}.svg`, drawing.text, 'image/svg+xml');
      return;
    }
    try {
      downloadBlob(`${spec.fileName}.png`, await svgToPng(drawing.text, drawing.width, drawing.height));
    } catch (error) {
      setProblem(error instanceof Error ? error.message : 'The PNG could not be made.');
    }
  };

  return (
    <div ref={ref} className="figure-export" role="group" aria-label={`Export ${figure}`} data-advanced="">
      <span className="figure-export-label" aria-hidden="true">
        Export
      </span>
      {FORMATS.map((format) => (
        <button
          key={format}
          type="button"
          aria-label={`Export ${figure} as ${format}`}
          onClick={() => void exportAs(format)}
        >
          {format}
        </button>
      ))}
      <p className="figure-export-problem" role="status">
        {problem}
      </p>
    </div>
  );
}

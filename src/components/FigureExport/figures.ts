/** The figures that can be exported, by their accessible names, and where their drawing is. */
export type ExportableFigure = 'Network' | 'Loss curve' | 'Decision boundary' | 'Loss landscape';

export interface FigureExportSpec {
  /** The figure's aria-label. */
  readonly label: ExportableFigure;
  /** The file name without its extension. */
  readonly fileName: string;
  /** The figure's main <svg>; canvases beside it (a heatmap, the hidden-neuron maps) are embedded. */
  readonly svgSelector: string;
  /** The figure's legend entries (HTML beside the drawing), written under it in the file. */
  readonly legendSelector: string;
}

export const FIGURE_EXPORTS: Readonly<Record<ExportableFigure, FigureExportSpec>> = {
  Network: {
    label: 'Network',
    fileName: 'network',
    svgSelector: 'svg.network-svg',
    legendSelector: '.network-legends .color-legend',
  },
  'Loss curve': {
    label: 'Loss curve',
    fileName: 'loss-curve',
    svgSelector: '.loss-plot svg',
    legendSelector: '.loss-legend li, .kept-runs li',
  },
  'Decision boundary': {
    label: 'Decision boundary',
    fileName: 'decision-boundary',
    svgSelector: 'svg.boundary-svg',
    legendSelector: '.boundary-legend li',
  },
  'Loss landscape': {
    label: 'Loss landscape',
    fileName: 'loss-landscape',
    svgSelector: 'svg.landscape-svg',
    legendSelector: '.landscape-legend li',
  },
};

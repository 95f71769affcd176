import { useLayoutEffect, useRef, type RefObject } from 'react';
import { discreteColorTable, outputColorTable, paintGrid } from './colors';
import { targetColor } from '../../viz/targetScale';

interface PaintTarget {
  readonly context: CanvasRenderingContext2D;
  readonly image: ImageData;
  /** The image's bytes as one word per pixel, for the colour table. */
  readonly pixels: Uint32Array;
}

let sharedColorTable: Uint32Array | null = null;
let sharedTargetTable: Uint32Array | null = null;
let sharedDiscreteTable: Uint32Array | null = null;

/**
 * Paints the output grid onto a canvas of exactly cols × rows pixels; CSS scales it up to the plot and
 * the browser smooths it, so one cell per 4 px still looks continuous. The ImageData is reused and
 * only remade when the grid's size changes. `discretize` paints two colours split at 0.5 instead. `frame` changes exactly when the grid's values did, so an
 * unchanged frame is not painted again. Where there is no 2D context (jsdom), nothing is drawn.
 */
export function useHeatmapCanvas(
  canvasRef: RefObject<HTMLCanvasElement | null>,
  grid: Float32Array,
  cols: number,
  rows: number,
  /** null: nothing to paint yet (the grid is not filled). */
  frame: unknown,
  /** A numeric target's grid (fractions of its range, see targetScale.ts) takes the target colours. */
  numeric = false,
  /** Two colours split at 0.5 instead of the continuous scale (a class's output only). */
  discretize = false,
): void {
  const target = useRef<PaintTarget | null>(null);
  const contextMissing = useRef(false);

  useLayoutEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas || contextMissing.current || frame === null) return;
    let paint = target.current;
    if (!paint || paint.image.width !== cols || paint.image.height !== rows) {
      const context = paint?.context ?? canvas.getContext('2d');
      if (!context) {
        contextMissing.current = true;
        return;
      }
      const image = context.createImageData(cols, rows);
      paint = { context, image, pixels: new Uint32Array(image.data.buffer) };
      target.current = paint;
    }
    const table = numeric
      ? (sharedTargetTable ??= outputColorTable(targetColor))
      : discretize
        ? (sharedDiscreteTable ??= discreteColorTable())
        : (sharedColorTable ??= outputColorTable());
    paintGrid(grid, table, paint.pixels);
    paint.context.putImageData(paint.image, 0, 0);
  }, [canvasRef, grid, cols, rows, frame, numeric, discretize]);
}

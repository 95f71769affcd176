import { color } from 'd3';
import { useEffect, useRef } from 'react';
import type { Params } from '../../core/network';
import type { Scaling } from '../../core/scaling';
import { useShownScaling } from '../../store/derived';
import { activationColor } from '../common/scales';
import type { Domain } from '../DecisionBoundary/layout';
import { usePlaneDomain } from '../DecisionBoundary/usePlaneDomain';
import { formatValue } from '../format';
import { hiddenGrid, hiddenSummary, type HiddenNeuron } from './hiddenGrid';
import type { NetworkLayout } from './layout';
import './HiddenMap.css';

/** On-screen size (CSS px); the canvas has twice the cells so the enlarged map stays sharp enough. */
export const MAP_WIDTH = 48;
export const MAP_HEIGHT = 36;
const COLS = MAP_WIDTH * 2;
const ROWS = MAP_HEIGHT * 2;
const GAP = 6;

/** activationColor sampled at 256 levels as RGB bytes, so a redraw parses no colour strings. */
const PALETTE: Uint8ClampedArray = (() => {
  const table = new Uint8ClampedArray(256 * 3);
  for (let k = 0; k < 256; k++) {
    const rgb = color(activationColor(k / 255))?.rgb();
    table[k * 3] = rgb?.r ?? 0;
    table[k * 3 + 1] = rgb?.g ?? 0;
    table[k * 3 + 2] = rgb?.b ?? 0;
  }
  return table;
})();

interface HiddenMapProps {
  neuron: HiddenNeuron;
  params: Params;
  scaling: Scaling;
  xDomain: Domain;
  yDomain: Domain;
  left: number;
  top: number;
}

/** One hidden neuron's output over the weight/height plane; hover or focus enlarges it. */
export function HiddenMap({ neuron, params, scaling, xDomain, yDomain, left, top }: HiddenMapProps) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const grid = useRef<Float32Array>(new Float32Array(COLS * ROWS));
  const image = useRef<ImageData | null>(null);

  // Redraw only when what the map shows changes; the grid and the ImageData are reused.
  useEffect(() => {
    const context = canvasRef.current?.getContext('2d');
    if (!context) return;
    hiddenGrid(params, scaling, xDomain, yDomain, COLS, ROWS, neuron, grid.current);
    image.current ??= context.createImageData(COLS, ROWS);
    const pixels = image.current.data;
    for (let cell = 0; cell < COLS * ROWS; cell++) {
      const value = grid.current[cell]!;
      const level = Number.isFinite(value) ? Math.round(Math.min(1, Math.max(0, value)) * 255) : 0;
      pixels[cell * 4] = PALETTE[level * 3]!;
      pixels[cell * 4 + 1] = PALETTE[level * 3 + 1]!;
      pixels[cell * 4 + 2] = PALETTE[level * 3 + 2]!;
      pixels[cell * 4 + 3] = 255;
    }
    context.putImageData(image.current, 0, 0);
  }, [params, scaling, xDomain, yDomain, neuron]);

  const name = neuron === 0 ? 'h1' : 'h2';
  const range = (domain: Domain, unit: string) =>
    `${formatValue(domain[0])}–${formatValue(domain[1])} ${unit}`;
  // Not starting with "h1": the neuron itself is the image named "h1: …".
  const label = `Map of ${name}'s output over weight (${range(xDomain, 'lb')}) and height (${range(yDomain, 'in')}): ${hiddenSummary(params, neuron)}`;
  return (
    <canvas
      ref={canvasRef}
      className={`hidden-map hidden-map-${name}`}
      role="img"
      aria-label={label}
      tabIndex={0}
      width={COLS}
      height={ROWS}
      style={{ left, top, width: MAP_WIDTH, height: MAP_HEIGHT }}
    />
  );
}

/** The two hidden neurons' maps, beside h1 (above right) and h2 (below right), on the plane's domain. */
export function HiddenMaps({ layout, params }: { layout: NetworkLayout; params: Params }) {
  const scaling = useShownScaling();
  const { xDomain, yDomain } = usePlaneDomain();
  // Clear of the bias label (about 11 characters, centred on the neuron) that shares its row.
  const spots = layout.neurons.filter((spot) => spot.id === 'h1' || spot.id === 'h2');
  return (
    <>
      {spots.map((spot) => (
        <HiddenMap
          key={spot.id}
          neuron={spot.id === 'h1' ? 0 : 1}
          params={params}
          scaling={scaling}
          xDomain={xDomain}
          yDomain={yDomain}
          left={spot.x + Math.max(layout.radius, layout.fontSize * 3.8) + GAP}
          top={spot.id === 'h1' ? spot.y - layout.radius - MAP_HEIGHT + GAP : spot.y + layout.radius - GAP}
        />
      ))}
    </>
  );
}

import { color } from 'd3-color';
import { memo, useEffect, useRef } from 'react';
import type { HiddenActivation } from '../../core/architecture';
import type { NumericField } from '../../core/dataset';
import { DEFAULT_FEATURES, type Feature } from '../../core/features';
import { UNIT_SYMBOLS, fromModel } from '../../core/units';
import type { Params } from '../../core/network';
import type { Scaling } from '../../core/scaling';
import { useShownScaling } from '../../store/derived';
import { activationColor } from '../../viz/colorScales';
import type { Domain } from '../../viz/planeLayout';
import { usePlaneDomain } from '../common/usePlaneDomain';
import type { PlaneWords } from '../../viz/planeWords';
import { formatValue } from '../format';
import { activationLevel } from '../../viz/activationScale';
import { hiddenNeuronName } from '../../core/layerNames';
import { hiddenGrid, hiddenSummary } from './hiddenGrid';
import type { MapSpot, NetworkLayout } from './layout';
import { usePlaneWords } from '../common/usePlaneWords';
import './HiddenMap.css';

/**
 * Cells drawn across all maps at most: the two article maps at twice their CSS size (96 × 72 each).
 * More neurons get fewer cells each, so eight maps cost no more per redraw than two.
 */
export const MAP_CELL_BUDGET = 2 * 96 * 72;
const MAX_CELLS_PER_PX = 2;

/** Canvas resolution of each of `count` maps of this CSS size, within MAP_CELL_BUDGET. */
export function mapResolution(spot: Pick<MapSpot, 'width' | 'height'>, count: number) {
  const perPx = Math.min(MAX_CELLS_PER_PX, Math.sqrt(MAP_CELL_BUDGET / (count * spot.width * spot.height)));
  return { cols: Math.floor(spot.width * perPx), rows: Math.floor(spot.height * perPx) };
}

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

/**
 * `weight (120–160 lb)`: an axis of the plane in the table's units (the domain is in the model's lb and
 * in), or an imported column's name and range.
 */
function planeRange(words: PlaneWords, field: NumericField, domain: Domain): string {
  const { measure } = words;
  const [low, high] = domain.map((end) => formatValue(fromModel(measure, field, end)));
  if (measure === 'plain') return `${field === 'weight' ? words.xTitle : words.yTitle} (${low}–${high})`;
  return `${field} (${low}–${high} ${UNIT_SYMBOLS[measure][field]})`;
}

interface HiddenMapProps {
  spot: MapSpot;
  words: PlaneWords;
  hidden: number;
  activation: HiddenActivation;
  features: readonly Feature[];
  /** Each hidden layer's size with two or more layers; `neuron` is then numbered across them. */
  hiddenLayers?: readonly number[];
  cols: number;
  rows: number;
  params: Params;
  scaling: Scaling;
  xDomain: Domain;
  yDomain: Domain;
}

/** One hidden neuron's output over the weight/height plane; hover or focus enlarges it. */
const HiddenMap = memo(function HiddenMap(props: HiddenMapProps) {
  const {
    spot,
    words,
    hidden,
    activation,
    features,
    hiddenLayers,
    cols,
    rows,
    params,
    scaling,
    xDomain,
    yDomain,
  } = props;
  const canvasRef = useRef<HTMLCanvasElement>(null);
  // Sized once per map (the parent keys a map by its resolution): redraws reuse both buffers.
  const grid = useRef<Float32Array>(new Float32Array(cols * rows));
  const image = useRef<ImageData | null>(null);
  const neuron = spot.neuron;

  // Redraw only when what the map shows changes.
  useEffect(() => {
    const context = canvasRef.current?.getContext('2d');
    if (!context) return;
    const shape = { hidden: hiddenLayers?.[0] ?? hidden, activation, features, hiddenLayers };
    hiddenGrid(params, shape, scaling, xDomain, yDomain, cols, rows, neuron, grid.current);
    image.current ??= context.createImageData(cols, rows);
    const pixels = image.current.data;
    for (let cell = 0; cell < cols * rows; cell++) {
      const value = activationLevel(activation, grid.current[cell]!);
      const level = Number.isFinite(value) ? Math.round(value * 255) : 0;
      pixels[cell * 4] = PALETTE[level * 3]!;
      pixels[cell * 4 + 1] = PALETTE[level * 3 + 1]!;
      pixels[cell * 4 + 2] = PALETTE[level * 3 + 2]!;
      pixels[cell * 4 + 3] = 255;
    }
    context.putImageData(image.current, 0, 0);
  }, [params, hidden, activation, features, hiddenLayers, scaling, xDomain, yDomain, cols, rows, neuron]);

  const name = `h${neuron + 1}`;
  const layered = hiddenLayers !== undefined && hiddenLayers.length > 1;
  const spoken = layered ? hiddenNeuronName({ hidden: hiddenLayers[0]!, hiddenLayers }, neuron) : name;
  // Past the first layer a neuron reads other neurons: its own weights no longer say where it is high.
  const summary =
    layered && neuron >= hiddenLayers[0]!
      ? 'a region shaped by the layers before it'
      : hiddenSummary(params, neuron, words, features);
  // Not starting with "h1": the neuron itself is the image named "h1: …".
  const label = `Map of ${spoken}'s output over ${planeRange(words, 'weight', xDomain)} and ${planeRange(words, 'height', yDomain)}: ${summary}`;
  return (
    <canvas
      ref={canvasRef}
      className={`hidden-map hidden-map-grows-${spot.grows}`}
      data-neuron={name}
      role="img"
      aria-label={label}
      tabIndex={0}
      width={cols}
      height={rows}
      style={{ left: spot.left, top: spot.top, width: spot.width, height: spot.height }}
    />
  );
});

/**
 * One map per hidden neuron, where the layout puts it, on the plane's domain. `params` are the network
 * shown: the live one, or during a phase of the Math view the step's (before it, after it on update).
 */
export function HiddenMaps(props: {
  layout: NetworkLayout;
  params: Params;
  activation: HiddenActivation;
  features?: readonly Feature[];
  hiddenLayers?: readonly number[];
}) {
  const { layout, params, activation, features = DEFAULT_FEATURES, hiddenLayers } = props;
  const scaling = useShownScaling();
  const { xDomain, yDomain } = usePlaneDomain();
  const words = usePlaneWords();
  return (
    <>
      {layout.maps.map((spot) => {
        const { cols, rows } = mapResolution(spot, layout.maps.length);
        return (
          <HiddenMap
            key={`${spot.neuron}:${cols}x${rows}`}
            spot={spot}
            words={words}
            hidden={layout.hidden}
            activation={activation}
            features={features}
            hiddenLayers={hiddenLayers}
            cols={cols}
            rows={rows}
            params={params}
            scaling={scaling}
            xDomain={xDomain}
            yDomain={yDomain}
          />
        );
      })}
    </>
  );
}

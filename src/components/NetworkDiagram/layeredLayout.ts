import { DEFAULT_FEATURES, type Feature } from '../../core/features';
import { layerOfNeuron, networkParamNames } from '../../core/layerNames';
import { layerBiasIndex, layerPlan, layerWeightIndex } from '../../core/layerShape';
import { clamp, outwardNormal, pointAlong, trimmedLine, type Box, type Point } from './geometry';
import type { EdgeSpot, MapSpot, NetworkLayout, NeuronId, NeuronSpot } from './layout';

const MIN_HEIGHT = 270;
const MAP_GAP = 3;
/** Narrower than this, a map says nothing: the figure leaves them out. */
const MIN_MAP_WIDTH = 18;

/**
 * Two to four hidden layers of up to eight neurons, a column each between the inputs and the output,
 * every column centred on the figure's middle. The radius and type follow the room between columns and
 * the tallest column, so 4 × 8 stays readable at a phone's width; each neuron's bias chip sits under
 * it. The hidden neurons are numbered across the layers (h1 … hK, the forward buffer's order) and named
 * for the ear by layer ("Layer 3, neuron 2"). Weights print their value when hovered or focused; with
 * up to 216 of them there is no room to print them all.
 */
export function layeredLayout(
  width: number,
  sizes: readonly number[],
  features: readonly Feature[] = DEFAULT_FEATURES,
): NetworkLayout {
  const inputs = features.length;
  const plan = layerPlan(sizes, inputs);
  const columns = sizes.length + 2;
  const tallest = Math.max(inputs, ...sizes);
  const sideRoom = clamp(width / 14, 24, 48);
  const columnGap = (width - 2 * sideRoom) / (columns - 1);
  const radius = Math.round(clamp(Math.min(columnGap / 4.2, 30 - 1.8 * tallest), 11, 24));
  const fontSize = Math.round(clamp(radius * 0.6, 10, 14));
  const chip = fontSize * 1.6;
  const pitch = 2 * radius + chip + 10;
  const height = Math.round(Math.max(MIN_HEIGHT, (tallest - 1) * pitch + 2 * (radius + chip + 12)));
  const middleY = height / 2 - chip / 2;
  const names = networkParamNames({ hidden: sizes[0]!, hiddenLayers: sizes, features });
  // Each hidden neuron's map sits right beside it, where its edges leave from, when there is the room.
  const mapWidth = Math.floor(Math.min(40, columnGap - 2 * radius - 3 * MAP_GAP));
  const mapHeight = Math.round(mapWidth * 0.75);
  const withMaps = mapWidth >= MIN_MAP_WIDTH;

  const columnOf = (layer: number): NeuronSpot['column'] =>
    layer === 0 ? 'input' : layer > sizes.length ? 'output' : 'hidden';
  const spotsByLayer: NeuronSpot[][] = [];
  for (let l = 0; l < columns; l++) {
    const count = plan.sizes[l]!;
    const x = sideRoom + l * columnGap;
    const spots: NeuronSpot[] = [];
    for (let j = 0; j < count; j++) {
      const point: Point = { x, y: middleY + (j - (count - 1) / 2) * pitch };
      const note = { x, y: point.y + radius + 4 + chip / 2 };
      const column = columnOf(l);
      const k = column === 'hidden' ? plan.nodeStart[l]! + j : null;
      const id: NeuronId = column === 'input' ? features[j]! : column === 'output' ? 'o1' : `h${k! + 1}`;
      const bias = column === 'input' ? null : layerBiasIndex(plan, l, j);
      const named = k === null ? {} : { name: layerName(plan, k) };
      spots.push({ id, column, hidden: k, ...point, note, noteSide: 'below', bias, ...named });
    }
    spotsByLayer.push(spots);
  }
  const neurons = spotsByLayer.flat();
  const maps: MapSpot[] = [];
  if (withMaps) {
    for (const spots of spotsByLayer) {
      spots.forEach((spot, j) => {
        if (spot.hidden === null) return;
        const grows = j < spots.length / 2 ? 'down' : 'up';
        const top = spot.y - mapHeight / 2;
        maps.push({
          neuron: spot.hidden,
          left: spot.x + radius + MAP_GAP,
          top,
          width: mapWidth,
          height: mapHeight,
          grows,
        });
      });
    }
  }
  /** Where a neuron's outgoing edges leave: its rim, or the right of its map. */
  const portOf = (spot: NeuronSpot): { point: Point; trim: number } =>
    withMaps && spot.hidden !== null
      ? { point: { x: spot.x + radius + 2 * MAP_GAP + mapWidth, y: spot.y }, trim: 0 }
      : { point: spot, trim: radius };

  // A hovered or focused weight prints its value a third of the way along, nearer its source, where
  // the fan of edges into one neuron is still spread out.
  const edges: EdgeSpot[] = [];
  for (let l = 1; l < columns; l++) {
    spotsByLayer[l]!.forEach((to, j) => {
      spotsByLayer[l - 1]!.forEach((from, i) => {
        const param = layerWeightIndex(plan, l, j, i);
        const port = portOf(from);
        const { start, end } = trimmedLine(port.point, to, port.trim, radius);
        const label = pointAlong(start, end, 0.35);
        const normal = outwardNormal(start, end, label, middleY);
        const name = names[param]!;
        edges.push({
          param,
          name,
          from: from.id,
          to: to.id,
          start,
          end,
          label,
          normal,
          labelled: false,
          phaseLabelled: false,
        });
      });
    });
  }
  const bounds: Box = { left: 0, top: 0, right: width, bottom: height };

  return {
    width,
    height,
    hidden: plan.totalHidden,
    radius,
    fontSize,
    showEdgeLabels: false,
    neurons,
    edges,
    maps,
    bounds,
  };
}

/** The short name inside hidden neuron k's circle: its layer and its place in it, `2,1`. */
function layerName(plan: ReturnType<typeof layerPlan>, k: number): string {
  const { layer, neuron } = layerOfNeuron(plan, k);
  return `${layer},${neuron}`;
}

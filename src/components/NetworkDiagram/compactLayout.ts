import {
  hiddenBiasIndex,
  inputWeightIndex,
  outputBiasIndex,
  outputWeightIndex,
  paramNames,
} from '../../core/architecture';
import { DEFAULT_FEATURES, type Feature } from '../../core/features';
import { boxAround, clamp, trimmedLine, type Box, type Point } from './geometry';
import { placeEdgeLabels, type LabelRequest } from './edgeLabels';
import type { EdgeSpot, MapSpot, NetworkLayout, NeuronId, NeuronSpot } from './layout';

/** A hidden map in the compact figure (CSS px): smaller than the article's, one beside each neuron. */
export const COMPACT_MAP_WIDTH = 40;
export const COMPACT_MAP_HEIGHT = 30;
const MAP_GAP = 4;
/** Where the hidden column sits between the inputs (0) and the output (1): its maps need the room right. */
const HIDDEN_COLUMN_AT = 0.42;
const MIN_HEIGHT = 270;

/** Rough width of a bias chip (`b9 = -0.1234` with its swatch), as Bias.tsx draws it. */
function chipWidth(fontSize: number, name: string): number {
  return (name.length + 10) * fontSize * 0.52 + fontSize * 0.8 + 16;
}

/**
 * Three to eight hidden neurons in one column, the inputs and the output centred on it. Each hidden
 * neuron's bias chip sits on the side away from the figure's middle (at most one chip between two
 * neurons), its map right beside it, and its edge to the output leaves from the map's right side, so
 * maps never cover an edge. Radius and type shrink with the count so eight stay readable. The inputs
 * (x1 and x2, or one neuron per feature input) sit evenly around the middle, a row apart.
 */
export function compactLayout(
  width: number,
  hidden: number,
  features: readonly Feature[] = DEFAULT_FEATURES,
): NetworkLayout {
  const inputs = features.length;
  const radius = Math.round(clamp(width / 18, 16, clamp(40 - 2.5 * hidden, 19, 30)));
  const fontSize = Math.round(clamp(radius * 0.55, 11, 15));
  const chip = fontSize * 1.6;
  const noteGap = 4 + chip / 2; // circle rim to the chip's centre
  const pitch = Math.max(2 * radius + chip + 8, COMPACT_MAP_HEIGHT + 10);
  const edgeRoom = radius + chip + 8;
  // two inputs sit two rows apart (the article's picture); more stand a row apart
  const inputSpan = inputs <= 2 ? 2 * pitch : (inputs - 1) * pitch;
  const natural = 2 * edgeRoom + Math.max((hidden - 1) * pitch, inputSpan);
  const height = Math.round(Math.max(MIN_HEIGHT, natural));
  const middleY = height / 2;
  const firstY = middleY - ((hidden - 1) * pitch) / 2;

  const sideRoom = Math.max(radius, 3.6 * fontSize) + 8;
  const inputX = sideRoom;
  const outputX = width - sideRoom;
  const hiddenX = inputX + (outputX - inputX) * HIDDEN_COLUMN_AT;

  const spotAt = (
    id: NeuronId,
    column: NeuronSpot['column'],
    point: Point,
    side: 'above' | 'below',
    bias: number | null,
    index: number | null,
  ): NeuronSpot => {
    const noteY = side === 'above' ? point.y - radius - noteGap : point.y + radius + noteGap;
    return { id, column, hidden: index, ...point, note: { x: point.x, y: noteY }, noteSide: side, bias };
  };
  const upperHalf = Math.floor(hidden / 2);
  const neurons: NeuronSpot[] = features.map((feature, f) => {
    const y = inputs === 1 ? middleY : middleY - inputSpan / 2 + (f * inputSpan) / (inputs - 1);
    return spotAt(feature, 'input', { x: inputX, y }, f === 0 ? 'above' : 'below', null, null);
  });
  for (let j = 0; j < hidden; j++) {
    const point = { x: hiddenX, y: firstY + j * pitch };
    const side = j < upperHalf ? 'above' : 'below';
    neurons.push(spotAt(`h${j + 1}`, 'hidden', point, side, hiddenBiasIndex(hidden, j, inputs), j));
  }
  const outputBias = outputBiasIndex(hidden, inputs);
  const output = spotAt('o1', 'output', { x: outputX, y: middleY }, 'below', outputBias, null);
  neurons.push(output);

  const maps: MapSpot[] = neurons
    .filter((spot) => spot.hidden !== null)
    .map((spot) => ({
      neuron: spot.hidden!,
      left: spot.x + radius + MAP_GAP,
      top: spot.y - COMPACT_MAP_HEIGHT / 2,
      width: COMPACT_MAP_WIDTH,
      height: COMPACT_MAP_HEIGHT,
      grows: spot.hidden! < upperHalf ? 'down' : 'up',
    }));

  const names = paramNames(hidden, inputs);
  const lines: (LabelRequest & { param: number; from: NeuronId; to: NeuronId })[] = [];
  for (let j = 0; j < hidden; j++) {
    const neuron = neurons[inputs + j]!;
    for (let input = 0; input < inputs; input++) {
      const param = inputWeightIndex(j, input, inputs);
      const { start, end } = trimmedLine(neurons[input]!, neuron, radius);
      lines.push({ param, name: names[param]!, from: neurons[input]!.id, to: neuron.id, start, end });
    }
  }
  for (let j = 0; j < hidden; j++) {
    const map = maps[j]!;
    const port = { x: map.left + map.width + MAP_GAP, y: neurons[inputs + j]!.y };
    const param = outputWeightIndex(hidden, j, inputs);
    const { start, end } = trimmedLine(port, output, 0, radius);
    lines.push({ param, name: names[param]!, from: neurons[inputs + j]!.id, to: 'o1', start, end });
  }

  const bounds: Box = { left: 0, top: 0, right: width, bottom: height };
  const obstacles: Box[] = [
    ...neurons.map((spot) => boxAround(spot, 2 * radius, 2 * radius)),
    ...neurons.map((spot) =>
      spot.bias === null
        ? boxAround(spot.note, 16 * fontSize * 0.85 * 0.6, chip) // `weight 133.5 lb`
        : boxAround(spot.note, chipWidth(fontSize, names[spot.bias]!), chip),
    ),
    ...maps.map((map) => ({
      left: map.left,
      top: map.top,
      right: map.left + map.width,
      bottom: map.top + map.height,
    })),
  ];
  // The output layer first: fewer edges, and the ones the Math view's chain rule walks first.
  const priority = [...lines.slice(inputs * hidden), ...lines.slice(0, inputs * hidden)];
  const placements = placeEdgeLabels(priority, obstacles, bounds, middleY, fontSize);
  const placementOf = new Map(priority.map((line, index) => [line.param, placements[index]!]));

  const edges: EdgeSpot[] = lines.map(({ param, name, from, to, start, end }) => {
    const placement = placementOf.get(param)!;
    return { param, name, from, to, start, end, ...placement };
  });

  return {
    width,
    height,
    hidden,
    radius,
    fontSize,
    showEdgeLabels: edges.every((edge) => edge.labelled),
    neurons,
    edges,
    maps,
    bounds,
  };
}

import { scaleLinear, scalePoint } from 'd3-scale';
import {
  hiddenBiasIndex,
  inputWeightIndex,
  outputBiasIndex,
  outputWeightIndex,
  paramNames,
} from '../../core/architecture';
import { clamp, outwardNormal, pointAlong, trimmedLine } from './geometry';
import type { Column, EdgeSpot, MapSpot, NetworkLayout, NeuronId, NeuronSpot } from './layout';

/** Below this width edge values show only on hover and focus. */
export const EDGE_LABEL_MIN_WIDTH = 560;

/** The hidden maps beside one or two hidden neurons (CSS px). */
export const ARTICLE_MAP_WIDTH = 48;
export const ARTICLE_MAP_HEIGHT = 36;
const MAP_GAP = 6;

const COLUMNS: readonly Column[] = ['input', 'hidden', 'output'];

interface NeuronPlan {
  readonly id: NeuronId;
  readonly column: Column;
  /** 0 is the top row, 1 the bottom one; the lone output (and a lone hidden neuron) sit halfway. */
  readonly row: number;
  readonly hidden: number | null;
  readonly bias: number | null;
}

function neuronPlans(hidden: number): NeuronPlan[] {
  const plans: NeuronPlan[] = [
    { id: 'x1', column: 'input', row: 0, hidden: null, bias: null },
    { id: 'x2', column: 'input', row: 1, hidden: null, bias: null },
  ];
  for (let j = 0; j < hidden; j++) {
    const row = hidden === 1 ? 0.5 : j;
    plans.push({ id: `h${j + 1}`, column: 'hidden', row, hidden: j, bias: hiddenBiasIndex(hidden, j) });
  }
  plans.push({ id: 'o1', column: 'output', row: 0.5, hidden: null, bias: outputBiasIndex(hidden) });
  return plans;
}

/**
 * The article's wiring. `at` is how far along the line the label sits: the two crossing edges (w2, w3)
 * keep theirs away from the crossing, the rest sit mid-line, clear of the circles and bias notes.
 */
function wiring(hidden: number): { param: number; from: NeuronId; to: NeuronId; at: number }[] {
  const edges: { param: number; from: NeuronId; to: NeuronId; at: number }[] = [];
  for (let j = 0; j < hidden; j++) {
    for (let input = 0; input < 2; input++) {
      const crossing = hidden === 2 && input !== j;
      edges.push({
        param: inputWeightIndex(j, input),
        from: input === 0 ? 'x1' : 'x2',
        to: `h${j + 1}`,
        at: crossing ? 0.3 : 0.5,
      });
    }
  }
  for (let j = 0; j < hidden; j++) {
    edges.push({ param: outputWeightIndex(hidden, j), from: `h${j + 1}`, to: 'o1', at: 0.38 });
  }
  return edges;
}

/** The 2-2-1 figure of the article (and its 2-1-1 sibling), sized by the width alone. */
export function articleLayout(width: number, hidden: number): NetworkLayout {
  const radius = Math.round(clamp(width / 18, 24, 44));
  const fontSize = Math.round(clamp(radius * 0.5, 12, 18));
  const height = Math.round(clamp(width * 0.5, 270, 500));
  // Room for the notes above the top row and below the bottom row, and for centred notes at the sides.
  const noteGap = fontSize * 1.3; // circle rim to the note's centre
  const noteRoom = noteGap * 2;
  const sideRoom = Math.max(radius, 3.6 * fontSize) + 8;
  const column = scalePoint<Column>()
    .domain(COLUMNS)
    .range([sideRoom, width - sideRoom]);
  const row = scaleLinear()
    .domain([0, 1])
    .range([noteRoom + radius, height - noteRoom - radius]);

  const neurons: NeuronSpot[] = neuronPlans(hidden).map((plan) => {
    const x = column(plan.column) ?? 0;
    const y = row(plan.row);
    // The top row's note goes above (edges leave downwards), the others' below.
    const noteSide = plan.row === 0 && plan.column !== 'output' ? 'above' : 'below';
    const noteY = noteSide === 'above' ? y - radius - noteGap : y + radius + noteGap;
    const { id, column: col, hidden: index, bias } = plan;
    return { id, column: col, hidden: index, x, y, note: { x, y: noteY }, noteSide, bias };
  });
  const middleY = row(0.5);
  const spot = (id: NeuronId): NeuronSpot => neurons.find((neuron) => neuron.id === id)!;
  const names = paramNames(hidden);
  const showEdgeLabels = width >= EDGE_LABEL_MIN_WIDTH;

  const edges: EdgeSpot[] = wiring(hidden).map(({ param, from, to, at }) => {
    const { start, end } = trimmedLine(spot(from), spot(to), radius);
    const label = pointAlong(start, end, at);
    return {
      param,
      name: names[param]!,
      from,
      to,
      start,
      end,
      label,
      normal: outwardNormal(start, end, label, middleY),
      labelled: showEdgeLabels,
      phaseLabelled: showEdgeLabels,
    };
  });

  // Beside each hidden neuron, clear of the bias label (about 11 characters, centred on the neuron)
  // that shares its row: the top one above right, growing down; the other below right, growing up.
  // A lone hidden neuron sits on the middle row with its bias below: its map goes straight above it.
  const maps: MapSpot[] = neurons
    .filter((neuron) => neuron.hidden !== null)
    .map((neuron) => {
      if (hidden === 1) {
        const left = neuron.x - ARTICLE_MAP_WIDTH / 2;
        const top = neuron.y - radius - ARTICLE_MAP_HEIGHT - MAP_GAP;
        return { neuron: 0, left, top, width: ARTICLE_MAP_WIDTH, height: ARTICLE_MAP_HEIGHT, grows: 'down' };
      }
      const top = neuron.hidden === 0;
      return {
        neuron: neuron.hidden!,
        left: neuron.x + Math.max(radius, fontSize * 3.8) + MAP_GAP,
        top: top ? neuron.y - radius - ARTICLE_MAP_HEIGHT + MAP_GAP : neuron.y + radius - MAP_GAP,
        width: ARTICLE_MAP_WIDTH,
        height: ARTICLE_MAP_HEIGHT,
        grows: top ? 'down' : 'up',
      };
    });

  return {
    width,
    height,
    hidden,
    radius,
    fontSize,
    showEdgeLabels,
    neurons,
    edges,
    maps,
    bounds: { left: 0, top: 0, right: width, bottom: height },
  };
}

import type { Box, Point } from './geometry';
import { articleLayout } from './articleLayout';

export { EDGE_LABEL_MIN_WIDTH } from './articleLayout';
import { compactLayout } from './compactLayout';
import { layeredLayout } from './layeredLayout';
import { DEFAULT_FEATURES, hasPlainInputs, type Feature } from '../../core/features';

export type { Point } from './geometry';
export { labelOffset } from './geometry';

/**
 * The pure geometry of the Network figure for a width and a number of hidden neurons: where each neuron,
 * edge, bias, hidden map and label goes. No React, no DOM, so it can be unit-tested and recomputed only
 * when the width or the network changes. One or two hidden neurons keep the article's picture
 * (articleLayout.ts); three to eight stack in a column with each map beside its neuron (compactLayout.ts),
 * as does any network with feature inputs beyond x1, x2 (one input neuron per feature, named by it).
 * Two to four hidden layers (`hidden` as each layer's size) stand a column each (layeredLayout.ts).
 */
export type NeuronId = Feature | 'o1' | `h${number}`;
export type Column = 'input' | 'hidden' | 'output';

export interface NeuronSpot extends Point {
  readonly id: NeuronId;
  readonly column: Column;
  /** 0-based index of a hidden neuron; null for the inputs and the output. */
  readonly hidden: number | null;
  /** Where the neuron's outside note goes (raw input, or its bias): on the side no edge crosses. */
  readonly note: Point;
  /** Which side of the circle the note sits on. */
  readonly noteSide: 'above' | 'below';
  /** Index of the neuron's bias in the parameter array; null for inputs. */
  readonly bias: number | null;
  /** The name inside the circle when it is not the id (`2,1`: layer 2's first neuron, in a deeper network). */
  readonly name?: string;
}

export interface EdgeSpot {
  /** Index of the weight in the parameter array (architecture.ts layout). */
  readonly param: number;
  readonly name: string;
  readonly from: NeuronId;
  readonly to: NeuronId;
  /** The line, trimmed to the circles' rims (or starting at the right of a hidden map). */
  readonly start: Point;
  readonly end: Point;
  /** Where the value label sits on the line. */
  readonly label: Point;
  /** Unit normal pointing away from the figure's centre: the label moves off the line that way. */
  readonly normal: Point;
  /** There is room to print `w1 = 0.5` beside the line without hovering it. */
  readonly labelled: boolean;
  /** There is room for a phase's longer label (`1 → 0.998 (−0.00215)`) too. */
  readonly phaseLabelled: boolean;
}

/** A hidden neuron's map: CSS pixels over the figure, and which way it grows when enlarged. */
export interface MapSpot {
  readonly neuron: number;
  readonly left: number;
  readonly top: number;
  readonly width: number;
  readonly height: number;
  readonly grows: 'down' | 'up';
}

export interface NetworkLayout {
  readonly width: number;
  readonly height: number;
  readonly hidden: number;
  readonly radius: number;
  /** Font size (px) of neuron names; values and notes derive from it. */
  readonly fontSize: number;
  /** Every weight is printed next to its edge (wide enough, few enough neurons). */
  readonly showEdgeLabels: boolean;
  readonly neurons: readonly NeuronSpot[];
  readonly edges: readonly EdgeSpot[];
  readonly maps: readonly MapSpot[];
  /** The figure's own box, for labels that must stay inside. */
  readonly bounds: Box;
}

export const MIN_WIDTH = 280;

export function networkLayout(
  measuredWidth: number,
  hidden: number | readonly number[] = 2,
  features: readonly Feature[] = DEFAULT_FEATURES,
): NetworkLayout {
  const width = Math.max(MIN_WIDTH, Math.floor(measuredWidth));
  if (typeof hidden !== 'number') {
    if (hidden.length > 1) return layeredLayout(width, hidden, features);
    return networkLayout(width, hidden[0] ?? 2, features);
  }
  if (!hasPlainInputs(features)) return compactLayout(width, hidden, features);
  return hidden <= 2 ? articleLayout(width, Math.max(1, hidden)) : compactLayout(width, hidden);
}

/** Where an editor for parameter `param` should appear: on its edge's label, or on its neuron's bias note. */
export function paramAnchor(layout: NetworkLayout, param: number): Point | null {
  const edge = layout.edges.find((candidate) => candidate.param === param);
  if (edge) return edge.label;
  const neuron = layout.neurons.find((candidate) => candidate.bias === param);
  return neuron ? neuron.note : null;
}

export function spotOf(layout: NetworkLayout, id: NeuronId): NeuronSpot | undefined {
  return layout.neurons.find((neuron) => neuron.id === id);
}

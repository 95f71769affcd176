import { hiddenActivation } from '../../core/activation';
import { hiddenBiasIndex, inputWeightIndex } from '../../core/architecture';
import {
  DEFAULT_FEATURES,
  FEATURE_SYMBOLS,
  MAX_FEATURES,
  featuresInto,
  hasPlainInputs,
  type Feature,
} from '../../core/features';
import { forwardSize } from '../../core/bufferLayout';
import { MAX_TOTAL_HIDDEN, isLayered } from '../../core/layerShape';
import { netForwardInto, type ForwardShape } from '../../core/netForward';
import type { Params } from '../../core/network';
import type { Scaling } from '../../core/scaling';
import { walkPlaneGrid } from '../../viz/planeGrid';
import type { Domain } from '../../viz/planeLayout';
import type { PlaneWords } from '../../viz/planeWords';

/**
 * Hidden neuron `neuron`'s output over the weight/height plane, h = f(w·x1 + w'·x2 + b) with the network's
 * activation f, laid out as `walkPlaneGrid` lays out every plane grid (the Decision boundary's too).
 * Writes into `out` and allocates nothing.
 */
export function hiddenGrid(
  params: Params,
  shape: ForwardShape,
  scaling: Scaling,
  xDomain: Domain,
  yDomain: Domain,
  cols: number,
  rows: number,
  neuron: number,
  out: Float32Array,
): void {
  const features = shape.features ?? DEFAULT_FEATURES;
  if (isLayered(shape)) {
    layeredGrid(params, shape, scaling, xDomain, yDomain, cols, rows, neuron, out);
    return;
  }
  if (!hasPlainInputs(features)) {
    featuredGrid(params, shape, features, scaling, xDomain, yDomain, cols, rows, neuron, out);
    return;
  }
  const weightX = params[inputWeightIndex(neuron, 0)] ?? 0;
  const weightY = params[inputWeightIndex(neuron, 1)] ?? 0;
  const bias = params[hiddenBiasIndex(shape.hidden, neuron)] ?? 0;
  const kind = shape.activation;
  walkPlaneGrid(scaling, xDomain, yDomain, cols, rows, (rowStart, x1, x2) => {
    for (let i = 0; i < cols; i++) {
      out[rowStart + i] = hiddenActivation(kind, weightX * x1[i]! + weightY * x2 + bias);
    }
  });
}

const cellFeatures = new Float64Array(MAX_FEATURES);
const cellForward = new Float64Array(forwardSize(MAX_TOTAL_HIDDEN));

/**
 * What the last deep-network grid was computed from, and every hidden neuron's output at each of its cells.
 * A deep network's maps redraw together on the same parameters, plane and resolution: the first map runs
 * one forward pass per cell and the others read their neuron from it (eight neurons in each of four
 * layers would otherwise take 32 passes per cell per redraw).
 */
const passes = {
  params: new Float64Array(0),
  shape: null as ForwardShape | null,
  scaling: null as Scaling | null,
  xDomain: null as Domain | null,
  yDomain: null as Domain | null,
  cols: 0,
  rows: 0,
  /** cell * total hidden + neuron */
  outputs: new Float64Array(0),
};

function sameList<T>(a: readonly T[] | undefined, b: readonly T[] | undefined): boolean {
  if (a === b) return true;
  if (!a || !b || a.length !== b.length) return false;
  return a.every((item, i) => item === b[i]);
}

function passesHold(
  params: Params,
  shape: ForwardShape,
  scaling: Scaling,
  xDomain: Domain,
  yDomain: Domain,
  cols: number,
  rows: number,
): boolean {
  const last = passes.shape;
  if (!last || passes.scaling !== scaling || passes.xDomain !== xDomain || passes.yDomain !== yDomain)
    return false;
  if (passes.cols !== cols || passes.rows !== rows || passes.params.length !== params.length) return false;
  if (last.hidden !== shape.hidden || last.activation !== shape.activation || last.output !== shape.output)
    return false;
  if (!sameList(last.hiddenLayers, shape.hiddenLayers) || !sameList(last.features, shape.features))
    return false;
  // By value: a view may hand in equal parameters in a new array, or edit one array in place.
  for (let i = 0; i < params.length; i++) if (passes.params[i] !== params[i]) return false;
  return true;
}

/**
 * The same for neuron `neuron` (numbered across the layers) of a network of two or more hidden layers:
 * a neuron past the first reads the layers before it, so each cell takes the whole forward pass (shared
 * by all the maps, see `passes`).
 */
function layeredGrid(
  params: Params,
  shape: ForwardShape,
  scaling: Scaling,
  xDomain: Domain,
  yDomain: Domain,
  cols: number,
  rows: number,
  neuron: number,
  out: Float32Array,
): void {
  const total = (shape.hiddenLayers ?? [shape.hidden]).reduce((sum, size) => sum + size, 0);
  if (!passesHold(params, shape, scaling, xDomain, yDomain, cols, rows)) {
    if (passes.outputs.length < cols * rows * total) passes.outputs = new Float64Array(cols * rows * total);
    const outputs = passes.outputs;
    walkPlaneGrid(scaling, xDomain, yDomain, cols, rows, (rowStart, x1, x2) => {
      for (let i = 0; i < cols; i++) {
        netForwardInto(shape, params, x1[i]!, x2, cellForward);
        const first = (rowStart + i) * total;
        for (let k = 0; k < total; k++) outputs[first + k] = cellForward[2 * k + 1]!;
      }
    });
    passes.params = Float64Array.from(params);
    Object.assign(passes, { shape: { ...shape }, scaling, xDomain, yDomain, cols, rows });
  }
  const outputs = passes.outputs;
  for (let cell = 0; cell < cols * rows; cell++) out[cell] = outputs[cell * total + neuron]!;
}

/** The same over feature inputs: each cell's features from its scaled x1, x2, then the neuron's sum. */
function featuredGrid(
  params: Params,
  shape: ForwardShape,
  features: readonly Feature[],
  scaling: Scaling,
  xDomain: Domain,
  yDomain: Domain,
  cols: number,
  rows: number,
  neuron: number,
  out: Float32Array,
): void {
  const inputs = features.length;
  const first = inputWeightIndex(neuron, 0, inputs);
  const bias = params[hiddenBiasIndex(shape.hidden, neuron, inputs)] ?? 0;
  const kind = shape.activation;
  walkPlaneGrid(scaling, xDomain, yDomain, cols, rows, (rowStart, x1, x2) => {
    for (let i = 0; i < cols; i++) {
      featuresInto(features, x1[i]!, x2, cellFeatures);
      let sum = bias;
      for (let f = 0; f < inputs; f++) sum += (params[first + f] ?? 0) * cellFeatures[f]!;
      out[rowStart + i] = hiddenActivation(kind, sum);
    }
  });
}

/**
 * Where the neuron's output is high, in words, from the signs of its two weights (every activation the lab
 * offers rises with its sum, so the signs alone decide): for heavy, tall people, or for an imported file
 * where its columns are high or low.
 */
export function hiddenSummary(
  params: Params,
  neuron: number,
  words?: PlaneWords,
  features: readonly Feature[] = DEFAULT_FEATURES,
): string {
  if (!hasPlainInputs(features)) {
    // curved inputs (x1², sin x1, …): the signs of the weights no longer say where it is high
    return `a curved region, from its inputs ${features.map((feature) => FEATURE_SYMBOLS[feature]).join(', ')}`;
  }
  const weightX = params[inputWeightIndex(neuron, 0)] ?? 0;
  const weightY = params[inputWeightIndex(neuron, 1)] ?? 0;
  const side = (w: number, up: string, down: string): string | null => (w > 0 ? up : w < 0 ? down : null);
  if (words?.measure === 'plain') {
    const parts = [
      side(weightX, `${words.xTitle} is high`, `${words.xTitle} is low`),
      side(weightY, `${words.yTitle} is high`, `${words.yTitle} is low`),
    ].filter(Boolean);
    return parts.length ? `high where ${parts.join(' and ')}` : 'flat: the same for every row';
  }
  const parts = [side(weightX, 'heavy', 'light'), side(weightY, 'tall', 'short')].filter(Boolean);
  return parts.length ? `high for ${parts.join(', ')} people` : 'flat: the same for everyone';
}

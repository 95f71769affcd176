/**
 * Networks of 1 to MAX_LAYERS hidden layers: their sizes and where each value lives.
 *
 * Parameter layout for F inputs and hidden layers of H1 … HL neurons: every weight, layer by layer (into
 * layer 1 from the inputs, into layer 2 from layer 1, …, into the output from layer L), each layer
 * neuron-major (all the weights into its first neuron, then its second's); then every bias, layer by
 * layer, the output's last. For one hidden layer this is exactly the layout of architecture.ts, so every
 * 1-layer index, test and share link keeps its meaning, and the weights still come first (the penalty of
 * regularization.ts covers one prefix).
 *
 * Forward buffer: the hidden neurons numbered across the layers (layer 1's first), neuron k's sum at 2k
 * and its output at 2k + 1, then the output's sum and ypred: bufferLayout.ts's layout with H the total.
 *
 * Factor buffer of a network of two or more layers, 2K + 2 slots for K hidden neurons in all:
 *   [0]       dL/dypred
 *   [1]       dypred/dz_out (the output's slope; 1 for a linear output)
 *   [2 + 2k]  dL/dh_k, what backpropagation carries back to hidden neuron k
 *   [3 + 2k]  f'(z_k), its activation's slope; δ_k = dL/dz_k is the product of the two
 * A 1-layer network keeps bufferLayout.ts's factor layout (the article's names).
 */
import { MAX_HIDDEN, MIN_HIDDEN, type Architecture } from './architecture';
import { factorCount, forwardSize } from './bufferLayout';

export const MIN_LAYERS = 1;
export const MAX_LAYERS = 4;
/** The most hidden neurons any network has, which sizes the scratch buffers shared by every shape. */
export const MAX_TOTAL_HIDDEN = MAX_LAYERS * MAX_HIDDEN;

export type LayeredShape = Pick<Architecture, 'hidden' | 'hiddenLayers'>;
type ShapeWithInputs = LayeredShape & Partial<Pick<Architecture, 'features'>>;

/** Neurons per hidden layer, input side first: `hiddenLayers`, or `[hidden]` for one layer. */
export function hiddenSizes(net: LayeredShape): readonly number[] {
  return net.hiddenLayers !== undefined && net.hiddenLayers.length > 1 ? net.hiddenLayers : [net.hidden];
}

/** Two or more hidden layers: the layered code and its factor layout (one layer keeps the 1-layer code). */
export function isLayered(net: LayeredShape): boolean {
  return net.hiddenLayers !== undefined && net.hiddenLayers.length > 1;
}

export function layerCount(net: LayeredShape): number {
  return hiddenSizes(net).length;
}

/** Hidden neurons over all the layers (K). */
export function totalHidden(net: LayeredShape): number {
  let total = 0;
  for (const size of hiddenSizes(net)) total += size;
  return total;
}

/** Sizes that are a network: 1..MAX_LAYERS layers of MIN_HIDDEN..MAX_HIDDEN neurons each. */
export function isValidSizes(sizes: readonly number[]): boolean {
  return (
    sizes.length >= MIN_LAYERS &&
    sizes.length <= MAX_LAYERS &&
    sizes.every((size) => Number.isInteger(size) && size >= MIN_HIDDEN && size <= MAX_HIDDEN)
  );
}

/**
 * `net` with these hidden layers, written the one way a shape is stored: `hidden` is the first layer's
 * size, and `hiddenLayers` is there only with two or more layers (so a 1-layer network is written as
 * it always was, and old links and saves compare equal to new ones).
 */
export function withHiddenSizes<T extends LayeredShape>(net: T, sizes: readonly number[]): T {
  const { hiddenLayers: _dropped, ...rest } = net;
  void _dropped;
  const first = sizes[0] ?? net.hidden;
  return (
    sizes.length > 1 ? { ...rest, hidden: first, hiddenLayers: [...sizes] } : { ...rest, hidden: first }
  ) as T;
}

/** Where each layer's weights, biases and neurons start (index 0 is the inputs, L + 1 the output). */
export interface LayerPlan {
  /** F, H1 … HL, 1. */
  readonly sizes: Int32Array;
  /** Hidden layers (L). */
  readonly layers: number;
  /** First parameter index of the weights into layer l (l = 1 … L + 1). */
  readonly weightStart: Int32Array;
  /** First parameter index of the biases of layer l. */
  readonly biasStart: Int32Array;
  /** Number across all hidden neurons of layer l's first neuron (the output's is K). */
  readonly nodeStart: Int32Array;
  readonly paramCount: number;
  readonly weightCount: number;
  readonly totalHidden: number;
}

/** The plan of hidden layers `hidden` (1 … MAX_LAYERS sizes) after `inputs` inputs. */
export function layerPlan(hidden: readonly number[], inputs: number): LayerPlan {
  const layers = hidden.length;
  const sizes = Int32Array.from([inputs, ...hidden, 1]);
  const weightStart = new Int32Array(layers + 2);
  const biasStart = new Int32Array(layers + 2);
  const nodeStart = new Int32Array(layers + 2);
  let weights = 0;
  let nodes = 0;
  for (let l = 1; l <= layers + 1; l++) {
    weightStart[l] = weights;
    weights += sizes[l]! * sizes[l - 1]!;
    nodeStart[l] = nodes;
    nodes += sizes[l]!;
  }
  let biases = weights;
  for (let l = 1; l <= layers + 1; l++) {
    biasStart[l] = biases;
    biases += sizes[l]!;
  }
  const total = nodes - 1;
  return {
    sizes,
    layers,
    weightStart,
    biasStart,
    nodeStart,
    paramCount: biases,
    weightCount: weights,
    totalHidden: total,
  };
}

const plansBySizes = new WeakMap<readonly number[], LayerPlan[]>();
const onePlans: LayerPlan[] = [];
let lastSizes: readonly number[] | undefined;
let lastHidden = -1;
let lastInputs = -1;
let lastPlan: LayerPlan | null = null;

/**
 * The plan of a network, made once per shape and then looked up: the training loop asks for it every
 * sample and must not allocate.
 */
export function planFor(net: ShapeWithInputs): LayerPlan {
  const inputs = net.features?.length ?? 2;
  const layered =
    net.hiddenLayers !== undefined && net.hiddenLayers.length > 1 ? net.hiddenLayers : undefined;
  if (lastPlan !== null && lastSizes === layered && lastHidden === net.hidden && lastInputs === inputs) {
    return lastPlan;
  }
  let plan: LayerPlan;
  if (layered === undefined) {
    const key = net.hidden * 16 + inputs;
    plan = onePlans[key] ??= layerPlan([net.hidden], inputs);
  } else {
    let byInputs = plansBySizes.get(layered);
    if (byInputs === undefined) plansBySizes.set(layered, (byInputs = []));
    plan = byInputs[inputs] ??= layerPlan(layered, inputs);
  }
  lastSizes = layered;
  lastHidden = net.hidden;
  lastInputs = inputs;
  lastPlan = plan;
  return plan;
}

/** How many parameters the network has: every weight, then every bias. */
export const networkParamCount = (net: ShapeWithInputs): number => planFor(net).paramCount;
/** How many of them are weights (the prefix a penalty covers). */
export const networkWeightCount = (net: ShapeWithInputs): number => planFor(net).weightCount;
/** Slots of the network's forward buffer. */
export const networkForwardSize = (net: LayeredShape): number => forwardSize(totalHidden(net));
/** Slots of the network's factor buffer (the 1-layer layout, or the layered one above). */
export function networkFactorCount(net: ShapeWithInputs): number {
  return isLayered(net) ? 2 * totalHidden(net) + 2 : factorCount(net.hidden, net.features?.length ?? 2);
}

/** Weight into neuron `neuron` of layer `layer` (1 … L + 1) from neuron `from` of the layer before. */
export const layerWeightIndex = (plan: LayerPlan, layer: number, neuron: number, from: number): number =>
  plan.weightStart[layer]! + neuron * plan.sizes[layer - 1]! + from;
/** Bias of neuron `neuron` of layer `layer`. */
export const layerBiasIndex = (plan: LayerPlan, layer: number, neuron: number): number =>
  plan.biasStart[layer]! + neuron;
/** Factor slots of a layered network: dL/dh_k and f'(z_k) for hidden neuron k (numbered across layers). */
export const carriedSlopeSlot = (neuron: number): number => 2 + 2 * neuron;
export const activationSlopeSlot = (neuron: number): number => 3 + 2 * neuron;

/**
 * What the parameters and hidden neurons of a network of any depth are called. A 1-layer network keeps
 * the article's names (w1 …, b1 …, h1 …, "weight x1 → h2"); with two or more layers the parameters are
 * still w1 … and b1 … in layout order (layerShape.ts), and a hidden neuron is "Layer 3, neuron 2".
 */
import { paramNames, paramRole, type Architecture } from './architecture';
import { DEFAULT_FEATURES, FEATURE_SYMBOLS, type Feature } from './features';
import { isLayered, planFor, type LayeredShape, type LayerPlan } from './layerShape';

type NamedShape = LayeredShape & Partial<Pick<Architecture, 'features'>>;

/** Parameter names in layout order: w1 … wW, then b1 … bB (the output's bias last). */
export function networkParamNames(net: NamedShape): string[] {
  const inputs = net.features?.length ?? 2;
  if (!isLayered(net)) return paramNames(net.hidden, inputs);
  const plan = planFor(net);
  const names: string[] = [];
  for (let i = 1; i <= plan.weightCount; i++) names.push(`w${i}`);
  for (let i = 1; i <= plan.paramCount - plan.weightCount; i++) names.push(`b${i}`);
  return names;
}

/** Hidden layer (1-based) and neuron in it (1-based) of hidden neuron `k`, numbered across the layers. */
export function layerOfNeuron(plan: LayerPlan, k: number): { layer: number; neuron: number } {
  let layer = 1;
  while (layer < plan.layers && k >= plan.nodeStart[layer + 1]!) layer++;
  return { layer, neuron: k - plan.nodeStart[layer]! + 1 };
}

/** Hidden neuron `k` (numbered across the layers): `h3`, or `Layer 2, neuron 1` in a deeper network. */
export function hiddenNeuronName(net: NamedShape, k: number): string {
  if (!isLayered(net)) return `h${k + 1}`;
  const { layer, neuron } = layerOfNeuron(planFor(net), k);
  return `Layer ${layer}, neuron ${neuron}`;
}

/** What parameter `index` connects: "weight x1 → Layer 1, neuron 2", "bias of Layer 2, neuron 1", "bias of o1". */
export function networkParamRole(
  net: NamedShape,
  index: number,
  features: readonly Feature[] = net.features ?? DEFAULT_FEATURES,
): string {
  if (!isLayered(net)) return paramRole(net.hidden, index, features);
  const plan = planFor({ ...net, features });
  const { sizes, layers, weightStart, biasStart, nodeStart } = plan;
  const nameOf = (layer: number, neuron: number) =>
    layer > layers ? 'o1' : hiddenNeuronName(net, nodeStart[layer]! + neuron);
  if (index >= plan.weightCount) {
    let layer = 1;
    while (layer <= layers && index >= biasStart[layer + 1]!) layer++;
    return `bias of ${nameOf(layer, index - biasStart[layer]!)}`;
  }
  let layer = 1;
  while (layer <= layers && index >= weightStart[layer + 1]!) layer++;
  const offset = index - weightStart[layer]!;
  const fanIn = sizes[layer - 1]!;
  const to = Math.floor(offset / fanIn);
  const from = offset % fanIn;
  const source = layer === 1 ? FEATURE_SYMBOLS[features[from]!] : nameOf(layer - 1, from);
  return `weight ${source} → ${nameOf(layer, to)}`;
}

/**
 * Where each value lives in the forward and chain-rule factor buffers of a network with H hidden neurons.
 * Both layouts extend the article's 2-2-1 slots (forward.ts SUM_H1..O1, backward.ts DL_DYPRED..DH2_DB2),
 * so for H = 2 every existing index keeps its meaning and its name.
 *
 * Forward buffer, 2H + 2 slots: hidden j's weighted sum at 2j and its output at 2j + 1, then the output
 * neuron's sum at 2H and the prediction ypred at 2H + 1.
 *
 * Factor buffer, (F + 3)H + 2 slots for F inputs (5H + 2 for the article's x1, x2):
 *   [0]               dL/dypred
 *   [1 .. H]          dypred/dh_j
 *   [H+1 .. 2H]       dypred/dw_out_j    (the weights w(FH+1) … w((F+1)H))
 *   [2H+1]            dypred/db_out      (the bias b(H+1))
 *   [2H+2+(F+1)j ..]  dh_j/dw(input 1) … dh_j/dw(input F), dh_j/db_j  for each hidden j
 * The factor helpers take the input count F last, defaulting to the article's 2.
 */

export const forwardSize = (hidden: number): number => 2 * hidden + 2;
export const hiddenSumSlot = (neuron: number): number => 2 * neuron;
export const hiddenOutputSlot = (neuron: number): number => 2 * neuron + 1;
export const outputSumSlot = (hidden: number): number => 2 * hidden;
export const outputSlot = (hidden: number): number => 2 * hidden + 1;

export const factorCount = (hidden: number, inputs = 2): number => (inputs + 3) * hidden + 2;
export const LOSS_SLOPE_SLOT = 0;
/** dypred/dh_j */
export const outputByHiddenSlot = (neuron: number): number => 1 + neuron;
/** dypred/dw_out_j */
export const outputByWeightSlot = (hidden: number, neuron: number): number => hidden + 1 + neuron;
/** dypred/db_out */
export const outputByBiasSlot = (hidden: number): number => 2 * hidden + 1;
/** dh_j/dw for input `input` (0 = x1, 1 = x2 for the article's inputs). */
export const hiddenByWeightSlot = (hidden: number, neuron: number, input: number, inputs = 2): number =>
  2 * hidden + 2 + (inputs + 1) * neuron + input;
/** dh_j/db_j, which is also the activation's slope at hidden j's sum. */
export const hiddenByBiasSlot = (hidden: number, neuron: number, inputs = 2): number =>
  2 * hidden + 2 + (inputs + 1) * neuron + inputs;

/** Factor names in buffer order, as the article writes them: dL/dypred, dypred/dh1, …, dh1/dw1, … */
export function factorNames(hidden: number, inputs = 2): string[] {
  const names = ['dL/dypred'];
  for (let j = 1; j <= hidden; j++) names.push(`dypred/dh${j}`);
  for (let j = 1; j <= hidden; j++) names.push(`dypred/dw${inputs * hidden + j}`);
  names.push(`dypred/db${hidden + 1}`);
  for (let j = 1; j <= hidden; j++) {
    for (let f = 1; f <= inputs; f++) names.push(`dh${j}/dw${inputs * (j - 1) + f}`);
    names.push(`dh${j}/db${j}`);
  }
  return names;
}

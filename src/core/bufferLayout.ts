/**
 * Where each value lives in the forward and chain-rule factor buffers of a network with H hidden neurons.
 * Both layouts extend the article's 2-2-1 slots (forward.ts SUM_H1..O1, backward.ts DL_DYPRED..DH2_DB2),
 * so for H = 2 every existing index keeps its meaning and its name.
 *
 * Forward buffer, 2H + 2 slots: hidden j's weighted sum at 2j and its output at 2j + 1, then the output
 * neuron's sum at 2H and the prediction ypred at 2H + 1.
 *
 * Factor buffer, 5H + 2 slots:
 *   [0]               dL/dypred
 *   [1 .. H]          dypred/dh_j
 *   [H+1 .. 2H]       dypred/dw_out_j    (the weights w(2H+1) … w(3H))
 *   [2H+1]            dypred/db_out      (the bias b(H+1))
 *   [2H+2+3j ..]      dh_j/dw(x1), dh_j/dw(x2), dh_j/db_j  for each hidden j
 */

export const forwardSize = (hidden: number): number => 2 * hidden + 2;
export const hiddenSumSlot = (neuron: number): number => 2 * neuron;
export const hiddenOutputSlot = (neuron: number): number => 2 * neuron + 1;
export const outputSumSlot = (hidden: number): number => 2 * hidden;
export const outputSlot = (hidden: number): number => 2 * hidden + 1;

export const factorCount = (hidden: number): number => 5 * hidden + 2;
export const LOSS_SLOPE_SLOT = 0;
/** dypred/dh_j */
export const outputByHiddenSlot = (neuron: number): number => 1 + neuron;
/** dypred/dw_out_j */
export const outputByWeightSlot = (hidden: number, neuron: number): number => hidden + 1 + neuron;
/** dypred/db_out */
export const outputByBiasSlot = (hidden: number): number => 2 * hidden + 1;
/** dh_j/dw for input 0 (x1) or 1 (x2). */
export const hiddenByWeightSlot = (hidden: number, neuron: number, input: number): number =>
  2 * hidden + 2 + 3 * neuron + input;
/** dh_j/db_j, which is also the activation's slope at hidden j's sum. */
export const hiddenByBiasSlot = (hidden: number, neuron: number): number => 2 * hidden + 4 + 3 * neuron;

/** Factor names in buffer order, as the article writes them: dL/dypred, dypred/dh1, …, dh1/dw1, … */
export function factorNames(hidden: number): string[] {
  const names = ['dL/dypred'];
  for (let j = 1; j <= hidden; j++) names.push(`dypred/dh${j}`);
  for (let j = 1; j <= hidden; j++) names.push(`dypred/dw${2 * hidden + j}`);
  names.push(`dypred/db${hidden + 1}`);
  for (let j = 1; j <= hidden; j++) names.push(`dh${j}/dw${2 * j - 1}`, `dh${j}/dw${2 * j}`, `dh${j}/db${j}`);
  return names;
}

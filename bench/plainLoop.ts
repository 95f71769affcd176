/**
 * The yardstick: the article's 2-2-1 network trained by a plain, hand-written scalar loop. Nine local
 * number variables, the same float64 math as src/core (forward, backward, SGD step, then the dataset
 * MSE after each epoch, like `trainEpoch`), in the same operation order, so it ends with bit-equal
 * parameters. Nothing here is clever: it is what "the fastest reasonable JavaScript" means in the budget.
 *
 * It must stay self-contained (no imports, no closure variables): the browser bench ships it into a
 * Blob worker as `plainTrain.toString()`.
 *
 * @param params the nine parameters, article order (w1..w6, b1..b3); updated in place at the end
 * @param inputs x1, x2 interleaved (already scaled)
 * @returns the sum of the epoch losses (so the work cannot be optimised away, and can be compared)
 */
export function plainTrain(
  params: Float64Array,
  inputs: Float64Array,
  targets: Float64Array,
  count: number,
  learningRate: number,
  epochs: number,
): number {
  let w1 = params[0]!;
  let w2 = params[1]!;
  let w3 = params[2]!;
  let w4 = params[3]!;
  let w5 = params[4]!;
  let w6 = params[5]!;
  let b1 = params[6]!;
  let b2 = params[7]!;
  let b3 = params[8]!;
  let lossSum = 0;
  for (let epoch = 0; epoch < epochs; epoch++) {
    for (let i = 0; i < count; i++) {
      const x1 = inputs[2 * i]!;
      const x2 = inputs[2 * i + 1]!;
      const yTrue = targets[i]!;
      // forward
      const h1 = 1 / (1 + Math.exp(-(w1 * x1 + w2 * x2 + b1)));
      const h2 = 1 / (1 + Math.exp(-(w3 * x1 + w4 * x2 + b2)));
      const o1 = 1 / (1 + Math.exp(-(w5 * h1 + w6 * h2 + b3)));
      // backward (same factors, same order as backwardInto)
      const slopeO1 = o1 * (1 - o1);
      const slopeH1 = h1 * (1 - h1);
      const slopeH2 = h2 * (1 - h2);
      const dLdYpred = -2 * (yTrue - o1);
      const backToH1 = dLdYpred * (w5 * slopeO1);
      const backToH2 = dLdYpred * (w6 * slopeO1);
      // SGD step: p -= rate * dL/dp
      w1 = w1 - learningRate * (backToH1 * (x1 * slopeH1));
      w2 = w2 - learningRate * (backToH1 * (x2 * slopeH1));
      w3 = w3 - learningRate * (backToH2 * (x1 * slopeH2));
      w4 = w4 - learningRate * (backToH2 * (x2 * slopeH2));
      w5 = w5 - learningRate * (dLdYpred * (h1 * slopeO1));
      w6 = w6 - learningRate * (dLdYpred * (h2 * slopeO1));
      b1 = b1 - learningRate * (backToH1 * slopeH1);
      b2 = b2 - learningRate * (backToH2 * slopeH2);
      b3 = b3 - learningRate * (dLdYpred * slopeO1);
    }
    // the epoch loss: dataset MSE after the epoch's updates
    let sum = 0;
    for (let i = 0; i < count; i++) {
      const x1 = inputs[2 * i]!;
      const x2 = inputs[2 * i + 1]!;
      const h1 = 1 / (1 + Math.exp(-(w1 * x1 + w2 * x2 + b1)));
      const h2 = 1 / (1 + Math.exp(-(w3 * x1 + w4 * x2 + b2)));
      const diff = targets[i]! - 1 / (1 + Math.exp(-(w5 * h1 + w6 * h2 + b3)));
      sum += diff * diff;
    }
    lossSum += sum / count;
  }
  params[0] = w1;
  params[1] = w2;
  params[2] = w3;
  params[3] = w4;
  params[4] = w5;
  params[5] = w6;
  params[6] = b1;
  params[7] = b2;
  params[8] = b3;
  return lossSum;
}

/**
 * The yardstick for a wider network: 2 inputs, `hidden` sigmoid hidden neurons, one sigmoid output, MSE,
 * mini-batches of `batchSize` (the mean gradient of the batch's samples, one step per batch; the epoch's
 * last batch may be short), then the dataset MSE after each epoch. Straightforward scalar loops over
 * arrays allocated once, the same float64 operations in the same order as src/core's generic path, so
 * it ends bit-equal. Self-contained like plainTrain (the browser bench ships it as text).
 *
 * @param params 4·hidden + 1 parameters in the layout of src/core/architecture.ts; updated in place
 * @returns the sum of the epoch losses
 */
export function plainTrainBatched(
  params: Float64Array,
  inputs: Float64Array,
  targets: Float64Array,
  count: number,
  learningRate: number,
  epochs: number,
  hidden: number,
  batchSize: number,
): number {
  const n = 4 * hidden + 1;
  const outW = 2 * hidden; // first hidden → output weight
  const hidB = 3 * hidden; // first hidden bias
  const outB = 4 * hidden; // output bias
  const p = Float64Array.from(params);
  const h = new Float64Array(hidden);
  const sum = new Float64Array(n);
  let lossSum = 0;
  for (let epoch = 0; epoch < epochs; epoch++) {
    let fill = 0;
    for (let i = 0; i < count; i++) {
      const x1 = inputs[2 * i]!;
      const x2 = inputs[2 * i + 1]!;
      const yTrue = targets[i]!;
      // forward
      for (let j = 0; j < hidden; j++) {
        h[j] = 1 / (1 + Math.exp(-(p[2 * j]! * x1 + p[2 * j + 1]! * x2 + p[hidB + j]!)));
      }
      let z = p[outW]! * h[0]!;
      for (let j = 1; j < hidden; j++) z += p[outW + j]! * h[j]!;
      const o = 1 / (1 + Math.exp(-(z + p[outB]!)));
      // backward, summed into the batch
      const slopeO = o * (1 - o);
      const dLdYpred = -2 * (yTrue - o);
      for (let j = 0; j < hidden; j++) {
        const hj = h[j]!;
        const slopeH = hj * (1 - hj);
        const back = dLdYpred * (p[outW + j]! * slopeO);
        sum[outW + j] = sum[outW + j]! + dLdYpred * (hj * slopeO);
        sum[2 * j] = sum[2 * j]! + back * (x1 * slopeH);
        sum[2 * j + 1] = sum[2 * j + 1]! + back * (x2 * slopeH);
        sum[hidB + j] = sum[hidB + j]! + back * slopeH;
      }
      sum[outB] = sum[outB]! + dLdYpred * slopeO;
      fill += 1;
      // the step: p -= rate * mean gradient; the sums start again from 0
      if (fill === batchSize || i === count - 1) {
        for (let k = 0; k < n; k++) {
          p[k] = p[k]! - learningRate * (sum[k]! / fill);
          sum[k] = 0;
        }
        fill = 0;
      }
    }
    // the epoch loss: dataset MSE after the epoch's updates
    let epochSum = 0;
    for (let i = 0; i < count; i++) {
      const x1 = inputs[2 * i]!;
      const x2 = inputs[2 * i + 1]!;
      for (let j = 0; j < hidden; j++) {
        h[j] = 1 / (1 + Math.exp(-(p[2 * j]! * x1 + p[2 * j + 1]! * x2 + p[hidB + j]!)));
      }
      let z = p[outW]! * h[0]!;
      for (let j = 1; j < hidden; j++) z += p[outW + j]! * h[j]!;
      const diff = targets[i]! - 1 / (1 + Math.exp(-(z + p[outB]!)));
      epochSum += diff * diff;
    }
    lossSum += epochSum / count;
  }
  params.set(p);
  return lossSum;
}

/**
 * The yardstick for a deeper network: 2 inputs, two sigmoid hidden layers of `first` and `second`
 * neurons, one sigmoid output, MSE, one plain SGD step per sample, then the dataset MSE after each
 * epoch. Written out by hand for exactly two hidden layers: a loop per layer over arrays allocated once,
 * with the same float64 operations in the same order as src/core/netLayered.ts, so it ends bit-equal
 * with the engine. Self-contained (no imports) like bench/plainLoop.ts.
 *
 * @param params the parameters in the layout of src/core/layerShape.ts; updated in place
 * @returns the sum of the epoch losses
 */
export function plainTrainDeep(
  params: Float64Array,
  inputs: Float64Array,
  targets: Float64Array,
  count: number,
  learningRate: number,
  epochs: number,
  first: number,
  second: number,
): number {
  const w1 = 0; // into layer 1: `first` rows of 2
  const w2 = 2 * first; // into layer 2: `second` rows of `first`
  const wo = w2 + first * second; // into the output: one row of `second`
  const b1 = wo + second;
  const b2 = b1 + first;
  const bo = b2 + second;
  const n = bo + 1;
  const p = Float64Array.from(params);
  const grad = new Float64Array(n);
  const h1 = new Float64Array(first);
  const h2 = new Float64Array(second);
  const back1 = new Float64Array(first);
  const back2 = new Float64Array(second);
  let lossSum = 0;
  for (let epoch = 0; epoch < epochs; epoch++) {
    for (let s = 0; s < count; s++) {
      const x1 = inputs[2 * s]!;
      const x2 = inputs[2 * s + 1]!;
      const yTrue = targets[s]!;
      // forward
      for (let j = 0; j < first; j++) {
        let sum = p[w1 + 2 * j]! * x1;
        sum += p[w1 + 2 * j + 1]! * x2;
        sum += p[b1 + j]!;
        h1[j] = 1 / (1 + Math.exp(-sum));
      }
      for (let j = 0; j < second; j++) {
        const row = w2 + j * first;
        let sum = p[row]! * h1[0]!;
        for (let i = 1; i < first; i++) sum += p[row + i]! * h1[i]!;
        sum += p[b2 + j]!;
        h2[j] = 1 / (1 + Math.exp(-sum));
      }
      let outSum = p[wo]! * h2[0]!;
      for (let i = 1; i < second; i++) outSum += p[wo + i]! * h2[i]!;
      outSum += p[bo]!;
      const o = 1 / (1 + Math.exp(-outSum));
      // backward: dL/dh carried back a layer at a time
      const slopeOut = o * (1 - o);
      const lossSlope = -2 * (yTrue - o);
      for (let i = 0; i < second; i++) {
        grad[wo + i] = lossSlope * (h2[i]! * slopeOut);
        back2[i] = lossSlope * (p[wo + i]! * slopeOut);
      }
      grad[bo] = lossSlope * slopeOut;
      back1.fill(0);
      for (let j = 0; j < second; j++) {
        const h = h2[j]!;
        const slope = h * (1 - h);
        const back = back2[j]!;
        const row = w2 + j * first;
        for (let i = 0; i < first; i++) {
          grad[row + i] = back * (h1[i]! * slope);
          back1[i] = back1[i]! + back * (p[row + i]! * slope);
        }
        grad[b2 + j] = back * slope;
      }
      for (let j = 0; j < first; j++) {
        const h = h1[j]!;
        const slope = h * (1 - h);
        const back = back1[j]!;
        grad[w1 + 2 * j] = back * (x1 * slope);
        grad[w1 + 2 * j + 1] = back * (x2 * slope);
        grad[b1 + j] = back * slope;
      }
      // SGD step
      for (let i = 0; i < n; i++) p[i] = p[i]! - learningRate * grad[i]!;
    }
    // the epoch loss: dataset MSE after the epoch's updates
    let sum = 0;
    for (let s = 0; s < count; s++) {
      const x1 = inputs[2 * s]!;
      const x2 = inputs[2 * s + 1]!;
      for (let j = 0; j < first; j++) {
        let z = p[w1 + 2 * j]! * x1;
        z += p[w1 + 2 * j + 1]! * x2;
        z += p[b1 + j]!;
        h1[j] = 1 / (1 + Math.exp(-z));
      }
      for (let j = 0; j < second; j++) {
        const row = w2 + j * first;
        let z = p[row]! * h1[0]!;
        for (let i = 1; i < first; i++) z += p[row + i]! * h1[i]!;
        z += p[b2 + j]!;
        h2[j] = 1 / (1 + Math.exp(-z));
      }
      let z = p[wo]! * h2[0]!;
      for (let i = 1; i < second; i++) z += p[wo + i]! * h2[i]!;
      z += p[bo]!;
      const diff = targets[s]! - 1 / (1 + Math.exp(-z));
      sum += diff * diff;
    }
    lossSum += sum / count;
  }
  params.set(p);
  return lossSum;
}

/**
 * The article's 2-2-1 network trained the way trainSample trains it (forward, backward, one plain SGD
 * step per sample), over many samples with the nine parameters in local variables: the float64
 * operations of forwardInto, backwardInto and applySgdStep in their order, so the parameters come out
 * bit-equal (a test holds it to trainSample), without writing each sample's forward values, factors and
 * gradient into the trainer's buffers that only the last sample's are read from. trainEpoch runs an
 * epoch's samples but the last through here, and the last through trainSample, which leaves those
 * buffers describing it as before.
 */
import { shuffleInPlace } from './rng';
import type { Trainer } from './trainer';

/**
 * Trains the samples from the trainer's cursor up to (not including) position `end` of the epoch's order,
 * shuffling first when the epoch starts here in `Shuffled` order; the cursor moves to `end`.
 */
export function trainArticleSamples(trainer: Trainer, end: number): void {
  const start = trainer.cursor;
  if (start >= end) return;
  const { set, order, params } = trainer;
  if (start === 0 && trainer.sampleOrder === 'shuffled') shuffleInPlace(order, set.count, trainer.rng);
  const { inputs, targets } = set;
  const rate = trainer.learningRate;
  let w1 = params[0]!;
  let w2 = params[1]!;
  let w3 = params[2]!;
  let w4 = params[3]!;
  let w5 = params[4]!;
  let w6 = params[5]!;
  let b1 = params[6]!;
  let b2 = params[7]!;
  let b3 = params[8]!;
  for (let cursor = start; cursor < end; cursor++) {
    const sample = order[cursor]!;
    const x1 = inputs[2 * sample]!;
    const x2 = inputs[2 * sample + 1]!;
    const yTrue = targets[sample]!;
    const h1 = 1 / (1 + Math.exp(-(w1 * x1 + w2 * x2 + b1)));
    const h2 = 1 / (1 + Math.exp(-(w3 * x1 + w4 * x2 + b2)));
    const yPred = 1 / (1 + Math.exp(-(w5 * h1 + w6 * h2 + b3)));
    const slopeO1 = yPred * (1 - yPred);
    const slopeH1 = h1 * (1 - h1);
    const slopeH2 = h2 * (1 - h2);
    const dLdYpred = -2 * (yTrue - yPred);
    const backToH1 = dLdYpred * (w5 * slopeO1);
    const backToH2 = dLdYpred * (w6 * slopeO1);
    w1 = w1 - rate * (backToH1 * (x1 * slopeH1));
    w2 = w2 - rate * (backToH1 * (x2 * slopeH1));
    w3 = w3 - rate * (backToH2 * (x1 * slopeH2));
    w4 = w4 - rate * (backToH2 * (x2 * slopeH2));
    w5 = w5 - rate * (dLdYpred * (h1 * slopeO1));
    w6 = w6 - rate * (dLdYpred * (h2 * slopeO1));
    b1 = b1 - rate * (backToH1 * slopeH1);
    b2 = b2 - rate * (backToH2 * slopeH2);
    b3 = b3 - rate * (dLdYpred * slopeO1);
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
  trainer.lastSample = order[end - 1]!;
  trainer.cursor = end;
}

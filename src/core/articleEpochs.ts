/**
 * Many whole epochs of the article's 2-2-1 network in one call, recorded as they finish: the loop the
 * training worker runs at full speed. The nine parameters stay in local variables across epochs (as in a
 * hand-written loop), each epoch's loss and accuracy come from one inline pass, and each epoch's record
 * (loss, accuracy, parameters) goes straight into the caller's preallocated columns. The float64
 * operations are those of trainSample and currentLoss in their order, so every record is bit-equal to
 * trainEpoch's (a test holds it); the last sample's parameters are kept as it starts, and its trace is worked
 * out from them once, at the end.
 *
 * The epoch's loss pass has already run its next epoch's first forward pass: whichever sample that epoch
 * starts with (shuffled or not), at the same parameters. Its three sigmoids are carried over instead of
 * computed twice (one forward pass of the epoch's 2 x samples; one in eight for the article's four people),
 * bit-equal: the same operations on the same numbers.
 */
import { backwardInto } from './backward';
import { forwardInto } from './forward';
import { PARAM_COUNT } from './network';
import { shuffleInPlace } from './rng';
import type { Trainer } from './trainer';

/** Where the epochs are recorded: epoch k of a call at `at + k` (PARAM_COUNT parameters per epoch). */
export interface EpochColumns {
  readonly losses: Float64Array;
  readonly accuracies: Float64Array;
  readonly params: Float64Array;
}

/**
 * When the loop hands control back early. It stops right after recording an epoch whose loss is at most
 * `lossAtMost`, above `lossAbove`, or above max(`riseFactor` x the lowest loss so far, `riseFloor`)
 * (the lowest starting at `lowest`; Infinity for none), so the caller sees such an epoch with the trainer
 * still at it. An epoch whose loss is not finite, or whose parameters' squared norm is above
 * `sizeSquared`, is not recorded: the loop stops with the trainer at that epoch.
 */
export interface EpochBreaks {
  sizeSquared: number;
  lossAtMost: number;
  lossAbove: number;
  lowest: number;
  riseFactor: number;
  riseFloor: number;
}

/** The parameters the last sample's trace is taken at (before its step). */
const traceParams = new Float64Array(PARAM_COUNT);

/** The loss pass's forward pass of each row (h1, h2, yPred): grown with the data, never per epoch. */
let lossPassForward = new Float64Array(3 * 64);

/**
 * Trains up to `epochs` whole epochs from an epoch boundary (the article's path, per-sample SGD) and
 * records them at `columns[at..]`; returns how many it recorded. When it stops at an epoch it could not
 * record, that epoch's loss is left at `columns.losses[at + recorded]` (the slot after the last record).
 * The columns must have room for `at + epochs` records.
 */
export function trainArticleEpochs(
  trainer: Trainer,
  epochs: number,
  columns: EpochColumns,
  at: number,
  breaks: EpochBreaks,
): number {
  const { set, order, params, rng } = trainer;
  const { inputs, targets, count } = set;
  const shuffled = trainer.sampleOrder === 'shuffled';
  const rate = trainer.learningRate;
  const { losses, accuracies, params: paramColumn } = columns;
  const { sizeSquared, lossAtMost, lossAbove, riseFactor, riseFloor } = breaks;
  let lowest = breaks.lowest;
  const last = count - 1;
  let w1 = params[0]!;
  let w2 = params[1]!;
  let w3 = params[2]!;
  let w4 = params[3]!;
  let w5 = params[4]!;
  let w6 = params[5]!;
  let b1 = params[6]!;
  let b2 = params[7]!;
  let b3 = params[8]!;
  let recorded = 0;
  let accuracy = Number.NaN;
  let trained = 0;
  if (lossPassForward.length < 3 * count) lossPassForward = new Float64Array(3 * count);
  const forwards = lossPassForward;
  /** Whether `forwards` holds the loss pass at the parameters the epoch starts from (not in a call's first). */
  let carried = false;
  while (trained < epochs) {
    if (shuffled) shuffleInPlace(order, count, rng);
    for (let cursor = 0; cursor < count; cursor++) {
      const sample = order[cursor]!;
      const x1 = inputs[2 * sample]!;
      const x2 = inputs[2 * sample + 1]!;
      const yTrue = targets[sample]!;
      if (cursor === last) {
        // Straight to memory: nine more locals kept live across the loop cost more than these stores.
        traceParams[0] = w1;
        traceParams[1] = w2;
        traceParams[2] = w3;
        traceParams[3] = w4;
        traceParams[4] = w5;
        traceParams[5] = w6;
        traceParams[6] = b1;
        traceParams[7] = b2;
        traceParams[8] = b3;
      }
      let h1: number;
      let h2: number;
      let yPred: number;
      if (cursor === 0 && carried) {
        h1 = forwards[3 * sample]!;
        h2 = forwards[3 * sample + 1]!;
        yPred = forwards[3 * sample + 2]!;
      } else {
        h1 = 1 / (1 + Math.exp(-(w1 * x1 + w2 * x2 + b1)));
        h2 = 1 / (1 + Math.exp(-(w3 * x1 + w4 * x2 + b2)));
        yPred = 1 / (1 + Math.exp(-(w5 * h1 + w6 * h2 + b3)));
      }
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
    // The epoch's loss and accuracy at its end, as currentLoss measures them.
    let sum = 0;
    let correct = 0;
    for (let i = 0; i < count; i++) {
      const x1 = inputs[2 * i]!;
      const x2 = inputs[2 * i + 1]!;
      const yTrue = targets[i]!;
      const h1 = 1 / (1 + Math.exp(-(w1 * x1 + w2 * x2 + b1)));
      const h2 = 1 / (1 + Math.exp(-(w3 * x1 + w4 * x2 + b2)));
      const yPred = 1 / (1 + Math.exp(-(w5 * h1 + w6 * h2 + b3)));
      const diff = yTrue - yPred;
      sum += diff * diff;
      if (yPred > 0.5 === (yTrue === 1)) correct += 1;
      forwards[3 * i] = h1;
      forwards[3 * i + 1] = h2;
      forwards[3 * i + 2] = yPred;
    }
    carried = true;
    const loss = sum / count;
    accuracy = correct / count;
    trained += 1;
    const slot = at + recorded;
    const squares = w1 * w1 + w2 * w2 + w3 * w3 + w4 * w4 + w5 * w5 + w6 * w6 + b1 * b1 + b2 * b2 + b3 * b3;
    losses[slot] = loss;
    // NaN and ±Infinity fail both tests (and so do squares that overflow).
    if (!(squares <= sizeSquared) || !Number.isFinite(loss)) break;
    accuracies[slot] = accuracy;
    const offset = slot * PARAM_COUNT;
    paramColumn[offset] = w1;
    paramColumn[offset + 1] = w2;
    paramColumn[offset + 2] = w3;
    paramColumn[offset + 3] = w4;
    paramColumn[offset + 4] = w5;
    paramColumn[offset + 5] = w6;
    paramColumn[offset + 6] = b1;
    paramColumn[offset + 7] = b2;
    paramColumn[offset + 8] = b3;
    recorded += 1;
    if (loss <= lossAtMost || loss > lossAbove) break;
    if (loss > riseFactor * lowest && loss > riseFloor) break;
    if (loss < lowest) lowest = loss;
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
  if (trained === 0) return 0;
  trainer.epoch += trained;
  trainer.cursor = 0;
  trainer.accuracy = accuracy;
  settleLastTrace(trainer);
  return recorded;
}

/** The trace trainSample leaves for the epoch's last sample: forwardInto and backwardInto at `traceParams`. */
function settleLastTrace(trainer: Trainer): void {
  const { set, order, trace } = trainer;
  const sample = order[set.count - 1]!;
  const x1 = set.inputs[2 * sample]!;
  const x2 = set.inputs[2 * sample + 1]!;
  forwardInto(traceParams, x1, x2, trainer.forward);
  backwardInto(traceParams, x1, x2, set.targets[sample]!, trainer.forward, trace.factors, trace.grad);
  trace.pending = false;
  trainer.lastSample = sample;
}

/**
 * trainEpoch's loop for a network of two or more hidden layers that steps by plain SGD after every
 * sample (no momentum, no penalty): the forward pass, then the backward pass with every parameter
 * stepped as soon as backpropagation has read it.
 *
 * Fused because a separate sweep over the parameters after each sample (sgd.ts) costs about a tenth of
 * the epoch of a 2-8-8-1 network. It changes no number: each weight is read for what it passes back
 * before its own step overwrites it, and each parameter moves by p − η × (the very product
 * netLayered.ts forms for its gradient), so every step is bit-equal to the gradient followed by
 * applySgdStep (tests/unit/layeredSgd.test.ts holds it to that).
 *
 * The plan and the activation codes are looked up once per epoch, the float64 scalars stay local to
 * this function (a float64 passed to a call V8 does not inline is boxed, an allocation per sample), and
 * the slopes carried back live in a scratch buffer: nothing is allocated per sample.
 */
import { isLayered, MAX_TOTAL_HIDDEN, planFor } from './layerShape';
import { featuresInto, hasPlainInputs, MAX_FEATURES } from './features';
import { activationCode, activationSlope, forwardFromInputs } from './netLayered';
import type { Trainer } from './trainer';
import { holdTrace } from './trainerStep';

const inputValues = new Float64Array(MAX_FEATURES);
/** dL/dh for every hidden neuron, numbered across the layers. */
const carried = new Float64Array(MAX_TOTAL_HIDDEN);

/** Whether trainEpoch takes this loop: two or more hidden layers, plain SGD, one step per sample. */
export function takesLayeredSgd(trainer: Trainer): boolean {
  return (
    trainer.samplesPerUpdate === 1 &&
    trainer.optimizer.settings.kind === 'sgd' &&
    trainer.momentum === 0 &&
    trainer.penalty === null &&
    isLayered(trainer.architecture)
  );
}

/**
 * The rest of the current epoch (already begun), as trainGenericEpochRest would train it. The last
 * sample's trace is left pending (trainerStep.ts's TraceBuffers): `forward` holds its values.
 */
export function trainLayeredSgdEpochRest(trainer: Trainer): void {
  const { set, order, params, architecture: net, forward, trace, learningRate: rate } = trainer;
  const { inputs, targets, count } = set;
  const plan = planFor(net);
  const { sizes, layers, weightStart, biasStart, nodeStart } = plan;
  const hiddenCode = activationCode(net.activation);
  const outputCode = activationCode(net.output);
  const linearOutput = net.output === 'linear';
  const bce = net.loss === 'bce';
  const features = net.features;
  const plainInputs = hasPlainInputs(features);
  const last = nodeStart[layers]!;
  const outWeights = weightStart[layers + 1]!;
  const outBias = biasStart[layers + 1]!;
  const ypredSlot = 2 * plan.totalHidden + 1;
  // The plan's sizes and starts as locals: read inside the loops, each would be a typed-array load.
  const lastSize = sizes[layers]!;
  const inputCount = sizes[0]!;
  const firstSize = sizes[1]!;
  const firstBiases = biasStart[1]!;

  for (let cursor = trainer.cursor; cursor < count; cursor++) {
    const sample = order[cursor]!;
    const x1 = inputs[2 * sample]!;
    const x2 = inputs[2 * sample + 1]!;
    const yTrue = targets[sample]!;
    if (plainInputs) {
      inputValues[0] = x1;
      inputValues[1] = x2;
    } else featuresInto(features, x1, x2, inputValues);
    forwardFromInputs(plan, hiddenCode, outputCode, params, inputValues, forward);
    if (cursor === count - 1) holdTrace(net, trace, params, x1, x2, yTrue);

    // The output neuron: what reaches each neuron of the last hidden layer, and the output weights' steps.
    const yPred = forward[ypredSlot]!;
    const slopeOut = linearOutput ? 1 : yPred * (1 - yPred);
    const lossSlope = bce ? yPred - yTrue : -2 * (yTrue - yPred);
    const pathSlope = bce ? 1 : slopeOut;
    for (let i = 0; i < lastSize; i++) {
      const p = outWeights + i;
      const weight = params[p]!;
      carried[last + i] = lossSlope * (weight * pathSlope);
      params[p] = weight - rate * (lossSlope * (forward[2 * (last + i) + 1]! * pathSlope));
    }
    params[outBias] = params[outBias]! - rate * (lossSlope * pathSlope);

    // Hidden layers L … 2: each weight passes back what reaches its neuron, then takes its step.
    for (let l = layers; l >= 2; l--) {
      const size = sizes[l]!;
      const fanIn = sizes[l - 1]!;
      const first = nodeStart[l]!;
      const before = nodeStart[l - 1]!;
      const weights = weightStart[l]!;
      const biases = biasStart[l]!;
      carried.fill(0, before, before + fanIn);
      for (let j = 0; j < size; j++) {
        const k = first + j;
        const slope = activationSlope(hiddenCode, forward[2 * k]!, forward[2 * k + 1]!);
        const back = carried[k]!;
        const w = weights + j * fanIn;
        for (let i = 0; i < fanIn; i++) {
          const weight = params[w + i]!;
          carried[before + i] = carried[before + i]! + back * (weight * slope);
          params[w + i] = weight - rate * (back * (forward[2 * (before + i) + 1]! * slope));
        }
        params[biases + j] = params[biases + j]! - rate * (back * slope);
      }
    }

    // Layer 1: its weights read the input values and pass nothing back.
    for (let j = 0; j < firstSize; j++) {
      const slope = activationSlope(hiddenCode, forward[2 * j]!, forward[2 * j + 1]!);
      const back = carried[j]!;
      const w = j * inputCount;
      for (let i = 0; i < inputCount; i++) {
        const weight = params[w + i]!;
        params[w + i] = weight - rate * (back * (inputValues[i]! * slope));
      }
      params[firstBiases + j] = params[firstBiases + j]! - rate * (back * slope);
    }
  }
  trainer.lastSample = order[count - 1]!;
  trainer.cursor = 0;
  trainer.epoch += 1;
}

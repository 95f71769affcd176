import { networkOf, predict, type Network } from './engine';
import type { Trainer } from './trainer';
import type { TrainingSet } from './trainingSet';

/**
 * A sigmoid output this close to 0 or 1 is saturated: its slope there, y(1 - y), is below 1 %, so the
 * error it passes back to every weight is a hundredth of what it could be.
 */
export const SATURATED_WITHIN = 0.01;

export interface OutputSaturation {
  /** The answer every training sample gets, 0 or 1, when they all sit at the same end; null when they differ. */
  readonly answer: 0 | 1 | null;
}

/**
 * Whether the output neuron is saturated for every training sample (a linear output never is). It runs
 * once, when a run's loss has stopped moving, to say why; not in the training loop.
 */
export function outputSaturation(net: Network, set: TrainingSet): OutputSaturation | null {
  if (net.architecture.output === 'linear' || set.count === 0) return null;
  let low = 0;
  let high = 0;
  for (let i = 0; i < set.count; i++) {
    const y = predict(net, set.inputs[2 * i]!, set.inputs[2 * i + 1]!);
    if (y <= SATURATED_WITHIN) low++;
    else if (y >= 1 - SATURATED_WITHIN) high++;
    else return null;
  }
  return { answer: high === 0 ? 0 : low === 0 ? 1 : null };
}

/** outputSaturation of a run as it trains now, over the samples it trains on. */
export function trainerSaturation(trainer: Trainer): OutputSaturation | null {
  const { architecture, params, set } = trainer;
  return outputSaturation(networkOf(architecture, params, set.scaling), set);
}

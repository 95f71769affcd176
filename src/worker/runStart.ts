import { ARTICLE_ARCHITECTURE, inputCount, paramCount } from '../core/architecture';
import { initialParams } from '../core/init';
import { createTrainer, type Trainer } from '../core/trainer';
import { buildTrainingSet } from '../core/trainingSet';
import { architectureFor } from '../core/outputLayer';
import { measureOf } from '../core/units';
import type { RunConfig } from './protocol';

/**
 * The trainer a config starts: its network at its initial weights, or at `resume`'s parameters and epoch
 * when they fit the network.
 */
export function startTrainer(config: RunConfig): Trainer {
  const set = buildTrainingSet(config.people, config.scaling, measureOf(config));
  const architecture = architectureFor(config.architecture ?? ARTICLE_ARCHITECTURE, set.targetKind);
  const { hidden } = architecture;
  const inputs = inputCount(architecture);
  const resume = config.resume?.params.length === paramCount(hidden, inputs) ? config.resume : null;
  const trainer = createTrainer({
    params: resume ? resume.params : initialParams(config.initialWeights, config.seed, hidden, inputs),
    set,
    sampleOrder: config.sampleOrder,
    seed: config.seed,
    learningRate: config.learningRate,
    architecture,
  });
  if (resume) trainer.epoch = resume.epoch;
  return trainer;
}

import { ARTICLE_ARCHITECTURE, inputCount } from '../core/architecture';
import { initialParams } from '../core/init';
import { hiddenSizes, networkParamCount } from '../core/layerShape';
import { createTrainer, type Trainer } from '../core/trainer';
import { splitTrainingSet } from '../core/split';
import { buildTrainingSet, type TrainingSet } from '../core/trainingSet';
import { architectureFor } from '../core/outputLayer';
import { measureOf } from '../core/units';
import type { RunConfig } from './protocol';

/** A table's training rows and test rows (null: none), as the worker's config or set-data says. */
export function splitSets(
  people: RunConfig['people'],
  config: Pick<RunConfig, 'scaling' | 'units' | 'dataLabels'>,
  testRows: Uint8Array | null | undefined,
): { train: TrainingSet; test: TrainingSet | null } {
  return splitTrainingSet(buildTrainingSet(people, config.scaling, measureOf(config)), testRows);
}

/**
 * The trainer a config starts: its network at its initial weights, or at `resume`'s parameters and epoch
 * when they fit the network. It trains on `set` (the config's training rows unless given).
 */
export function startTrainer(
  config: RunConfig,
  set: TrainingSet = splitSets(config.people, config, config.testRows).train,
): Trainer {
  const architecture = architectureFor(config.architecture ?? ARTICLE_ARCHITECTURE, set.targetKind);
  const sizes = hiddenSizes(architecture);
  const inputs = inputCount(architecture);
  const resume = config.resume?.params.length === networkParamCount(architecture) ? config.resume : null;
  const trainer = createTrainer({
    params: resume ? resume.params : initialParams(config.initialWeights, config.seed, sizes, inputs),
    set,
    sampleOrder: config.sampleOrder,
    seed: config.seed,
    learningRate: config.learningRate,
    architecture,
  });
  if (resume) trainer.epoch = resume.epoch;
  return trainer;
}

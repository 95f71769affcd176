import type { Person } from '../../core/dataset';
import { createRng, nextNormal, nextUniform } from '../../core/rng';
import {
  pause,
  play,
  reset,
  setArchitecture,
  setInitialWeights,
  setLearningRate,
  setSampleOrder,
  setScaling,
  setSeed,
  setSpeed,
  setStopAtEpoch,
} from '../../store/actions';
import { importDataset } from '../../store/dataActions';
import { setPlaneOption, setTrainingShare } from '../../store/split';

/** The run the overfitting step shows (tests/worker/testMetrics.test.ts holds it to overfitting). */
export const OVERFITTING_RUN = {
  people: 40,
  dataSeed: 1,
  labelNoise: 0.1,
  seed: 42,
  learningRate: 0.3,
  hidden: 8,
  trainingShare: 0.5,
  epochs: 400,
} as const;

/**
 * `count` people from two overlapping groups (women around 135 lb and 64 in, men around 165 lb and
 * 70 in; spreads of 15 lb and 3 in), each label flipped with probability `flip`: a small noisy set a
 * large network can memorize. Ids are fixed (`n0`, `n1`, ...), so the split of a seed is too.
 */
export function noisyPeople(count: number, seed: number, flip: number): Person[] {
  const rng = createRng(seed);
  return Array.from({ length: count }, (_, i) => {
    const female = i % 2 === 0;
    const weight = (female ? 135 : 165) + 15 * nextNormal(rng);
    const height = (female ? 64 : 70) + 3 * nextNormal(rng);
    const labelledFemale = nextUniform(rng) < flip ? !female : female;
    return {
      id: `n${i}`,
      name: `n${i}`,
      weight: weight.toFixed(1),
      height: height.toFixed(1),
      gender: labelledFemale ? 'F' : 'M',
    };
  });
}

/**
 * 40 noisy people, half held out, 8 tanh neurons at a high rate, trained for 400 epochs: the training
 * loss keeps falling while the test loss turns and rises.
 */
export function setUpOverfittingLab(): void {
  const run = OVERFITTING_RUN;
  pause();
  importDataset(noisyPeople(run.people, run.dataSeed, run.labelNoise), 'imperial', null);
  setTrainingShare(run.trainingShare);
  setPlaneOption('showTestData', true);
  setArchitecture({ hidden: run.hidden, activation: 'tanh', loss: 'mse', update: 'sample', momentum: 0 });
  setInitialWeights('random');
  setSeed(run.seed);
  setScaling('standardize');
  setSampleOrder('shuffled');
  setLearningRate(run.learningRate);
  reset();
  setSpeed(null);
  setStopAtEpoch(run.epochs);
  play();
}

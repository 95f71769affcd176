/**
 * The layered engine (Node, one process): a 2-8-8-1 network (two sigmoid hidden layers of 8, MSE, one
 * SGD step per sample, the article's four people, Article shift, rate 0.1, in order, the article's
 * random start from seed 42), `trainEpoch` on the engine bundle of bench/bundle.ts against the
 * hand-written two-layer loop of bench/plainDeepLoop.ts, in alternating rounds of the same epochs from
 * the same start. The target is >= 0.9x; the end parameters and the loss sums must be bit-equal (a
 * ratio between loops that compute different things would mean nothing). Nothing about speed is
 * asserted (see bench/README.md).
 */
import { expect, test } from 'vitest';
import type { Architecture } from '../src/core/architecture';
import { loadEngineBundle } from './bundle';
import { plainTrainDeep } from './plainDeepLoop';
import { count, fixed, median, saveResult, table } from './report';
import type { Variant } from './variants';

const ROUNDS = 9;
const ROUND_SECONDS = 0.5;
const WARMUP_SECONDS = 1.5;
const SEED = 42;
const RATE = 0.1;
const SIZES = [8, 8] as const;

const DEEP: Architecture = {
  hidden: SIZES[0],
  hiddenLayers: SIZES,
  activation: 'sigmoid',
  loss: 'mse',
  update: 'sample',
  batchSize: 4,
  momentum: 0,
  features: ['x1', 'x2'],
  regularization: 'none',
  regularizationRate: 0.001,
};

function cpuSeconds(): number {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1e6;
}

test('layered engine vs a hand-written loop for 2-8-8-1', async () => {
  const { bundle: core } = await loadEngineBundle();
  const set = core.buildTrainingSet(core.ARTICLE_PEOPLE, 'article');
  // The bundle's Core type predates layers: initialParams takes each layer's size too.
  const initialParams = (
    core as unknown as {
      initialParams: (
        kind: 'random',
        seed: number,
        hidden: readonly number[],
        inputs: number,
      ) => Float64Array;
    }
  ).initialParams;
  const start = initialParams('random', SEED, SIZES, 2);
  const engine: Variant = (epochs) => {
    const trainer = core.createTrainer({
      params: start,
      set,
      sampleOrder: 'in-order',
      seed: SEED,
      learningRate: RATE,
      architecture: DEEP,
    });
    const begin = performance.now();
    let loss = 0;
    for (let e = 0; e < epochs; e++) loss += core.trainEpoch(trainer);
    return { seconds: (performance.now() - begin) / 1000, params: Float64Array.from(trainer.params), loss };
  };
  const plain: Variant = (epochs) => {
    const params = Float64Array.from(start);
    const begin = performance.now();
    const loss = plainTrainDeep(params, set.inputs, set.targets, set.count, RATE, epochs, SIZES[0], SIZES[1]);
    return { seconds: (performance.now() - begin) / 1000, params, loss };
  };
  const rounds = core.alternate(
    { engine, plain },
    {
      rounds: ROUNDS,
      roundSeconds: ROUND_SECONDS,
      warmupSeconds: WARMUP_SECONDS,
      pace: 'engine',
      clock: cpuSeconds,
    },
  );
  const engineRate = median(rounds.rates.engine!);
  const plainRate = median(rounds.rates.plain!);
  const ratio = engineRate / plainRate;
  // The process's CPU time leaves out the time a shared machine gives to others.
  const cpuRatio = median(rounds.clockRates.engine!) / median(rounds.clockRates.plain!);
  const bitEqual = rounds.bitEqualToPace.plain! && rounds.lossEqualToPace.plain!;
  console.log(
    table(
      `Layered engine, 2-8-8-1 (Node ${process.version}; ${set.count} samples, per-sample SGD, ${ROUNDS} alternating rounds of ${count(rounds.epochsPerRound)} epochs, medians)`,
      [
        ['variant', 'epochs/s', 'vs plain', 'vs plain (CPU time)'],
        [
          'engine (trainEpoch, layered path, bundled)',
          count(engineRate),
          `${fixed(ratio, 3)}x`,
          `${fixed(cpuRatio, 3)}x`,
        ],
        ['plain two-layer loop (bench/plainDeepLoop.ts)', count(plainRate), '1.000x', '1.000x'],
      ],
    ),
  );
  console.log(
    `per round: ${rounds.rates.engine!.map((r, i) => fixed(r / rounds.rates.plain![i]!, 3)).join(', ')}; ` +
      `target >= 0.9x; bit-equal end params and loss sums: ${bitEqual ? 'yes' : 'NO'}`,
  );
  saveResult('layers', { engine: engineRate, plain: plainRate, ratio, cpuRatio, bitEqual });
  expect(bitEqual).toBe(true);
}, 120_000);

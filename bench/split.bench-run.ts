/**
 * Test-data bench (Node, one process): what recording the test rows' loss and accuracy every epoch
 * costs the worker. The worker's TrainingSession at full speed (bench/variants.ts `sessionVariant`), on a
 * 1,000-row table built here (women and men around the article's, a fixed pseudo-random order):
 *
 * full      share 100 %: 1,000 rows train, no test columns at all
 * inLoop    share 50 %: about 500 rows train, about 500 measured as test rows every epoch in the loop
 *           (the route without an evaluation worker: Step, or a browser that cannot start one)
 * offloaded share 50 %, playing as the app plays it: each epoch's test pass left to the evaluation
 *           worker (here one that answers at once): what test metrics still cost the training worker
 * trainOnly the split's training rows alone (the same rows, same order), no test rows
 * evaluator the evaluation worker's own work: every epoch's test pass over the held-out rows
 *
 * offloaded/trainOnly is the budget's ratio (test metrics cost at most 15 % of the worker's epochs/s);
 * evaluator/offloaded >= 1 says a second thread keeps up with the training. inLoop/trainOnly is what the
 * test pass costs in the loop itself. The rows are not compared bit for bit here (tests do that).
 * Rounds alternate after a warm-up; nothing is asserted about speed (see bench/README.md).
 */
import { expect, test } from 'vitest';
import type { Person } from '../src/core/dataset';
import type { RunConfig } from '../src/worker/protocol';
import { loadavg } from 'node:os';
import { ARTICLE_ARCHITECTURE } from '../src/core/architecture';
import { loadEngineBundle } from './bundle';
import { count, environment, fixed, median, saveResult, table } from './report';

const ROWS = 1000;
const ROUNDS = 7;

/** This process's CPU time: a shared machine's time slicing does not inflate it. */
function cpuSeconds(): number {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1e6;
}

/** 1,000 people around the article's, in a fixed pseudo-random order. */
function thousandPeople(): Person[] {
  let seed = 11;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  return Array.from({ length: ROWS }, (_, i) => {
    const female = random() < 0.5;
    const weight = Math.round((female ? 125 : 165) + 30 * (random() - 0.5));
    const height = Math.round((female ? 64 : 70) + 8 * (random() - 0.5));
    return {
      id: `b${i}`,
      name: `P${i}`,
      weight: String(weight),
      height: String(height),
      gender: female ? 'F' : 'M',
    };
  });
}

test('recording test metrics: a 50 % split against 100 %, and against its training rows alone', async () => {
  const { bundle: core } = await loadEngineBundle();
  const people = thousandPeople();
  const base: RunConfig = {
    people,
    scaling: 'standardize',
    initialWeights: 'random',
    seed: 42,
    sampleOrder: 'in-order',
    learningRate: 0.1,
  };
  const testRows = core.testMaskOf(people, core.checkTable(people), base.seed, 0.5)!;
  const trainRows = people.filter((_, i) => testRows[i] === 0);
  const held = ROWS - trainRows.length;
  const heldOut = core.buildTrainingSet(
    people.filter((_, i) => testRows[i] === 1),
    'standardize',
  );
  const start = core.initialParams('random', base.seed);
  const rounds = core.alternate(
    {
      full: core.sessionVariant(core, base),
      inLoop: core.sessionVariant(core, { ...base, testRows }),
      offloaded: core.sessionVariant(core, { ...base, testRows }, true),
      trainOnly: core.sessionVariant(core, { ...base, people: trainRows }),
      evaluator: core.evaluatorVariant(core, heldOut, ARTICLE_ARCHITECTURE, start),
    },
    { rounds: ROUNDS, roundSeconds: 0.5, warmupSeconds: 1.5, pace: 'offloaded', clock: cpuSeconds },
  );
  const rate = (name: string) => median(rounds.rates[name]!);
  const cpuRate = (name: string) => median(rounds.clockRates[name]!);
  const full = rate('full');
  const inLoop = rate('inLoop');
  const offloaded = rate('offloaded');
  const trainOnly = rate('trainOnly');
  const evaluator = rate('evaluator');
  const row = (label: string, name: string, value: number) => [
    label,
    count(value),
    count(cpuRate(name)),
    `${fixed(value / full)}x`,
    `${fixed(value / trainOnly)}x`,
    `${fixed(cpuRate(name) / cpuRate('trainOnly'))}x`,
  ];
  const title =
    `Test metrics (session, ${count(ROWS)} rows; ${count(held)} held out at 50 %; ` +
    `${ROUNDS} alternating rounds, medians; load average ${fixed(loadavg()[0]!, 1)})`;
  console.log(
    table(title, [
      ['variant', 'epochs/s', 'by CPU time', 'vs full', 'vs trainOnly', 'vs trainOnly (CPU)'],
      row('full (100 %)', 'full', full),
      row('inLoop (50 %, test pass in the loop)', 'inLoop', inLoop),
      row('offloaded (50 %, test pass on the evaluation worker)', 'offloaded', offloaded),
      row('trainOnly (the 50 % training rows, no test)', 'trainOnly', trainOnly),
      row('evaluator (the test pass alone, its own thread)', 'evaluator', evaluator),
    ]),
  );
  console.log(
    `test metrics cost the training worker ${fixed(100 * (1 - offloaded / trainOnly), 1)} % of its epochs/s ` +
      `(${fixed(100 * (1 - cpuRate('offloaded') / cpuRate('trainOnly')), 1)} % by CPU time; budget <= 15 %); ` +
      `in the loop they cost ${fixed(100 * (1 - inLoop / trainOnly), 1)} %. ` +
      `The evaluation worker measures ${fixed(evaluator / offloaded)}x the epochs the training worker trains ` +
      '(>= 1: it keeps up on a second core).',
  );
  saveResult('split', {
    environment: environment(),
    rows: ROWS,
    heldOut: held,
    epochsPerRound: rounds.epochsPerRound,
    epochsPerSecond: { full, inLoop, offloaded, trainOnly, evaluator },
    ratios: {
      offloadedVsTrainOnly: offloaded / trainOnly,
      inLoopVsTrainOnly: inLoop / trainOnly,
      evaluatorVsOffloaded: evaluator / offloaded,
    },
  });
  expect(offloaded).toBeGreaterThan(0);
}, 900_000);

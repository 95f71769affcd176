/**
 * Test-data bench (Node, one process): what recording the test rows' loss and accuracy every epoch
 * costs the worker. The worker's TrainingSession at full speed (bench/variants.ts `sessionVariant`), on a
 * 1,000-row table built here (women and men around the article's, a fixed pseudo-random order):
 *
 * full      share 100 %: 1,000 rows train, no test columns at all
 * split     share 50 %: about 500 rows train, about 500 are measured as test rows every epoch
 * trainOnly the split's training rows alone (the same rows, same order), no test rows
 *
 * split/full is the comparison the issue names (a 50 % split against the same table at 100 %); an epoch
 * of the split trains on half the rows, so it is faster despite the test pass. split/trainOnly is the
 * test pass's own cost: the same training, with and without measuring the held-out rows.
 * Rounds alternate after a warm-up; nothing is asserted about speed (see bench/README.md).
 */
import { expect, test } from 'vitest';
import type { Person } from '../src/core/dataset';
import type { RunConfig } from '../src/worker/protocol';
import { loadEngineBundle } from './bundle';
import { count, environment, fixed, median, saveResult, table } from './report';

const ROWS = 1000;
const ROUNDS = 7;

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
  const rounds = core.alternate(
    {
      full: core.sessionVariant(core, base),
      split: core.sessionVariant(core, { ...base, testRows }),
      trainOnly: core.sessionVariant(core, { ...base, people: trainRows }),
    },
    { rounds: ROUNDS, roundSeconds: 0.5, warmupSeconds: 1.5, pace: 'split' },
  );
  const full = median(rounds.rates.full!);
  const split = median(rounds.rates.split!);
  const trainOnly = median(rounds.rates.trainOnly!);
  // The split and its training rows alone train the same rows in the same order: only the scaling
  // differs (the split scales by the whole table), so the parameters are not compared bit for bit.
  console.log(
    table(`Test metrics (session, ${count(ROWS)} rows; ${count(held)} held out at 50 %), epochs/s`, [
      ['variant', 'epochs/s', 'vs full', 'vs trainOnly'],
      ['full (100 %)', count(full), '1.00x', ''],
      ['split (50 %)', count(split), `${fixed(split / full)}x`, `${fixed(split / trainOnly)}x`],
      [
        'trainOnly (the 50 % training rows, no test)',
        count(trainOnly),
        `${fixed(trainOnly / full)}x`,
        '1.00x',
      ],
    ]),
  );
  saveResult('split', {
    environment: environment(),
    rows: ROWS,
    heldOut: held,
    epochsPerRound: rounds.epochsPerRound,
    epochsPerSecond: { full, split, trainOnly },
    ratios: { splitVsFull: split / full, splitVsTrainOnly: split / trainOnly },
  });
  expect(split).toBeGreaterThan(0);
}, 300_000);

/**
 * Example data: generating 100,000 points of each set, target under 200 ms. Two rows per set: the
 * generator alone (Float64Arrays), and the whole table the Example data select puts in the lab (rows with
 * their text cells and ids). Runs in Node under Vitest's transform, which slows cross-module calls (see
 * bench/README.md), so these are upper bounds of what the page spends. Medians of 7 rounds after a warm-up.
 */
import { expect, test } from 'vitest';
import { EXAMPLE_SETS } from '../src/core/datasets/registry';
import { exampleTable } from '../src/core/datasets/table';
import { MAX_POINTS } from '../src/core/datasets/types';
import { fixed, median, saveResult, table } from './report';

const ROUNDS = 7;
const TARGET_MS = 200;

function timed(run: () => unknown): number[] {
  run(); // warm-up
  const times: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const start = performance.now();
    run();
    times.push(performance.now() - start);
  }
  return times;
}

test('generating 100,000 points of each example set', () => {
  const rows: string[][] = [['set', 'generator ms', 'table ms', `under ${TARGET_MS} ms`]];
  const results: Record<string, { generatorMs: number; tableMs: number }> = {};
  for (const set of EXAMPLE_SETS) {
    const recipe = { kind: set.id, points: MAX_POINTS, noise: 0.2, seed: 7 };
    const generatorMs = median(timed(() => set.generate(recipe)));
    const tableMs = median(timed(() => exampleTable(set, recipe, 'imperial')));
    expect(exampleTable(set, recipe, 'imperial').people).toHaveLength(MAX_POINTS);
    results[set.id] = { generatorMs, tableMs };
    rows.push([set.label, fixed(generatorMs, 1), fixed(tableMs, 1), tableMs < TARGET_MS ? 'yes' : 'no']);
  }
  console.log(`\n${table('Example data: 100,000 points (median of 7)', rows)}\n`);
  saveResult('exampleData', results);
});

/**
 * Example data: generating 100,000 points of each set, target under 200 ms. Two rows per set: the
 * generator alone (Float64Arrays), and the whole table the Example data select puts in the lab (rows with
 * their text cells and ids). Runs in Node on the bundle of bench/bundle.ts (src/core as the app ships it,
 * not Vitest's transform). Medians of 7 rounds after a warm-up.
 */
import { loadavg } from 'node:os';
import { expect, test } from 'vitest';
import { MAX_POINTS } from '../src/core/datasets/types';
import { loadEngineBundle } from './bundle';
import { fixed, median, saveResult, table } from './report';

const ROUNDS = 7;
const TARGET_MS = 200;

/**
 * Wall-clock and CPU milliseconds per round. On a loaded 2-core machine the wall clock also counts the
 * time other processes held the core; the process's CPU time (user + system) leaves that out.
 */
function timed(run: () => unknown): { wall: number; cpu: number } {
  run(); // warm-up
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const cpuStart = process.cpuUsage();
    const start = performance.now();
    run();
    wall.push(performance.now() - start);
    const used = process.cpuUsage(cpuStart);
    cpu.push((used.user + used.system) / 1000);
  }
  return { wall: median(wall), cpu: median(cpu) };
}

test('generating 100,000 points of each example set', async () => {
  const { EXAMPLE_SETS, exampleTable } = (await loadEngineBundle()).bundle;
  const rows: string[][] = [
    ['set', 'generator ms', 'generator CPU ms', 'table ms', 'table CPU ms', `under ${TARGET_MS} ms`],
  ];
  const results: Record<string, { generator: object; table: object }> = {};
  for (const set of EXAMPLE_SETS) {
    const recipe = { kind: set.id, points: MAX_POINTS, noise: 0.2, seed: 7 };
    const generator = timed(() => set.generate(recipe));
    const made = timed(() => exampleTable(set, recipe, 'imperial'));
    expect(exampleTable(set, recipe, 'imperial').people).toHaveLength(MAX_POINTS);
    results[set.id] = { generator, table: made };
    rows.push([
      set.label,
      fixed(generator.wall, 1),
      fixed(generator.cpu, 1),
      fixed(made.wall, 1),
      fixed(made.cpu, 1),
      made.wall < TARGET_MS ? 'yes' : made.cpu < TARGET_MS ? 'by CPU time' : 'no',
    ]);
  }
  // A quiet machine is one whose load average stays under its core count: above it, read the CPU columns.
  const load = loadavg()[0]!;
  console.log(
    `\n${table(`Example data: 100,000 points (median of 7; load average ${fixed(load, 1)})`, rows)}\n`,
  );
  saveResult('exampleData', { ...results, loadAverage: load });
});

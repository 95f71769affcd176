/**
 * History thinning bench: the app's history (2**16 records, the article's 9 parameters and a 4 x 8
 * network's 249) fed a long run in frame-sized batches, as the page does at full speed. It reports the
 * longest append that thinned (a frame whose batch filled the history) and the records thinning
 * moved. "Unbroken run" is the app's case: a power-of-two cap halves by rotating slot numbers, moving
 * nothing. "In place" is the same run with the cap one record short of that, which takes the in-place
 * compaction the app used before (every kept record moved, in one append). Rounds alternate; medians.
 * Node, main thread only; nothing is asserted about speed.
 */
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { expect, test } from 'vitest';
import { TrainingHistory } from '../src/store/history';
import { HISTORY_CAP } from '../src/store/runHistory';
import { count, fixed, median, saveResult, table } from './report';

const ROUNDS = 5;
const FRAMES = 300;

interface RunFigures {
  longestAppendMs: number;
  recordsMoved: number;
}

function run(cap: number, params: number): RunFigures {
  const history = new TrainingHistory({ cap, paramsPerRecord: params });
  const most = 2000;
  const losses = new Float64Array(most).fill(0.25);
  const values = new Float64Array(most * params).fill(0.5);
  const accuracies = new Float64Array(most).fill(1);
  let epoch = 0;
  let longest = 0;
  for (let frame = 0; frame < FRAMES; frame++) {
    const size = 500 + ((frame * 7919) % 1500); // about a frame's epochs at full speed
    const stride = history.stride;
    const start = performance.now();
    history.appendBatch(epoch, size, losses, values, accuracies);
    const took = performance.now() - start;
    if (history.stride !== stride) longest = Math.max(longest, took);
    epoch += size;
  }
  expect(history.lastEpoch()).toBe(epoch - 1);
  return { longestAppendMs: longest, recordsMoved: history.recordsMoved };
}

test('history thinning: the longest append and the records moved, rotated against in place', () => {
  const rows: string[][] = [
    ['network', 'layout', 'longest thinning append (ms)', 'records moved', 'in place / rotated'],
  ];
  const results: Record<string, object> = {};
  for (const [name, params] of [
    ['2-2-1 (9 parameters)', 9],
    ['4 x 8 (249 parameters)', 249],
  ] as const) {
    const rotated: RunFigures[] = [];
    const inPlace: RunFigures[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      rotated.push(run(HISTORY_CAP, params));
      inPlace.push(run(HISTORY_CAP - 1, params));
    }
    const summary = (figures: RunFigures[]) => ({
      longestAppendMs: median(figures.map((f) => f.longestAppendMs)),
      recordsMoved: median(figures.map((f) => f.recordsMoved)),
    });
    const a = summary(rotated);
    const b = summary(inPlace);
    results[name] = { unbrokenRun: a, inPlace: b };
    rows.push([name, 'unbroken run (rotated)', fixed(a.longestAppendMs, 2), count(a.recordsMoved), '']);
    rows.push([
      name,
      'in place (cap - 1)',
      fixed(b.longestAppendMs, 2),
      count(b.recordsMoved),
      `${fixed(b.longestAppendMs / a.longestAppendMs, 1)} x`,
    ]);
  }
  const load = loadavg()[0]!;
  console.log(
    `\n${table(`History thinning: ${FRAMES} frame batches, median of ${ROUNDS} (load average ${fixed(load, 1)})`, rows)}\n`,
  );
  saveResult('historyThinning', { ...results, loadAverage: load });
});

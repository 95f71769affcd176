/**
 * The wider network in Chromium: 8 sigmoid hidden neurons with mini-batches of 2 (bench/variants.ts
 * WIDE_ARCHITECTURE), `trainEpoch` on the engine's generic path against bench/plainLoop.ts
 * `plainTrainBatched`, in alternating rounds inside one module worker of a headless Chromium page, the way
 * the app's worker runs the engine; then the article's 2-2-1 engine against `plainTrain` in the same
 * worker, for reference. The engine is the bundle of bench/bundle.ts (what the app ships, not Vitest's
 * transform). The page is an empty one Playwright serves itself: no app, no `vite build` needed.
 *
 * Each run is timed twice: by the wall clock inside the worker, and by the worker thread's own CPU time,
 * read from /proc before and after (bench/threads.ts). On a shared machine the thread gets a fraction of a
 * core that changes from second to second, which scatters wall-clock ratios by ±50 %; its CPU time leaves
 * that out. Nothing is asserted about speed (see bench/README.md); the end parameters must be bit-equal.
 */
import { readFileSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../scripts/chromium';
import { buildEngineBundle } from './bundle';
import { bitEqual, count, fixed, median, saveResult, table } from './report';
import { cpuSnapshot, cpuTimesAvailable, type CpuSnapshot } from './threads';
import type { RunResult } from './variants';

const ROUNDS = 9;
/** Each run: about this much of the worker thread's CPU time (/proc counts it in 10 ms ticks). */
const ROUND_CPU_SECONDS = 0.6;
const WARMUP_EPOCHS = { wide: 150_000, article: 500_000 };
const PAGE_URL = 'http://bench.invalid/';
const NETWORKS = ['wide', 'article'] as const;

/** Starts the worker: it imports the bundle and answers `run` messages with a RunResult. */
async function startWorker(page: Page, bundle: string): Promise<void> {
  await page.evaluate(
    (source) =>
      new Promise<void>((ready, fail) => {
        const bundleUrl = URL.createObjectURL(new Blob([source], { type: 'text/javascript' }));
        const driver = [
          `import * as core from ${JSON.stringify(bundleUrl)};`,
          'const variants = core.wideWorkerVariants(core);',
          'self.onmessage = ({ data }) => {',
          '  try { self.postMessage({ ok: true, result: variants[data.name](data.epochs) }); }',
          '  catch (error) { self.postMessage({ ok: false, error: String((error && error.stack) || error) }); }',
          '};',
          'self.postMessage({ ok: true, result: null });',
        ].join('\n');
        const worker = new Worker(URL.createObjectURL(new Blob([driver], { type: 'text/javascript' })), {
          type: 'module',
          name: 'wide-bench',
        });
        const bench = self as unknown as { benchWorker: Worker };
        bench.benchWorker = worker;
        worker.onmessage = () => ready();
        worker.onerror = (event) => fail(new Error(event.message || 'the bench worker failed to load'));
      }),
    bundle,
  );
}

function runInWorker(page: Page, name: string, epochs: number): Promise<RunResult> {
  return page.evaluate(
    ({ name: variant, epochs: n }) =>
      new Promise<RunResult>((done, fail) => {
        const worker = (self as unknown as { benchWorker: Worker }).benchWorker;
        worker.onmessage = ({ data }: MessageEvent<{ ok: boolean; result: RunResult; error: string }>) => {
          if (data.ok) done(data.result);
          else fail(new Error(data.error));
        };
        worker.postMessage({ name: variant, epochs: n });
      }),
    { name, epochs },
  );
}

/** CPU seconds the busiest DedicatedWorker thread used between two snapshots (the bench worker's). */
function workerCpuSeconds(from: CpuSnapshot | null, to: CpuSnapshot | null): number {
  if (!from || !to) return Number.NaN;
  const before = new Map(from.threads.map((t) => [t.tid, t.seconds]));
  let most = Number.NaN;
  for (const thread of to.threads) {
    if (!thread.name.startsWith('DedicatedWorker')) continue;
    const used = thread.seconds - (before.get(thread.tid) ?? thread.seconds);
    if (!(used <= most)) most = used;
  }
  return most;
}

interface Timed {
  wall: number[];
  cpu: number[];
  params: Float64Array | null;
  loss: number;
  bitEqual: boolean;
}

test('wide network: engine vs plain loop in a Chromium worker', async () => {
  const source = readFileSync((await buildEngineBundle()).file, 'utf8');
  let browser: Browser | null = null;
  try {
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
    const page = await browser.newPage();
    await page.route(PAGE_URL, (route) =>
      route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>wide bench</title>' }),
    );
    await page.goto(PAGE_URL);
    await startWorker(page, source);

    const timed: Record<string, Timed> = {};
    const epochs: Record<string, number> = {};
    for (const network of NETWORKS) {
      for (const side of ['Engine', 'Plain']) {
        timed[network + side] = { wall: [], cpu: [], params: null, loss: 0, bitEqual: true };
        await runInWorker(page, network + side, WARMUP_EPOCHS[network]); // warm-up
      }
      const before = cpuSnapshot();
      const probe = await runInWorker(page, `${network}Engine`, WARMUP_EPOCHS[network]);
      const seconds = cpuTimesAvailable ? workerCpuSeconds(before, cpuSnapshot()) : probe.seconds;
      epochs[network] = Math.max(20_000, Math.round((WARMUP_EPOCHS[network] / seconds) * ROUND_CPU_SECONDS));
    }
    for (let round = 0; round < ROUNDS; round++) {
      for (const network of NETWORKS) {
        for (const side of ['Engine', 'Plain']) {
          const name = network + side;
          const before = cpuSnapshot();
          const result = await runInWorker(page, name, epochs[network]!);
          const cpu = workerCpuSeconds(before, cpuSnapshot());
          const entry = timed[name]!;
          entry.wall.push(epochs[network]! / result.seconds);
          entry.cpu.push(epochs[network]! / cpu);
          entry.params = result.params;
          entry.loss = result.loss;
        }
        const engine = timed[`${network}Engine`]!;
        const plain = timed[`${network}Plain`]!;
        engine.bitEqual &&= bitEqual(engine.params!, plain.params!) && Object.is(engine.loss, plain.loss);
      }
    }
    await page.evaluate(() => (self as unknown as { benchWorker: Worker }).benchWorker.terminate());

    const rows = NETWORKS.map((network) => {
      const engine = timed[`${network}Engine`]!;
      const plain = timed[`${network}Plain`]!;
      const wallRatios = engine.wall.map((rate, i) => rate / plain.wall[i]!);
      const cpuRatios = engine.cpu.map((rate, i) => rate / plain.cpu[i]!);
      return {
        network,
        epochsPerRound: epochs[network]!,
        engineCpu: median(engine.cpu),
        plainCpu: median(plain.cpu),
        ratioByCpu: median(cpuRatios),
        ratioByWall: median(wallRatios),
        cpuRatios,
        wallRatios,
        bitEqual: engine.bitEqual,
      };
    });
    const version = browser.version();
    console.log(
      table(
        `Chromium ${version}, one module worker; 4 samples, Article shift, rate 0.1, in order, random seed 42; ` +
          `${ROUNDS} alternating rounds; epochs/s by the worker thread's CPU time; medians`,
        [
          [
            'network',
            'engine epochs/s',
            'plain epochs/s',
            'ns/sample',
            'engine/plain CPU',
            'wall',
            'bit-equal',
          ],
          ...rows.map((row) => [
            row.network === 'wide' ? '2-8-1 sigmoid, mini-batches of 2' : '2-2-1 article, per sample',
            count(row.engineCpu),
            count(row.plainCpu),
            fixed(1e9 / (row.engineCpu * 4), 1),
            `${fixed(row.ratioByCpu, 3)}x`,
            `${fixed(row.ratioByWall, 3)}x`,
            row.bitEqual ? 'yes' : 'NO',
          ]),
        ],
      ),
    );
    for (const row of rows) {
      console.log(
        `${row.network} engine/plain per round, by CPU time: ${row.cpuRatios.map((r) => fixed(r, 3)).join(' ')}\n` +
          `${' '.repeat(row.network.length)} engine/plain per round, by wall clock: ${row.wallRatios.map((r) => fixed(r, 3)).join(' ')}`,
      );
    }
    if (!cpuTimesAvailable)
      console.log('No /proc here: the CPU-time columns are NaN; read the wall clock ones.');
    saveResult('wideBrowser', { chromium: version, rounds: ROUNDS, rows });
    expect(rows.every((row) => row.bitEqual)).toBe(true);
  } finally {
    await browser?.close();
  }
});

/**
 * The worker ratio in alternating pairs (system Chromium against `vite preview` of dist/, 1440×900): the
 * app at "As fast as possible" for PAIR_MS, then Pause and the plain loop (bench/plainLoop.ts) in a Blob
 * worker of the same page for PAIR_MS, PAIRS times. Each pair's ratio is app / plain, measured seconds
 * apart; the row is their median.
 *
 * Why pairs: on a shared 2-core virtual machine the same loop in the same process runs at 1.7 to 3.4
 * million steps a second from one few-second stretch to the next (the host's other guests). The browser
 * bench's ratio sets 5 s of the app between a plain run before and one after, so a drift between them
 * moves it by 0.2 or more; pairs a few seconds apart drift together. Each pair also reads the threads'
 * CPU time (/proc), so the row by CPU time leaves out the time the worker waited for a core.
 *
 * Needs `vite build` first (npm run bench does it). Nothing is asserted about speed.
 */
import { existsSync } from 'node:fs';
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { expect, test } from 'vitest';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../scripts/chromium';
import { ARTICLE_PEOPLE } from '../src/core/dataset';
import { initialParams } from '../src/core/init';
import { buildTrainingSet } from '../src/core/trainingSet';
import { APP_URL, findTrainingWorker, sleep, startPreview, stopServer } from './browserPage';
import { PAGE_PROBE, type WorkerFrame } from './browserProbe';
import { plainTrain } from './plainLoop';
import { fixed, median, ROOT_DIR, saveResult, table } from './report';
import { cpuShares, cpuSnapshot } from './threads';

const PAIRS = 8;
const PAIR_MS = 1500;
/** After Play, before the app's part of a pair is measured: the worker's first calls are short. */
const SETTLE_MS = 700;
/** The plain worker's own warm-up in each pair, inside its timed call but before its measured part. */
const PLAIN_WARMUP_MS = 200;

/** A Blob worker that trains plainTrain for the asked milliseconds and answers its epochs per second. */
const PLAIN_SOURCE = `${plainTrain.toString()}
let set = null;
let params = null;
self.onmessage = (event) => {
  if (event.data.set) {
    set = event.data.set;
    params = Float64Array.from(set.start);
    return;
  }
  const chunk = 20000;
  const warm = performance.now() + event.data.warmupMs;
  while (performance.now() < warm) plainTrain(params, set.inputs, set.targets, set.count, 0.1, chunk);
  let epochs = 0;
  const begin = performance.now();
  let now = begin;
  while (now - begin < event.data.ms) {
    plainTrain(params, set.inputs, set.targets, set.count, 0.1, chunk);
    epochs += chunk;
    now = performance.now();
  }
  self.postMessage((epochs * 1000) / (now - begin));
};`;

interface Pair {
  app: number;
  plain: number;
  appWorkerCpu: number;
  plainWorkerCpu: number;
  main: number;
  chromiumCores: number;
  /** The share of the machine the host gave to other guests while the app trained. */
  steal: number;
}

test('app worker vs plain worker, in alternating pairs', async () => {
  if (!existsSync(resolve(ROOT_DIR, 'dist/index.html'))) {
    throw new Error('dist/ is missing: run `npx vite build` first (npm run bench does).');
  }
  const server = await startPreview(ROOT_DIR);
  let browser: Browser | null = null;
  try {
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
    // bypassCSP: the app's policy forbids blob: workers, and the plain loop and frame probe are ones
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, bypassCSP: true });
    await page.addInitScript(PAGE_PROBE);
    await page.goto(APP_URL);
    await page.getByRole('button', { name: 'Play', exact: true }).waitFor();
    const training = await findTrainingWorker(page);
    const set = buildTrainingSet(ARTICLE_PEOPLE, 'article');
    await page.evaluate(
      ({ source, data }) => {
        const url = URL.createObjectURL(new Blob([source], { type: 'text/javascript' }));
        const worker = new Worker(url, { name: 'plain-pairs' });
        worker.postMessage({ set: data });
        (window as unknown as { __plain: unknown }).__plain = (ms: number, warmupMs: number) =>
          new Promise<number>((answer) => {
            worker.onmessage = (event: MessageEvent<number>) => answer(event.data);
            worker.postMessage({ ms, warmupMs });
          });
      },
      {
        source: PLAIN_SOURCE,
        data: {
          inputs: set.inputs,
          targets: set.targets,
          count: set.count,
          start: initialParams('random', 42),
        },
      },
    );
    const speed = page.getByRole('slider', { name: 'Speed' });
    await speed.focus();
    await speed.press('End');
    const lastFrame = () => training.evaluate<WorkerFrame>('self.__bench.frames.at(-1)');

    const pairs: Pair[] = [];
    for (let k = 0; k < PAIRS; k++) {
      await page.getByRole('button', { name: 'Play', exact: true }).click();
      await sleep(SETTLE_MS);
      const first = await lastFrame();
      const appFrom = cpuSnapshot();
      await sleep(PAIR_MS);
      const appShares = cpuShares(appFrom, cpuSnapshot());
      const last = await lastFrame();
      await page.getByRole('button', { name: 'Pause', exact: true }).click();
      await sleep(300);
      const plainRun = page.evaluate<number>(`window.__plain(${PAIR_MS}, ${PLAIN_WARMUP_MS})`);
      await sleep(PLAIN_WARMUP_MS + 200);
      const plainFrom = cpuSnapshot();
      await sleep(PAIR_MS - 400);
      const plainShares = cpuShares(plainFrom, cpuSnapshot());
      pairs.push({
        app: ((last[1] - first[1]) * 1000) / (last[0] - first[0]),
        plain: await plainRun,
        appWorkerCpu: appShares?.workers[0] ?? Number.NaN,
        plainWorkerCpu: plainShares?.workers[0] ?? Number.NaN,
        main: appShares?.rendererMain ?? Number.NaN,
        chromiumCores: appShares?.chromiumCores ?? Number.NaN,
        steal: appShares?.machineSteal ?? Number.NaN,
      });
    }

    const byWall = pairs.map((p) => p.app / p.plain);
    const byCpu = pairs.map((p) => p.app / p.appWorkerCpu / (p.plain / p.plainWorkerCpu));
    const list = (values: number[]) => values.map((v) => fixed(v, 2)).join(' ');
    /** A row of one thread's CPU share: its median, then each pair's. */
    const share = (label: string, of: (pair: Pair) => number) => {
      const values = pairs.map(of);
      return [label, fixed(median(values), 2), list(values)];
    };
    console.log(
      `\n${table(
        `The app's worker / the plain loop, ${PAIRS} alternating pairs of ${PAIR_MS / 1000} s (budget: >= 0.9x)`,
        [
          ['measure', 'median', 'per pair'],
          ['RATIO by wall clock', `${fixed(median(byWall), 3)}x`, list(byWall)],
          ['ratio by worker CPU time', `${fixed(median(byCpu), 3)}x`, list(byCpu)],
          share('app worker thread, share of a core', (p) => p.appWorkerCpu),
          share('plain worker thread, share of a core', (p) => p.plainWorkerCpu),
          share('page main thread while the app trains', (p) => p.main),
          share('Chromium, cores, while the app trains', (p) => p.chromiumCores),
          share('machine time stolen by the host meanwhile', (p) => p.steal),
        ],
      )}\nload average ${loadavg()
        .map((load) => fixed(load, 1))
        .join(' ')}\n`,
    );
    saveResult('ratioPairs', { pairMs: PAIR_MS, pairs, byWall: median(byWall), byCpu: median(byCpu) });
    expect(pairs.every((p) => p.app > 0 && p.plain > 0)).toBe(true);
  } finally {
    await browser?.close();
    await stopServer(server);
  }
}, 300_000);

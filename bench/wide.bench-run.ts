/**
 * The wider network in Chromium: 8 sigmoid hidden neurons with mini-batches of 2 (bench/variants.ts
 * WIDE_ARCHITECTURE), `trainEpoch` on the engine's generic path against bench/plainLoop.ts
 * `plainTrainBatched`, in alternating rounds inside one module worker of a headless Chromium page, the
 * way the app's worker runs the engine. Then the article's 2-2-1 engine against `plainTrain` in the same
 * worker, for reference. The engine is the bundle of bench/bundle.ts (what the app ships, not Vitest's
 * transform). The page is an empty one served by Playwright itself: no app, no `vite build` needed.
 *
 * Nothing is asserted about speed (see bench/README.md). The per-thread CPU share (bench/threads.ts) says
 * whether the worker had a core to itself: on a shared machine a ratio is only as good as that share.
 */
import { readFileSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import { expect, test } from 'vitest';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../scripts/chromium';
import { buildEngineBundle } from './bundle';
import { count, fixed, median, saveResult, table } from './report';
import { cpuShares, cpuSnapshot } from './threads';
import type { RoundsOptions, RoundsResult } from './variants';

const ROUNDS: RoundsOptions = { rounds: 9, roundSeconds: 0.4, warmupSeconds: 1.5, pace: 'engine' };
const PAGE_URL = 'http://bench.invalid/';

interface WorkerResult {
  wide: RoundsResult;
  article: RoundsResult;
}

function summarize(name: string, result: RoundsResult) {
  const engine = result.rates.engine!;
  const plain = result.rates.plain!;
  const ratios = engine.map((rate, i) => rate / plain[i]!);
  return {
    name,
    engine: median(engine),
    plain: median(plain),
    ratio: median(ratios),
    ratios,
    epochsPerRound: result.epochsPerRound,
    bitEqual: result.bitEqualToPace.plain! && result.lossEqualToPace.plain!,
  };
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
    const version = browser.version();
    const before = cpuSnapshot();
    const result = await page.evaluate(
      ({ bundle, options }) =>
        new Promise<WorkerResult>((resolveResult, reject) => {
          const bundleUrl = URL.createObjectURL(new Blob([bundle], { type: 'text/javascript' }));
          const driver = [
            `import * as core from ${JSON.stringify(bundleUrl)};`,
            'self.onmessage = (event) => {',
            '  try { self.postMessage({ ok: true, result: core.workerWideRounds(core, event.data) }); }',
            '  catch (error) { self.postMessage({ ok: false, error: String((error && error.stack) || error) }); }',
            '};',
          ].join('\n');
          const driverUrl = URL.createObjectURL(new Blob([driver], { type: 'text/javascript' }));
          const worker = new Worker(driverUrl, { type: 'module', name: 'wide-bench' });
          // kept alive (idle) until the CPU snapshot has read its thread's time; a thread that ended is gone
          (self as unknown as { benchWorker: Worker }).benchWorker = worker;
          worker.onmessage = (event: MessageEvent<{ ok: boolean; result: WorkerResult; error: string }>) => {
            if (event.data.ok) resolveResult(event.data.result);
            else reject(new Error(event.data.error));
          };
          worker.onerror = (event) => reject(new Error(event.message || 'the bench worker failed to load'));
          worker.postMessage(options);
        }),
      { bundle: source, options: ROUNDS },
    );
    const shares = cpuShares(before, cpuSnapshot());
    await page.evaluate(() => (self as unknown as { benchWorker: Worker }).benchWorker.terminate());

    const rows = [summarize('wide', result.wide), summarize('article', result.article)];
    const [wide, article] = rows as [ReturnType<typeof summarize>, ReturnType<typeof summarize>];
    const nsPerSample = (epochsPerSecond: number) => 1e9 / (epochsPerSecond * 4);
    console.log(
      table(
        `Chromium ${version} module worker; 4 samples, Article shift, rate 0.1, in order, random seed 42; ` +
          `${ROUNDS.rounds} alternating rounds, medians`,
        [
          ['network', 'engine epochs/s', 'plain epochs/s', 'ns/sample engine', 'engine/plain', 'bit-equal'],
          ...rows.map((row) => [
            row.name === 'wide' ? '2-8-1 sigmoid, mini-batches of 2' : '2-2-1 article, per sample',
            count(row.engine),
            count(row.plain),
            fixed(nsPerSample(row.engine), 1),
            `${fixed(row.ratio, 3)}x`,
            row.bitEqual ? 'yes' : 'NO',
          ]),
        ],
      ),
    );
    console.log(
      [
        `ratio wide engine/plain = ${fixed(wide.ratio, 3)}x median of rounds (${wide.ratios.map((r) => fixed(r, 3)).join(', ')})`,
        `ratio article engine/plain = ${fixed(article.ratio, 3)}x median of rounds (${article.ratios.map((r) => fixed(r, 3)).join(', ')})`,
        shares
          ? `CPU while measuring: bench worker ${fixed((shares.workers[0] ?? Number.NaN) * 100, 0)} % of a core, ` +
            `machine ${fixed(shares.machineBusy * 100, 0)} % busy`
          : 'CPU shares: not available on this system',
      ].join('\n'),
    );
    saveResult('wideBrowser', { chromium: version, rounds: ROUNDS, wide, article, cpu: shares });
    expect(wide.bitEqual && article.bitEqual).toBe(true);
  } finally {
    await browser?.close();
  }
});

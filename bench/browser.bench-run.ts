/**
 * Browser bench (system Chromium through playwright-core, against `vite preview` of the built dist/):
 *
 * (a) the app's training worker at "As fast as possible": its epochs/s as the worker itself measures and
 *     posts it, as the growth of the epoch it posts, and as the `Training status` region shows it;
 * (b) the main thread meanwhile: requestAnimationFrame deltas (fps, p95 frame time), long tasks, and how
 *     far the page falls behind the worker (posted epoch minus shown epoch);
 * (c) the yardstick: bench/plainLoop.ts in a Blob-URL worker in the same page (app paused), run before
 *     and after the app's measurement; app worker / plain worker is the budget ratio (target >= 0.9x);
 * (d) where the time goes: the engine bundle (bench/bundle.ts) in a module worker in the same page, timing
 *     `trainEpoch` (engine), the plain loop and the worker's TrainingSession without postMessage (session)
 *     in alternating rounds, so app / session / engine / plain read as a chain of costs;
 * (e) the Decision boundary's own frame rate with the plane scrolled into view (at the top of the page it
 *     is off screen and refreshes once a second): how often it paints its heatmap, and the page's frames
 *     and long tasks meanwhile;
 * (f) the same for each other figure scrolled into view in turn (FIGURE_WALK in browserPage.ts), so
 *     every figure is measured on screen while it follows training;
 * plus the page's JS heap before Play and after 10 million epochs (the memory budget), and screenshots.
 *
 * Everything is recorded where it happens, with wall-clock timestamps (timeOrigin + now), and read
 * afterwards: a page whose main thread cannot keep up with the worker answers Playwright late or not at
 * all, and that must show up as a number, not as a timeout. For the same reason the training worker is
 * started through a thin wrapper (PAGE_PROBE in browserProbe.ts) that notes each frame it posts and can
 * pause it directly. The plumbing is in browserPage.ts, the tables and latest.json in browserReport.ts.
 *
 * Needs `vite build` first (npm run bench does it). Nothing is asserted about speed.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { expect, test } from 'vitest';
import { ARTICLE_PEOPLE } from '../src/core/dataset';
import { initialParams } from '../src/core/init';
import { buildTrainingSet } from '../src/core/trainingSet';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../scripts/chromium';
import {
  ANSWER_MS,
  APP_URL,
  DRAIN_WAIT_MS,
  FIGURE_MS,
  FIGURE_SETTLE_MS,
  FIGURE_WALK,
  IDLE_MS,
  MEASURE_MS,
  MEMORY_EPOCHS,
  MEMORY_WAIT_MS,
  PLANE_MS,
  PLANE_SETTLE_MS,
  VERIFY_EPOCHS,
  WARMUP_MS,
  findTrainingWorker,
  heapAfterGc,
  PLAIN_MS,
  PLAIN_WARMUP_MS,
  runBreakdownWorker,
  runPlainWorkerWatched,
  scrollToFigure,
  sleep,
  startPreview,
  stopServer,
  within,
} from './browserPage';
import {
  frameStats,
  longTaskStats,
  PAGE_PROBE,
  parseStatus,
  redrawStats,
  type PageRecord,
  type PlainResult,
  type WorkerFrame,
} from './browserProbe';
import { buildEngineBundle } from './bundle';
import { plainTrain } from './plainLoop';
import { reportBrowserBench } from './browserReport';
import { bitEqual, median, RESULTS_DIR, ROOT_DIR } from './report';
import { cpuShares, cpuSnapshot } from './threads';

const CHROMIUM = CHROMIUM_PATH;

test('app worker vs plain worker in Chromium, frames, long tasks, heap', async () => {
  if (!existsSync(resolve(ROOT_DIR, 'dist/index.html'))) {
    throw new Error('dist/ is missing: run `npx vite build` first (npm run bench does).');
  }
  if (!existsSync(CHROMIUM)) throw new Error(`no Chromium at ${CHROMIUM} (set CHROME_PATH)`);
  mkdirSync(RESULTS_DIR, { recursive: true });
  const bundleSource = readFileSync((await buildEngineBundle()).file, 'utf8');

  const set = buildTrainingSet(ARTICLE_PEOPLE, 'article');
  const start = initialParams('random', 42);
  const nodeVerify = Float64Array.from(start);
  const nodeVerifyLossSum = plainTrain(nodeVerify, set.inputs, set.targets, set.count, 0.1, VERIFY_EPOCHS);
  const plainMessage = {
    inputs: set.inputs,
    targets: set.targets,
    count: set.count,
    rate: 0.1,
    start,
    verifyEpochs: VERIFY_EPOCHS,
    warmupMs: PLAIN_WARMUP_MS,
    measureMs: PLAIN_MS,
  };

  const server = await startPreview(ROOT_DIR);

  let browser: Browser | null = null;
  try {
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        ...CHROMIUM_ARGS,
        // performance.memory is otherwise rounded and cached; this makes it a real reading
        '--enable-precise-memory-info',
      ],
    });
    // The built app's Content-Security-Policy (worker-src 'self') forbids blob: workers, and the bench's
    // instruments are blob: workers (the plain loop, the breakdown, the frame-noting wrapper). Bypassing
    // CSP changes nothing about how the app itself runs.
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, bypassCSP: true });
    const problems: string[] = [];
    const notes: string[] = [];
    page.on('console', (m) => m.type() === 'error' && problems.push(`console.error: ${m.text()}`));
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    await page.addInitScript(PAGE_PROBE);
    const loadStart = Date.now();
    await page.goto(APP_URL);
    await page.getByRole('region', { name: 'Training status' }).waitFor();
    await page.getByRole('button', { name: 'Play', exact: true }).waitFor();
    const loadMs = Date.now() - loadStart;
    const training = await findTrainingWorker(page);
    const workerFrames = () => training.evaluate<WorkerFrame[]>('self.__bench.frames');
    const lastWorkerEpoch = async () =>
      (await training.evaluate<WorkerFrame | undefined>('self.__bench.frames.at(-1)'))?.[1] ?? 0;

    // the page at rest: the frame rate headless Chromium gives us anyway
    const idleFrom = Date.now();
    await sleep(IDLE_MS);
    const idleTo = Date.now();

    // (c, before) the plain loop in a Blob worker, the app idle
    const [plainBefore, cpuPlainBefore] = await runPlainWorkerWatched(page, plainMessage);
    const heapBefore = await page.evaluate<{ used: number; total: number } | null>('window.__bench.heap()');
    const heapBeforeGc = await heapAfterGc(page);

    // (a, b) the app at full speed
    const speed = page.getByRole('slider', { name: 'Speed' });
    await speed.focus();
    await speed.press('End');
    const speedText = (await speed.getAttribute('aria-valuetext')) ?? '';
    const clickedPlayAt = Date.now();
    await page.getByRole('button', { name: 'Play', exact: true }).click();
    while (!(await workerFrames()).some((f) => f[4] === 1)) {
      if (Date.now() - clickedPlayAt > ANSWER_MS)
        throw new Error('the worker did not start running after Play');
      await sleep(50);
    }
    await sleep(WARMUP_MS);
    const measureFrom = Date.now();
    const cpuFrom = cpuSnapshot();
    await sleep(MEASURE_MS);
    const cpuMeasure = cpuShares(cpuFrom, cpuSnapshot());
    const measureTo = Date.now();
    const shot = await within(
      page.screenshot({ path: resolve(RESULTS_DIR, 'lab-training.png'), fullPage: true, timeout: ANSWER_MS }),
      ANSWER_MS + 1000,
    );
    if (!shot.ok)
      notes.push('the page did not paint a screenshot within 15 s while training: took it after Pause');

    // (e) the Decision boundary in view: how often it paints, and the page meanwhile
    const plane = page.getByRole('figure', { name: 'Decision boundary' });
    await scrollToFigure(page, 'figure[aria-label="Decision boundary"]', 'Decision boundary', notes);
    await sleep(PLANE_SETTLE_MS);
    const planeFrom = Date.now();
    const cpuPlaneFrom = cpuSnapshot();
    await sleep(PLANE_MS);
    const cpuPlane = cpuShares(cpuPlaneFrom, cpuSnapshot());
    const planeTo = Date.now();
    const planeShot = await within(
      plane.screenshot({ path: resolve(RESULTS_DIR, 'plane-training.png'), timeout: ANSWER_MS }),
      ANSWER_MS + 1000,
    );

    // (f) every other figure in view in turn
    const walk: { name: string; from: number; to: number }[] = [];
    for (const figure of FIGURE_WALK) {
      await scrollToFigure(page, figure.selector, figure.name, notes);
      await sleep(FIGURE_SETTLE_MS);
      const from = Date.now();
      await sleep(FIGURE_MS);
      walk.push({ name: figure.name, from, to: Date.now() });
    }
    await within(
      page.evaluate(() => window.scrollTo(0, 0)),
      ANSWER_MS,
    );

    // keep training to 10 million epochs (the memory budget)
    let workerEpoch = await lastWorkerEpoch();
    while (workerEpoch < MEMORY_EPOCHS && Date.now() - clickedPlayAt < MEMORY_WAIT_MS) {
      await sleep(250);
      workerEpoch = await lastWorkerEpoch();
    }
    const memoryAt = Date.now();
    const heapAtMemory = await within(
      page.evaluate<{ used: number; total: number } | null>('window.__bench.heap()'),
      ANSWER_MS,
    );
    const shownAtMemory = await within(page.evaluate<string>('window.__bench.statusText()'), ANSWER_MS);
    const epochAtMemory = await lastWorkerEpoch();
    const lag = shownAtMemory.ok ? epochAtMemory - parseStatus(shownAtMemory.value).epoch : Number.NaN;

    // Pause through the UI; if the page cannot take the click, pause the worker directly
    const clickedPauseAt = Date.now();
    const pausedByUi = await within(
      page.getByRole('button', { name: 'Pause', exact: true }).click({ timeout: ANSWER_MS }),
      ANSWER_MS + 1000,
    );
    if (!pausedByUi.ok) {
      notes.push('the Pause button did not take a click within 15 s: paused the worker directly');
      await training.evaluate('self.dispatchEvent(new MessageEvent("message", { data: { type: "pause" } }))');
    }
    // the page has caught up when it shows the worker's last epoch
    let finalEpoch = await lastWorkerEpoch();
    let drainedAt = Number.NaN;
    while (Date.now() - clickedPauseAt < DRAIN_WAIT_MS) {
      const text = await within(page.evaluate<string>('window.__bench.statusText()'), ANSWER_MS);
      finalEpoch = await lastWorkerEpoch();
      // paused: the status shows no rate any more, and the epoch the worker posted last
      if (text.ok && parseStatus(text.value).epoch === finalEpoch && !/epochs\/s/.test(text.value)) {
        drainedAt = Date.now();
        break;
      }
      await sleep(100);
    }
    if (!shot.ok) await page.screenshot({ path: resolve(RESULTS_DIR, 'lab-training.png'), fullPage: true });
    const heapAfterGcReading = await heapAfterGc(page);
    const record = await page.evaluate<PageRecord>('window.__bench.read()');
    const frames = await workerFrames();

    // (c, after) the plain loop again, the app paused; (d) the breakdown
    const [plainAfter, cpuPlainAfter] = await runPlainWorkerWatched(page, plainMessage);
    const breakdown = await runBreakdownWorker(page, bundleSource);
    const paint = await page.evaluate(() => {
      const fcp = performance.getEntriesByName('first-contentful-paint')[0];
      return fcp ? fcp.startTime : Number.NaN;
    });

    // ---- numbers
    const inMeasure = frames.filter((f) => f[0] >= measureFrom && f[0] <= measureTo && f[4] === 1);
    const firstFrame = inMeasure[0]!;
    const lastFrame = inMeasure[inMeasure.length - 1]!;
    const workerGrowth = ((lastFrame[1] - firstFrame[1]) * 1000) / (lastFrame[0] - firstFrame[0]);
    const workerOwn = median(inMeasure.map((f) => f[2]).filter((r) => r > 0));
    const epochsPerFrame = median(inMeasure.map((f) => f[3]));
    const shown = record.samples
      .filter((s) => s.at >= measureFrom && s.at <= measureTo)
      .map((s) => ({ at: s.at, ...parseStatus(s.text) }))
      .filter((s) => Number.isFinite(s.epoch));
    const shownGrowth =
      // fewer readings than half the window means the page was too busy to sample its own status
      shown.length >= 2 && shown.at(-1)!.at - shown[0]!.at > MEASURE_MS / 2
        ? ((shown.at(-1)!.epoch - shown[0]!.epoch) * 1000) / (shown.at(-1)!.at - shown[0]!.at)
        : Number.NaN;
    const plainRateOf = (r: PlainResult) => (r.epochs * 1000) / r.ms;
    const plainRates = [plainRateOf(plainBefore), plainRateOf(plainAfter)] as const;
    const plainRate = (plainRates[0] + plainRates[1]) / 2;
    const ui = frameStats(record.frames, measureFrom, measureTo);
    const planeDraws = redrawStats(record.planeDraws, planeFrom, planeTo);
    const planeUi = frameStats(record.frames, planeFrom, planeTo);
    const planeLong = longTaskStats(record.long, planeFrom, planeTo);
    const idleUi = frameStats(record.frames, idleFrom, idleTo);
    const figuresInView = walk.map(({ name, from, to }) => ({
      name,
      ui: frameStats(record.frames, from, to),
      long: longTaskStats(record.long, from, to),
    }));
    const longMeasure = longTaskStats(record.long, measureFrom, measureTo);
    const longRun = longTaskStats(record.long, clickedPlayAt, clickedPauseAt);
    const longLoad = longTaskStats(record.long, 0, idleFrom);
    const sameAsNode = [plainBefore, plainAfter].every(
      (r) =>
        bitEqual(new Float64Array(r.verifyParams), nodeVerify) &&
        Object.is(r.verifyLossSum, nodeVerifyLossSum),
    );
    const inWorker = {
      engine: median(breakdown.rates.engine!),
      plain: median(breakdown.rates.plain!),
      session: median(breakdown.rates.session!),
    };
    const pauseShownMs = record.pauseShownAt ? record.pauseShownAt - clickedPlayAt : Number.NaN;
    const browserVersion = browser.version();
    reportBrowserBench({
      browserVersion,
      workerOwn,
      epochsPerFrame,
      workerGrowth,
      shownGrowth,
      plainRate,
      pauseShownMs,
      epochAtMemory,
      lag,
      drainedAt,
      clickedPauseAt,
      clickedPlayAt,
      memoryAt,
      paint,
      loadMs,
      finalEpoch,
      inMeasure,
      firstFrame,
      lastFrame,
      shown,
      plainRates,
      plainBefore,
      plainAfter,
      cpuMeasure,
      cpuPlainBefore,
      cpuPlainAfter,
      cpuPlane,
      ui,
      idleUi,
      planeUi,
      longMeasure,
      longRun,
      longLoad,
      planeLong,
      planeDraws,
      figuresInView,
      record,
      planeShot,
      shot,
      pausedByUi,
      shownAtMemory,
      heapBefore,
      heapBeforeGc,
      heapAfterGcReading,
      heapAtMemory,
      breakdown,
      inWorker,
      sameAsNode,
      speedText,
      notes,
      problems,
      setCount: set.count,
    });

    for (const value of [workerGrowth, plainRate, inWorker.engine, inWorker.plain, inWorker.session]) {
      expect(Number.isFinite(value) && value > 0).toBe(true);
    }
  } finally {
    await browser?.close();
    await stopServer(server);
  }
}, 600_000);
